"""The order flows balance per currency and neither make nor lose a minor unit."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradebridge.ledger.domain import AccountKind, AccountRef, LedgerError, Posting, check_balanced
from tradebridge.ledger.flows import (
    ESCROW,
    balances,
    commission_on,
    partial_refund_postings,
    payment_postings,
    refund_postings,
    release_postings,
)
from tradebridge.pricing.money import Money

BUYER, SUPPLIER = 7, 11


def cny(value) -> Money:
    return Money(Decimal(value), "CNY")


def gbp(value) -> Money:
    return Money(Decimal(value), "GBP")


fen = st.integers(min_value=1, max_value=10**10).map(lambda n: Money(Decimal(n).scaleb(-2), "CNY"))
pence = st.integers(min_value=1, max_value=10**9).map(lambda n: Money(Decimal(n).scaleb(-2), "GBP"))
rates = st.integers(min_value=0, max_value=3000).map(lambda n: Decimal(n).scaleb(-4))  # 0% to 30%


def held_in_escrow(postings: list[Posting]) -> Money:
    return balances(postings).get((ESCROW, "CNY"), cny(0))


def assert_balanced(postings):
    check_balanced(postings)
    for currency in {p.amount.currency for p in postings}:
        assert sum(p.amount.amount for p in postings if p.amount.currency == currency) == 0


def test_a_release_in_numbers():
    # £1,000.00 at ¥9.1032 = ¥9,103.20 held; 3% commission.
    postings = release_postings(
        buyer_id=BUYER,
        supplier_id=SUPPLIER,
        held_cny=cny("9103.20"),
        order_total=gbp("1000.00"),
        commission_rate=Decimal("0.03"),
    )
    assert {(p.account.kind, str(p.amount)) for p in postings} == {
        (AccountKind.ESCROW_HELD, "CNY -9103.20"),
        (AccountKind.FX, "CNY 9103.20"),
        (AccountKind.FX, "GBP -1000.00"),
        (AccountKind.SUPPLIER_PAYABLE, "GBP 970.00"),
        (AccountKind.PLATFORM_COMMISSION, "GBP 30.00"),
    }


def test_commission_rounds_half_up_to_the_penny():
    assert commission_on(gbp("0.50"), Decimal("0.01")) == gbp("0.01")  # 0.005 -> 0.01
    assert commission_on(gbp("0.49"), Decimal("0.01")) == gbp("0.00")


def test_a_partial_refund_in_numbers():
    # ¥1,000 held for £100; ¥250 refunded: ¥750 released = £75, less 3% = £72.75 + £2.25.
    postings = partial_refund_postings(
        buyer_id=BUYER,
        supplier_id=SUPPLIER,
        held_cny=cny("1000.00"),
        refund_cny=cny("250.00"),
        order_total=gbp("100.00"),
        commission_rate=Decimal("0.03"),
    )
    got = {(p.account.kind, str(p.amount)) for p in postings}
    assert got == {
        (AccountKind.ESCROW_HELD, "CNY -1000.00"),
        (AccountKind.REFUNDS, "CNY 250.00"),
        (AccountKind.FX, "CNY 750.00"),
        (AccountKind.FX, "GBP -75.00"),
        (AccountKind.SUPPLIER_PAYABLE, "GBP 72.75"),
        (AccountKind.PLATFORM_COMMISSION, "GBP 2.25"),
    }


@pytest.mark.parametrize(
    ("postings", "code"),
    [
        ([], "ledger_too_few_postings"),
        ([Posting(ESCROW, cny(0))], "ledger_too_few_postings"),
        ([Posting(ESCROW, cny(1)), Posting(AccountRef(AccountKind.FX), cny("-0.99"))], "ledger_unbalanced"),
        # Balanced in total value but not per currency.
        ([Posting(ESCROW, cny(1)), Posting(AccountRef(AccountKind.FX), gbp(-1))], "ledger_unbalanced"),
    ],
)
def test_unbalanced_postings_are_refused(postings, code):
    with pytest.raises(LedgerError) as caught:
        check_balanced(postings)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: payment_postings(buyer_id=BUYER, amount_cny=gbp(10)), "ledger_currency"),
        (lambda: payment_postings(buyer_id=BUYER, amount_cny=cny(0)), "ledger_amount_not_positive"),
        (lambda: payment_postings(buyer_id=BUYER, amount_cny=cny("1.005")), "ledger_amount_precision"),
        (lambda: refund_postings(buyer_id=BUYER, amount_cny=cny(-5)), "ledger_amount_not_positive"),
        (
            lambda: release_postings(
                buyer_id=BUYER, supplier_id=SUPPLIER, held_cny=cny(10), order_total=gbp(1), commission_rate=Decimal(1)
            ),
            "ledger_commission_rate",
        ),
        (
            lambda: partial_refund_postings(
                buyer_id=BUYER,
                supplier_id=SUPPLIER,
                held_cny=cny(10),
                refund_cny=cny("10.01"),
                order_total=gbp(1),
                commission_rate=Decimal("0.03"),
            ),
            "ledger_refund_exceeds_held",
        ),
    ],
)
def test_bad_flow_input_is_refused_with_a_code(call, code):
    with pytest.raises(LedgerError) as caught:
        call()
    assert caught.value.code == code


def test_accounts_belong_to_the_right_owner():
    with pytest.raises(LedgerError):
        AccountRef(AccountKind.SUPPLIER_PAYABLE)
    with pytest.raises(LedgerError):
        AccountRef(AccountKind.ESCROW_HELD, 3)


@given(amount=fen)
def test_a_payment_balances_and_fills_escrow(amount):
    postings = payment_postings(buyer_id=BUYER, amount_cny=amount)
    assert_balanced(postings)
    assert held_in_escrow(postings) == amount


@given(parts=st.lists(fen, min_size=1, max_size=2), total=pence, rate=rates)
def test_payment_then_release_empties_escrow_and_pays_the_order_total(parts, total, rate):
    postings = [p for part in parts for p in payment_postings(buyer_id=BUYER, amount_cny=part)]
    held = held_in_escrow(postings)
    release = release_postings(
        buyer_id=BUYER, supplier_id=SUPPLIER, held_cny=held, order_total=total, commission_rate=rate
    )
    assert_balanced(release)
    after = balances(postings + release)
    assert after[(ESCROW, "CNY")] == cny(0)
    payable = after.get((AccountRef(AccountKind.SUPPLIER_PAYABLE, SUPPLIER), "GBP"), gbp(0))
    commission = after.get((AccountRef(AccountKind.PLATFORM_COMMISSION), "GBP"), gbp(0))
    assert payable + commission == total
    assert commission.amount == (total.amount * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)


@given(amount=fen)
def test_payment_then_full_refund_empties_escrow_and_repays_the_buyer(amount):
    postings = payment_postings(buyer_id=BUYER, amount_cny=amount)
    refund = refund_postings(buyer_id=BUYER, amount_cny=held_in_escrow(postings))
    assert_balanced(refund)
    after = balances(postings + refund)
    assert after[(ESCROW, "CNY")] == cny(0)
    assert after[(AccountRef(AccountKind.REFUNDS, BUYER), "CNY")] == amount


@given(held=fen, share=st.fractions(min_value=0, max_value=1), total=pence, rate=rates)
def test_partial_refund_plus_release_is_exactly_what_was_held(held, share, total, rate):
    refund = (held * share.numerator / share.denominator).rounded()
    if not refund:
        return  # a refund of nothing is a release, refused as a partial refund
    postings = partial_refund_postings(
        buyer_id=BUYER, supplier_id=SUPPLIER, held_cny=held, refund_cny=refund, order_total=total, commission_rate=rate
    )
    assert_balanced(postings)
    after = balances(postings)
    assert after[(ESCROW, "CNY")] == -held
    refunded = after[(AccountRef(AccountKind.REFUNDS, BUYER), "CNY")]
    released = after.get((AccountRef(AccountKind.FX), "CNY"), cny(0))
    assert refunded == refund
    assert refunded + released == held
    paid_out = -after.get((AccountRef(AccountKind.FX), "GBP"), gbp(0))
    payable = after.get((AccountRef(AccountKind.SUPPLIER_PAYABLE, SUPPLIER), "GBP"), gbp(0))
    commission = after.get((AccountRef(AccountKind.PLATFORM_COMMISSION), "GBP"), gbp(0))
    assert payable + commission == paid_out
    # Pro rata: the supplier's share of the total is within a penny of the released fraction.
    assert abs(paid_out.amount - total.amount * released.amount / held.amount) <= Decimal("0.01")
