"""`tradebridge ledger-check` passes a sound ledger and names each breach in a corrupted one.

Corruption goes in with raw SQL after dropping the append-only triggers, inside a savepoint
that is rolled back, as a restored backup or a bypassed trigger would leave the data.
"""

from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from tests import factories
from tests.ledger.factories import pay, release
from tradebridge.ledger import guard, services
from tradebridge.ledger.models import LedgerAccount, Posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger():
    buyer, supplier = factories.company(kind="buyer"), factories.company(kind="supplier")
    payment = pay(buyer=buyer, order_id=1, amount="1000.00")
    released = release(buyer=buyer, supplier=supplier, order_id=1, held="1000.00", total="110.00")
    wrong = pay(buyer=buyer, order_id=2, amount="50.00")
    with transaction.atomic():
        reversal = services.reverse(transaction_id=wrong.pk, reason="test payment")
    return {"payment": payment, "release": released, "reversal": reversal}


def check() -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ledger-check", stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@contextmanager
def corrupted(*statements: str):
    """Run raw SQL with the triggers gone; everything is rolled back afterwards."""
    drop = guard.postgres_drop() if connection.vendor == "postgresql" else guard.sqlite_drop()
    with transaction.atomic():
        with connection.cursor() as cursor:
            for sql in [*drop, *statements]:
                cursor.execute(sql)
        yield
        transaction.set_rollback(True)


def test_a_sound_ledger_passes(ledger):
    code, out, err = check()
    assert (code, err) == (0, "")
    assert "Ledger OK: 4 transactions" in out


def test_an_unbalanced_transaction_is_reported(ledger):
    posting = ledger["payment"].postings.order_by("pk").first()
    with corrupted(f"UPDATE ledger_posting SET amount = amount + 1 WHERE id = {posting.pk}"):
        code, _, err = check()
    assert code == 1
    assert f"transaction {ledger['payment'].pk} (payment order-1-full) does not balance in CNY" in err
    assert check()[0] == 0  # the corruption was rolled back with the savepoint


def test_orphan_postings_are_reported(ledger):
    account = LedgerAccount.objects.first()
    with corrupted(
        "INSERT INTO ledger_posting (transaction_id, account_id, amount, currency) "
        f"VALUES (999999, {account.pk}, 0, '{account.currency}')"
    ):
        code, _, err = check()
    assert code == 1
    assert "points to transaction 999999, which does not exist" in err


def test_negative_escrow_is_reported_even_when_every_transaction_balances(ledger):
    # Halve both legs of the payment: it still balances, but the release now takes more out of
    # escrow than went in.
    with corrupted(f"UPDATE ledger_posting SET amount = amount / 2 WHERE transaction_id = {ledger['payment'].pk}"):
        code, _, err = check()
    assert code == 1
    assert "escrow for order 1 goes negative (CNY -500" in err
    assert "does not balance" not in err


def test_a_reversal_that_does_not_mirror_its_original_is_reported(ledger):
    reversal = ledger["reversal"]
    with corrupted(
        f"UPDATE ledger_posting SET amount = amount / 2 WHERE transaction_id = {reversal.pk}",
    ):
        code, _, err = check()
    assert code == 1
    assert f"transaction {reversal.pk} does not mirror the postings of transaction {reversal.reverses_id}" in err


def test_a_reversal_of_a_missing_transaction_is_reported(ledger):
    reversal = ledger["reversal"]
    with corrupted(f"UPDATE ledger_ledgertransaction SET reverses_id = 999999 WHERE id = {reversal.pk}"):
        code, _, err = check()
    assert code == 1
    assert f"transaction {reversal.pk} reverses transaction 999999, which does not exist" in err


def test_a_posting_in_another_currency_than_its_account_is_reported(ledger):
    posting = Posting.objects.filter(currency="GBP").order_by("pk").first()
    with corrupted(f"UPDATE ledger_posting SET currency = 'CNY' WHERE id = {posting.pk}"):
        code, _, err = check()
    assert code == 1
    assert f"posting {posting.pk} of transaction {posting.transaction_id} is in CNY but account" in err
    assert len(err.strip().splitlines()) >= 2  # the release no longer balances either


def test_ledger_reverse_corrects_an_entry_from_the_command_line(ledger):
    out = StringIO()
    call_command("ledger-reverse", str(ledger["release"].pk), "--reason", "released too early", stdout=out)
    assert f"Transaction {ledger['release'].pk} reversed by transaction" in out.getvalue()
    assert check()[0] == 0
    with pytest.raises(CommandError, match="already been reversed"):
        call_command("ledger-reverse", str(ledger["release"].pk), "--reason", "again")
