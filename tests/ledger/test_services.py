"""Posting and reversing against the real database; entries cannot be changed or deleted."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from tests import factories
from tests.ledger.factories import cny, pay, release
from tradebridge.core.errors import Conflict, DomainError, NotFound
from tradebridge.ledger import flows, selectors, services
from tradebridge.ledger.domain import LedgerError
from tradebridge.ledger.models import AppendOnly, LedgerAccount, LedgerTransaction, Posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def parties():
    return factories.company(kind="buyer"), factories.company(kind="supplier")


def test_a_payment_and_a_release_post_balanced_rows_and_empty_escrow(parties):
    buyer, supplier = parties
    pay(buyer=buyer, order_id=41, amount="2730.96", part="deposit")
    pay(buyer=buyer, order_id=41, amount="6372.24", part="balance")
    assert selectors.escrow_balance(41) == cny("9103.20")
    txn = release(buyer=buyer, supplier=supplier, order_id=41, held="9103.20", total="1000.00")
    assert selectors.escrow_balance(41) == cny(0)
    rows = {
        (p.account.kind, p.account.company_id, p.currency, p.amount) for p in txn.postings.select_related("account")
    }
    assert ("supplier_payable", supplier.pk, "GBP", Decimal("970.000000")) in rows
    assert ("platform_commission", None, "GBP", Decimal("30.000000")) in rows
    for currency in ("CNY", "GBP"):
        assert sum(p.amount for p in Posting.objects.filter(currency=currency)) == 0


def test_posting_the_same_reference_twice_returns_the_first_transaction(parties):
    buyer, _ = parties
    first = pay(buyer=buyer, order_id=5, amount="100.00")
    again = pay(buyer=buyer, order_id=5, amount="100.00")
    assert again.pk == first.pk
    assert LedgerTransaction.objects.count() == 1
    assert selectors.escrow_balance(5) == cny(100)


def test_the_same_reference_with_different_postings_is_a_conflict(parties):
    buyer, _ = parties
    pay(buyer=buyer, order_id=5, amount="100.00")
    with pytest.raises(Conflict) as caught:
        pay(buyer=buyer, order_id=5, amount="99.00")
    assert caught.value.code == "ledger_reference_reused"
    assert selectors.escrow_balance(5) == cny(100)


def test_an_unbalanced_post_is_refused_and_writes_nothing(parties):
    buyer, _ = parties
    postings = flows.payment_postings(buyer_id=buyer.pk, amount_cny=cny(10))
    postings[0] = flows.Posting(postings[0].account, cny("-9.99"))
    with pytest.raises(LedgerError), transaction.atomic():
        services.post(kind="payment", postings=postings, reference="x", order_id=1)
    assert not LedgerTransaction.objects.exists() and not Posting.objects.exists()


def test_post_joins_the_callers_transaction(parties):
    buyer, _ = parties

    class CallerFailed(Exception):
        pass

    with pytest.raises(CallerFailed), transaction.atomic():
        pay(buyer=buyer, order_id=9, amount="50.00")
        raise CallerFailed  # e.g. the order's state change failed after the posting
    assert not LedgerTransaction.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_post_refuses_to_run_outside_a_transaction(parties):
    buyer, _ = parties
    with pytest.raises(RuntimeError):
        services.post(
            kind="payment",
            postings=flows.payment_postings(buyer_id=buyer.pk, amount_cny=cny(10)),
            reference="order-1-full",
        )


def test_reverse_mirrors_the_original_and_restores_balances(parties):
    buyer, supplier = parties
    pay(buyer=buyer, order_id=7, amount="500.00")
    wrong = release(buyer=buyer, supplier=supplier, order_id=7, held="500.00", total="55.00")
    with transaction.atomic():
        reversal = services.reverse(transaction_id=wrong.pk, reason="Released before delivery")
    assert reversal.reverses_id == wrong.pk and reversal.order_id == 7 and reversal.kind == "reversal"
    original = sorted((p.account_id, p.currency, p.amount) for p in wrong.postings.all())
    mirrored = sorted((p.account_id, p.currency, -p.amount) for p in reversal.postings.all())
    assert original == mirrored
    assert selectors.escrow_balance(7) == cny(500)


def test_a_transaction_is_reversed_at_most_once_and_reversals_are_final(parties):
    buyer, _ = parties
    txn = pay(buyer=buyer, order_id=7, amount="500.00")
    with transaction.atomic():
        reversal = services.reverse(transaction_id=txn.pk, reason="Duplicate payment")
    with pytest.raises(Conflict) as twice, transaction.atomic():
        services.reverse(transaction_id=txn.pk, reason="again")
    assert twice.value.code == "ledger_already_reversed"
    with pytest.raises(Conflict) as of_reversal, transaction.atomic():
        services.reverse(transaction_id=reversal.pk, reason="undo the undo")
    assert of_reversal.value.code == "ledger_reverse_reversal"
    with pytest.raises(NotFound), transaction.atomic():
        services.reverse(transaction_id=10**9, reason="nothing")
    with pytest.raises(DomainError) as no_reason, transaction.atomic():
        services.reverse(transaction_id=txn.pk, reason="  ")
    assert no_reason.value.field == "reason"


def test_the_models_refuse_updates_and_deletes(parties):
    buyer, _ = parties
    txn = pay(buyer=buyer, order_id=3, amount="10.00")
    posting = txn.postings.first()
    posting.amount = Decimal("999")
    for attempt in (posting.save, posting.delete, txn.delete, lambda: Posting.objects.update(amount=0)):
        with pytest.raises(AppendOnly):
            attempt()
    with pytest.raises(AppendOnly):
        LedgerTransaction.objects.filter(pk=txn.pk).delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE ledger_posting SET amount = 0",
        "DELETE FROM ledger_posting",
        "UPDATE ledger_ledgertransaction SET memo = 'edited'",
        "DELETE FROM ledger_ledgertransaction",
    ],
)
def test_the_database_refuses_raw_updates_and_deletes(parties, sql):
    buyer, _ = parties
    pay(buyer=buyer, order_id=3, amount="10.00")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert Posting.objects.filter(amount=Decimal("10")).exists()
    assert not LedgerTransaction.objects.filter(memo="edited").exists()


def test_accounts_are_made_once_per_owner_and_currency(parties):
    buyer, supplier = parties
    pay(buyer=buyer, order_id=1, amount="10.00")
    pay(buyer=buyer, order_id=2, amount="10.00")
    release(buyer=buyer, supplier=supplier, order_id=1, held="10.00", total="1.10")
    kinds = sorted(LedgerAccount.objects.values_list("kind", "currency"))
    assert kinds == sorted(
        [
            ("buyer_clearing", "CNY"),
            ("escrow_held", "CNY"),
            ("fx", "CNY"),
            ("fx", "GBP"),
            ("platform_commission", "GBP"),
            ("supplier_payable", "GBP"),
        ]
    )


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_a_database_with_ledger_entries(parties):
    # Test teardown flushes the database; PostgreSQL truncates (no row triggers) and SQLite
    # deletes, which the ledger's `flush` lets through deliberately.
    buyer, _ = parties
    pay(buyer=buyer, order_id=1, amount="10.00")
    call_command("flush", interactive=False, verbosity=0)
    assert not Posting.objects.exists() and not LedgerTransaction.objects.exists()


def test_amounts_with_more_than_six_decimals_are_refused():
    postings = [
        flows.Posting(flows.ESCROW, cny("0.0000001")),
        flows.Posting(flows.FX, cny("-0.0000001")),
    ]
    with pytest.raises(LedgerError), transaction.atomic():
        services.post(kind="payment", postings=postings, reference="tiny")
    assert not LedgerTransaction.objects.exists()


def test_escrow_for_an_order_cannot_be_overdrawn(parties):
    buyer, supplier = parties
    pay(buyer=buyer, order_id=8, amount="100.00")
    with pytest.raises(LedgerError) as caught:
        release(buyer=buyer, supplier=supplier, order_id=8, held="100.01", total="11.00")
    assert caught.value.code == "ledger_escrow_overdrawn"
    release(buyer=buyer, supplier=supplier, order_id=8, held="100.00", total="11.00")
    payment = LedgerTransaction.objects.get(kind="payment")
    with pytest.raises(LedgerError), transaction.atomic():  # the money has gone to the supplier
        services.reverse(transaction_id=payment.pk, reason="paid twice")
