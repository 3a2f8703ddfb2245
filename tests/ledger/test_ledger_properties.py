"""Random sequences of order money movements, posted for real, always leave a sound ledger."""

import itertools
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories
from tests.ledger.factories import cny, gbp
from tradebridge.ledger import audit, flows, selectors, services

pytestmark = pytest.mark.django_db
_orders = itertools.count(1000)

amounts = st.integers(min_value=1, max_value=10**8).map(lambda n: Decimal(n).scaleb(-2))
endings = st.sampled_from(["release", "refund", "partial_refund", "reverse_payment", "open"])


@pytest.fixture
def parties():
    return factories.company(kind="buyer"), factories.company(kind="supplier")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(amounts, min_size=1, max_size=2),
    total=amounts,
    rate=st.integers(min_value=0, max_value=2500).map(lambda n: Decimal(n).scaleb(-4)),
    ending=endings,
    refund_share=st.integers(min_value=1, max_value=99),
)
def test_any_order_history_keeps_every_invariant(parties, parts, total, rate, ending, refund_share):
    buyer, supplier = parties
    order_id = next(_orders)
    with transaction.atomic():
        payments = [
            services.post(
                kind="payment",
                postings=flows.payment_postings(buyer_id=buyer.pk, amount_cny=cny(part)),
                reference=f"o{order_id}:part{i}",
                order_id=order_id,
            )
            for i, part in enumerate(parts)
        ]
        held = selectors.escrow_balance(order_id)
        assert held == cny(sum(parts))
        common = {"buyer_id": buyer.pk, "supplier_id": supplier.pk, "held_cny": held}
        if ending == "release":
            postings = flows.release_postings(**common, order_total=gbp(total), commission_rate=rate)
        elif ending == "refund":
            postings = flows.refund_postings(buyer_id=buyer.pk, amount_cny=held)
        elif ending == "partial_refund":
            refund = max(cny("0.01"), (held * refund_share / 100).rounded())
            if refund >= held:
                postings = flows.refund_postings(buyer_id=buyer.pk, amount_cny=held)
                ending = "refund"
            else:
                postings = flows.partial_refund_postings(
                    **common, refund_cny=refund, order_total=gbp(total), commission_rate=rate
                )
        else:
            postings = None
        if postings is not None:
            services.post(kind=ending, postings=postings, reference=f"o{order_id}:{ending}", order_id=order_id)
        if ending == "reverse_payment":
            services.reverse(transaction_id=payments[0].pk, reason="duplicate")
    expected = {"open": held, "reverse_payment": held - cny(parts[0])}.get(ending, cny(0))
    assert selectors.escrow_balance(order_id) == expected
    assert audit.breaches() == []


def test_a_post_takes_a_fixed_number_of_queries_once_its_accounts_exist(parties):
    buyer, supplier = parties

    def pay_and_release(order_id):
        services.post(
            kind="payment",
            postings=flows.payment_postings(buyer_id=buyer.pk, amount_cny=cny(100)),
            reference=f"{order_id}:full",
            order_id=order_id,
        )
        release = flows.release_postings(
            buyer_id=buyer.pk,
            supplier_id=supplier.pk,
            held_cny=cny(100),
            order_total=gbp(11),
            commission_rate=Decimal("0.03"),
        )
        with CaptureQueriesContext(connection) as queries:
            services.post(kind="release", postings=release, reference=f"{order_id}:release", order_id=order_id)
        return len(queries)

    with transaction.atomic():
        pay_and_release(1)  # creates the accounts
        # Reference look-up, escrow check, savepoint, transaction, accounts, postings, release.
        assert pay_and_release(2) <= 7
