"""Carts and placing orders: split per supplier, tier prices through the one seam, snapshots,
price changes refused until re-confirmed, and nothing half-written on any refusal."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tests import factories
from tests.orders import factories as orders
from tradebridge.catalog.models import PriceTier, Product
from tradebridge.core.errors import Conflict, DomainError, Forbidden
from tradebridge.ledger.models import LedgerTransaction
from tradebridge.orders import cart, placement
from tradebridge.orders.models import CartLine, Order, OrderLine, StockReservation
from tradebridge.pricing.models import ExchangeRate

pytestmark = pytest.mark.django_db


def _nothing_written():
    assert not Order.objects.exists()
    assert not OrderLine.objects.exists()
    assert not StockReservation.objects.exists()
    assert not LedgerTransaction.objects.exists()


def test_an_order_snapshots_prices_rate_incoterm_and_landed_cost(buyer, variant):
    [order] = orders.place(buyer, (variant, 20), incoterm="cif", destination_city="Shanghai")
    line = order.lines.get()
    assert (line.quantity, line.unit_price, line.line_total) == (20, Decimal("4.20"), Decimal("84.00"))
    assert order.state == "placed" and order.currency == "GBP" and order.total == Decimal("84.00")
    assert order.fx_rate == Decimal("9.10") and order.fx_source == "test feed"
    assert order.amount_due_cny == Decimal("764.40")  # 84.00 × 9.10
    assert (order.deposit_cny, order.balance_cny) == (0, Decimal("764.40"))
    assert order.incoterm == "CIF" and order.destination_city == "Shanghai"
    assert order.landed_cost["complete"] is True and order.landed_cost["incoterm"] == "CIF"
    goods = next(f for f in order.landed_cost["figures"] if f["component"] == "goods")
    assert Decimal(goods["amount"]) == Decimal("764.40")
    assert line.sku == variant.sku and line.title_en == "Lambswool Scarf"
    assert list(order.events.values_list("action", "to_state", "actor_company")) == [
        ("place", "placed", buyer.company_id)
    ]
    assert not CartLine.objects.exists()


def test_later_price_and_rate_changes_do_not_touch_a_placed_order(placed, variant):
    PriceTier.objects.filter(product=variant.product).update(unit_price=Decimal("9.99"))
    ExchangeRate.objects.create(base="GBP", quote="CNY", rate="10.5", valid_from=timezone.now(), source="later")
    placed.refresh_from_db()
    assert placed.lines.get().unit_price == Decimal("4.20") and placed.fx_rate == Decimal("9.10")


def test_the_quantity_picks_its_tier(buyer, variant):
    [order] = orders.place(buyer, (variant, 100))
    assert order.lines.get().unit_price == Decimal("3.90") and order.total == Decimal("390.00")


def test_a_cart_with_two_suppliers_splits_into_two_orders(buyer, variant, supplier_b):
    other = orders.variant_of(orders.scarf(supplier_b.company, handle="socks"))
    placed = orders.place(buyer, (variant, 20), (other, 10))
    assert len(placed) == 2
    assert {o.supplier_id for o in placed} == {variant.supplier_id, other.supplier_id}
    assert all(o.lines.count() == 1 for o in placed)


def test_deposit_and_balance_parts(buyer, variant):
    [order] = orders.place(buyer, (variant, 20), deposit_percent=30)
    assert (order.deposit_cny, order.balance_cny) == (Decimal("229.32"), Decimal("535.08"))


@pytest.mark.parametrize(("quantity", "code"), [(5, "below_moq"), (12, "not_a_multiple")])
def test_moq_and_multiples_are_enforced_when_adding(buyer, variant, quantity, code):
    with pytest.raises(DomainError) as caught:
        cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=quantity)
    assert caught.value.code == code and caught.value.field == "quantity"
    assert not CartLine.objects.exists()


def test_moq_raised_after_adding_refuses_the_whole_placement(buyer, variant, supplier_b):
    other = orders.variant_of(orders.scarf(supplier_b.company, handle="socks"))
    cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    line = cart.add_to_cart(membership=buyer, variant_id=other.pk, quantity=10)
    Product.objects.filter(pk=other.product_id).update(moq=50)
    with pytest.raises(DomainError) as caught:
        placement.place_orders(membership=buyer)
    assert caught.value.code == "below_moq" and caught.value.field == f"lines.{line.pk}.quantity"
    _nothing_written()
    assert CartLine.objects.count() == 2  # the cart is kept for the buyer to fix


def test_an_order_too_small_to_pay_is_refused_whole(buyer, supplier_b, variant):
    """A tier price of GBP 0.0001 and one unit come to CNY 0.00: nothing could ever be paid."""
    tiny = orders.variant_of(
        orders.scarf(supplier_b.company, handle="pin", tiers=(("1", "0.0001"),), moq=1, multiple=1)
    )
    cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    cart.add_to_cart(membership=buyer, variant_id=tiny.pk, quantity=1)
    with pytest.raises(DomainError) as caught:
        placement.place_orders(membership=buyer)
    assert (caught.value.code, caught.value.field) == ("order_total_too_small", "lines")
    _nothing_written()
    assert CartLine.objects.count() == 2


def test_a_price_change_is_refused_until_the_buyer_accepts_it(buyer, variant):
    line = cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    PriceTier.objects.filter(product=variant.product, min_quantity=10).update(unit_price=Decimal("4.35"))
    with pytest.raises(Conflict) as caught:
        placement.place_orders(membership=buyer)
    assert caught.value.code == "price_changed" and caught.value.field == f"lines.{line.pk}.unit_price"
    _nothing_written()
    cart.accept_current_prices(membership=buyer)
    [order] = placement.place_orders(membership=buyer)
    assert order.lines.get().unit_price == Decimal("4.35")


def test_no_rate_means_no_order(buyer, variant):
    cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    ExchangeRate.objects.all().delete()
    with pytest.raises(Conflict) as caught:
        placement.place_orders(membership=buyer)
    assert caught.value.code == "fx_rate_missing"
    _nothing_written()


def test_a_stale_rate_means_no_order(buyer, variant, settings):
    cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    ExchangeRate.objects.update(valid_from=timezone.now() - timedelta(hours=settings.FX_MAX_AGE_HOURS + 1))
    with pytest.raises(Conflict) as caught:
        placement.place_orders(membership=buyer)
    assert caught.value.code == "fx_rate_stale" and caught.value.field == "currency"
    _nothing_written()


def test_an_unknown_landed_cost_is_recorded_not_refused(buyer, variant):
    [order] = orders.place(buyer, (variant, 20), freight_mode="air")  # no air rates on file
    assert order.landed_cost["complete"] is False
    assert order.landed_cost["unknowns"][0]["field"] == "freight_mode"


def test_bad_shipping_terms_are_field_errors(buyer, variant):
    cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    with pytest.raises(DomainError) as caught:
        placement.place_orders(membership=buyer, incoterm="XYZ", freight_mode="rocket")
    assert {e.field for e in caught.value.errors} == {"incoterm", "freight_mode"}
    _nothing_written()


def test_an_empty_cart_cannot_be_placed(buyer, market):
    with pytest.raises(DomainError) as caught:
        placement.place_orders(membership=buyer)
    assert caught.value.code == "cart_empty"


def test_only_buyers_have_carts(supplier, variant):
    with pytest.raises(Forbidden):
        cart.add_to_cart(membership=supplier, variant_id=variant.pk, quantity=20)


def test_a_draft_product_cannot_be_added(buyer, variant):
    Product.objects.filter(pk=variant.product_id).update(status="draft")
    with pytest.raises(DomainError) as caught:
        cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    assert caught.value.status == 404


def test_another_buyers_cart_line_is_not_found(buyer, variant):
    line = cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    stranger = factories.member(kind="buyer")
    with pytest.raises(DomainError) as caught:
        cart.update_cart_line(membership=stranger, line_id=line.pk, quantity=30)
    assert caught.value.status == 404
    with pytest.raises(DomainError):
        cart.remove_cart_line(membership=stranger, line_id=line.pk)
    assert CartLine.objects.get().quantity == 20


def test_an_order_from_an_agreed_quote(buyer, variant):
    order = placement.create_order_from_quote(
        buyer_id=buyer.company_id,
        supplier_id=variant.supplier_id,
        lines=[placement.QuoteLine(variant_id=variant.pk, quantity=7, unit_price=Decimal("3.1234"))],
        placed_by=buyer.user,
        quote_reference="RFQ-17",
        deposit_percent=50,
    )
    line = order.lines.get()
    assert (line.quantity, line.unit_price) == (7, Decimal("3.1234"))  # below the MOQ: agreed
    assert order.source == "quote" and order.quote_reference == "RFQ-17"
    assert order.total == Decimal("21.86")  # 21.8638 rounded to the penny
    assert order.amount_due_cny == Decimal("198.93") and order.deposit_cny + order.balance_cny == order.amount_due_cny
    assert order.events.get().action == "place"


def test_a_quote_for_another_suppliers_variant_is_refused(buyer, variant, supplier_b):
    with pytest.raises(DomainError) as caught:
        placement.create_order_from_quote(
            buyer_id=buyer.company_id,
            supplier_id=supplier_b.company_id,
            lines=[placement.QuoteLine(variant_id=variant.pk, quantity=7, unit_price=Decimal("3"))],
        )
    assert caught.value.code == "variant_not_found" and caught.value.field == "lines.0.variant_id"
    _nothing_written()


def test_a_quote_needs_a_buyer_and_a_supplier(buyer, variant):
    with pytest.raises(DomainError) as caught:
        placement.create_order_from_quote(
            buyer_id=variant.supplier_id,
            supplier_id=buyer.company_id,
            lines=[placement.QuoteLine(variant_id=variant.pk, quantity=7, unit_price=Decimal("3"))],
        )
    assert {"buyer_invalid", "supplier_invalid"} <= {e.code for e in caught.value.errors}
    _nothing_written()
