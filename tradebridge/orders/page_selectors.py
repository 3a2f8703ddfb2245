"""Reads shaped for the order pages: the checkout preview (one group per supplier and currency,
with its CNY amount and landed cost), the counterparties an order list can filter by, the
dashboards' counts and recent orders, and the operator's dispute queue.

The API reads through `orders.selectors`; these build on it for what only a page shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count
from django.utils import timezone

from tradebridge.companies import access
from tradebridge.companies.domain import Kind
from tradebridge.companies.models import Company, Membership
from tradebridge.core.errors import Conflict
from tradebridge.core.messages import localize
from tradebridge.orders import selectors
from tradebridge.orders.domain import TERMINAL, State, amount_due_cny, payment_parts, too_small_to_pay
from tradebridge.orders.models import Order
from tradebridge.orders.placement import AgreedLine, Shipping, landed_snapshot, snapshot_rate
from tradebridge.orders.selectors import CartRow
from tradebridge.orders.transitions import visible_orders
from tradebridge.pricing.money import Money
from tradebridge.pricing.selectors import rate_table


@dataclass(frozen=True)
class CheckoutGroup:
    """What one order of the split will be, were it placed now."""

    supplier: Company
    currency: str
    rows: list[CartRow]
    total: Decimal
    fx_rate: Decimal | None
    amount_due_cny: Decimal | None
    deposit_cny: Decimal | None
    balance_cny: Decimal | None
    landed: dict | None
    problem: str = ""

    @property
    def placeable(self) -> bool:
        return not self.problem and all(row.problem is None and not row.price_changed for row in self.rows)


def cart_groups(rows: list[CartRow]) -> list[tuple[tuple[int, str], list[CartRow]]]:
    """Cart rows by (supplier, currency), the split placing will make."""
    groups: dict[tuple[int, str], list[CartRow]] = defaultdict(list)
    for row in rows:
        product = row.line.variant.product
        groups[(product.supplier_id, product.currency)].append(row)
    return sorted(groups.items())


def checkout_preview(membership: Membership, *, shipping: Shipping, deposit_percent: int) -> list[CheckoutGroup]:
    """Each order the cart would split into, priced now, with the CNY due and landed cost."""
    rows = selectors.cart(membership)
    when = timezone.now()
    table = rate_table(when)
    preview = []
    for (_, currency), group in cart_groups(rows):
        priced = [row for row in group if row.current_unit_price is not None]
        lines = [AgreedLine(row.line.variant, row.tiers, row.line.quantity, row.current_unit_price) for row in priced]
        total = Money(sum((line.unit_price * line.quantity for line in lines), Decimal(0)), currency).rounded().amount
        due = deposit = balance = rate = None
        problem = ""
        try:
            rate = snapshot_rate(table, currency, when).rate
        except Conflict as exc:
            problem = localize(exc.errors[0])
        else:
            due = amount_due_cny(total, rate)
            deposit, balance = payment_parts(due, deposit_percent)
            if small := too_small_to_pay(due):
                problem = localize(small)
        preview.append(
            CheckoutGroup(
                supplier=group[0].line.variant.product.supplier,
                currency=currency,
                rows=group,
                total=total,
                fx_rate=rate,
                amount_due_cny=due,
                deposit_cny=deposit,
                balance_cny=balance,
                landed=landed_snapshot(lines, currency, shipping, table, when) if lines else None,
                problem=problem,
            )
        )
    return preview


def counterparties(membership: Membership) -> list[Company]:
    """The companies on the other side of this company's orders, by name (for a list filter)."""
    orders = visible_orders(membership)
    ids = set(orders.values_list("buyer_id", flat=True)) | set(orders.values_list("supplier_id", flat=True))
    ids.discard(membership.company_id)
    return list(Company.objects.filter(pk__in=ids).order_by("name"))


def state_counts(membership: Membership) -> dict[str, int]:
    """Open orders per state, for a dashboard."""
    rows = (
        visible_orders(membership)
        .exclude(state__in=[s.value for s in TERMINAL])
        .values("state")
        .annotate(n=Count("id"))
    )
    return {row["state"]: row["n"] for row in rows}


def recent_orders(membership: Membership, limit: int = 5):
    return list(selectors.orders(membership)[:limit])


def dispute_queue(membership: Membership):
    """Disputed orders for the operator, oldest dispute first, so none waits longest by chance."""
    access.require(membership, kinds=(Kind.OPERATOR,))
    return (
        Order.objects.filter(state=State.DISPUTED.value)
        .select_related("buyer", "supplier", "dispute")
        .order_by("dispute__opened_at", "pk")
    )
