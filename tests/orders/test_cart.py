"""The cart: one line per variant (adding again changes it, keeping who first added it), and a
cap on the number of lines."""

import pytest

from tests import factories
from tests.orders import factories as orders
from tradebridge.core.errors import DomainError
from tradebridge.orders import cart
from tradebridge.orders.models import CartLine

pytestmark = pytest.mark.django_db


def test_adding_a_variant_again_changes_its_line(buyer, variant):
    first = cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    colleague = factories.member(kind="buyer", the_company=buyer.company, role="staff")
    again = cart.add_to_cart(membership=colleague, variant_id=variant.pk, quantity=100)
    line = CartLine.objects.get(buyer=buyer.company)
    assert again.pk == first.pk == line.pk
    assert line.quantity == 100 and line.added_by == buyer.user


def test_a_full_cart_refuses_a_new_line_but_not_a_change(buyer, supplier, market, monkeypatch):
    monkeypatch.setattr(cart, "MAX_CART_LINES", 2)
    variants = [orders.variant_of(orders.scarf(supplier.company, handle=f"cap-{n}")) for n in range(3)]
    for variant in variants[:2]:
        cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=20)
    with pytest.raises(DomainError) as refused:
        cart.add_to_cart(membership=buyer, variant_id=variants[2].pk, quantity=20)
    assert refused.value.errors[0].code == "cart_full"
    cart.add_to_cart(membership=buyer, variant_id=variants[0].pk, quantity=40)
    assert sorted(CartLine.objects.values_list("quantity", flat=True)) == [20, 40]
