"""An order through its life with real stock and a real ledger: confirmation holds stock,
closing moves give it back, payments and releases are posted in the same transaction."""

from decimal import Decimal

import pytest

from tests import factories
from tests.orders import factories as orders
from tradebridge.catalog.models import Variant
from tradebridge.core.errors import Conflict, DomainError, Forbidden, NotFound
from tradebridge.ledger.models import LedgerTransaction
from tradebridge.ledger.selectors import escrow_balance
from tradebridge.orders import services
from tradebridge.orders.models import OrderEvent, Payment, StockReservation

pytestmark = pytest.mark.django_db


def _stock(variant):
    return Variant.objects.get(pk=variant.pk).stock_on_hand


def test_confirmation_reserves_stock_and_asks_for_payment(placed, supplier, variant):
    order = services.confirm_order(membership=supplier, order_id=placed.pk)
    assert order.state == "awaiting_payment" and order.confirmed_at is not None
    assert _stock(variant) == 80
    reservation = StockReservation.objects.get()
    assert (reservation.variant_id, reservation.quantity, reservation.released_at) == (variant.pk, 20, None)
    steps = list(order.events.values_list("from_state", "to_state", "actor_kind", "actor_user"))
    assert steps[1:] == [
        ("placed", "confirmed", "supplier", supplier.user_id),
        ("confirmed", "awaiting_payment", "system", None),
    ]


@pytest.mark.parametrize("who", ["buyer", "supplier"])
def test_cancelling_gives_the_stock_back(placed, buyer, supplier, variant, who):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    membership = buyer if who == "buyer" else supplier
    order = services.cancel_order(membership=membership, order_id=placed.pk, reason="Changed plans")
    assert order.state == "cancelled" and _stock(variant) == 100
    assert StockReservation.objects.get().released_at is not None
    assert order.events.last().reason == "Changed plans"


def test_rejection_needs_a_reason(placed, supplier, variant):
    with pytest.raises(DomainError) as caught:
        services.reject_order(membership=supplier, order_id=placed.pk, reason=" ")
    assert caught.value.code == "reason_required"
    order = services.reject_order(membership=supplier, order_id=placed.pk, reason="Discontinued colour")
    assert order.state == "rejected" and order.events.last().reason == "Discontinued colour"
    assert _stock(variant) == 100


def test_confirmation_without_enough_stock_is_refused_whole(placed, supplier, variant):
    Variant.objects.filter(pk=variant.pk).update(stock_on_hand=19)
    with pytest.raises(Conflict) as caught:
        services.confirm_order(membership=supplier, order_id=placed.pk)
    assert caught.value.code == "insufficient_stock"
    placed.refresh_from_db()
    assert placed.state == "placed" and _stock(variant) == 19
    assert not StockReservation.objects.exists() and placed.events.count() == 1


def test_the_buyer_cannot_confirm_and_a_stranger_cannot_see(placed, buyer):
    with pytest.raises(Forbidden):
        services.confirm_order(membership=buyer, order_id=placed.pk)
    stranger = factories.member(kind="supplier")
    with pytest.raises(NotFound):
        services.confirm_order(membership=stranger, order_id=placed.pk)
    other_buyer = factories.member(kind="buyer")
    with pytest.raises(NotFound):
        services.cancel_order(membership=other_buyer, order_id=placed.pk, reason="mine now")


def test_full_life_posts_payment_and_release(placed, buyer, supplier, variant):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    assert services.amount_due(placed.__class__.objects.get(pk=placed.pk)) == ("full", orders.cny("764.40"))
    order = orders.pay_in_full(placed)
    assert order.state == "paid" and order.paid_cny == Decimal("764.40")
    assert escrow_balance(order.pk) == orders.cny("764.40")
    services.start_production(membership=supplier, order_id=order.pk)
    with pytest.raises(DomainError) as caught:
        services.ship_order(membership=supplier, order_id=order.pk, carrier="DHL", tracking_number="")
    assert caught.value.field == "tracking_number"
    order = services.ship_order(membership=supplier, order_id=order.pk, carrier="DHL", tracking_number="JD0001")
    assert (order.state, order.carrier, order.tracking_number) == ("shipped", "DHL", "JD0001")
    services.mark_delivered(membership=buyer, order_id=order.pk)
    order = services.confirm_receipt(membership=buyer, order_id=order.pk)
    assert order.state == "completed" and order.closed_at is not None
    assert escrow_balance(order.pk) == orders.cny("0")
    kinds = list(LedgerTransaction.objects.filter(order_id=order.pk).values_list("kind", flat=True))
    assert kinds == ["payment", "release"]
    assert [e.to_state for e in OrderEvent.objects.filter(order=order)] == [
        "placed",
        "confirmed",
        "awaiting_payment",
        "paid",
        "in_production",
        "shipped",
        "delivered",
        "completed",
    ]


def test_deposit_then_balance(buyer, supplier, variant):
    [order] = orders.place(buyer, (variant, 20), deposit_percent=30)
    services.confirm_order(membership=supplier, order_id=order.pk)
    with pytest.raises(Conflict) as caught:  # the balance is not due before the deposit
        services.record_payment(
            order_id=order.pk, part="balance", amount=orders.cny("535.08"), provider="sim", provider_reference="b"
        )
    assert caught.value.code == "payment_not_due"
    order = services.record_payment(
        order_id=order.pk, part="deposit", amount=orders.cny("229.32"), provider="sim", provider_reference="d"
    )
    assert order.state == "deposit_paid"
    order = services.record_payment(
        order_id=order.pk, part="balance", amount=orders.cny("535.08"), provider="sim", provider_reference="b"
    )
    assert order.state == "paid" and order.paid_cny == order.amount_due_cny
    assert escrow_balance(order.pk) == orders.cny("764.40")


def test_a_replayed_payment_is_a_no_op_and_a_wrong_amount_is_refused(placed, supplier):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    with pytest.raises(DomainError) as caught:
        services.record_payment(
            order_id=placed.pk, part="full", amount=orders.cny("764.39"), provider="sim", provider_reference="x"
        )
    assert caught.value.code == "payment_amount_mismatch"
    with pytest.raises(DomainError):
        services.record_payment(
            order_id=placed.pk,
            part="full",
            amount=orders.Money(Decimal("84.00"), "GBP"),
            provider="sim",
            provider_reference="x",
        )
    orders.pay_in_full(placed, reference="once")
    order = services.record_payment(
        order_id=placed.pk, part="full", amount=orders.cny("764.40"), provider="simulator", provider_reference="once"
    )
    assert order.state == "paid" and order.paid_cny == Decimal("764.40")
    assert Payment.objects.count() == 1 and LedgerTransaction.objects.filter(kind="payment").count() == 1
    with pytest.raises(Conflict):  # a second, different payment for a paid order
        services.record_payment(
            order_id=placed.pk, part="full", amount=orders.cny("764.40"), provider="simulator", provider_reference="two"
        )


def test_a_paid_order_cannot_be_cancelled_and_an_unpaid_one_cannot_ship(placed, buyer, supplier):
    with pytest.raises(Conflict) as caught:
        services.ship_order(membership=supplier, order_id=placed.pk, carrier="DHL", tracking_number="1")
    assert caught.value.code == "illegal_transition"
    services.confirm_order(membership=supplier, order_id=placed.pk)
    orders.pay_in_full(placed)
    with pytest.raises(Conflict):
        services.cancel_order(membership=buyer, order_id=placed.pk, reason="too late")
    placed.refresh_from_db()
    assert placed.state == "paid"
