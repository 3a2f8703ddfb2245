"""Placing orders: a buyer's cart (`cart.py`) splits into one order per (supplier, currency), each
snapshotting its prices, FX rate, Incoterm and landed cost. Also the entry point for an order from
an agreed quote, which shares everything after the pricing.

Placing takes a constant number of queries whatever the number of lines (tested): lines, tiers
and rates are read in bulk, orders, lines and history rows are bulk-created.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tradebridge.catalog.models import PriceTier, Product, Variant
from tradebridge.catalog.pricing import smallest_valid_quantity
from tradebridge.catalog.services import terms_for
from tradebridge.companies.domain import Kind
from tradebridge.companies.models import Company, Membership
from tradebridge.core.errors import Conflict, DomainError, FieldError
from tradebridge.orders import notifications, timers
from tradebridge.orders.cart import cart_lines, quote_line, require_buyer, variants_with_terms
from tradebridge.orders.domain import State, amount_due_cny, payment_parts, too_small_to_pay
from tradebridge.orders.models import CartLine, Order, OrderEvent, OrderLine
from tradebridge.pricing import landed
from tradebridge.pricing.freight import Mode
from tradebridge.pricing.fx import Rate, RateTable, RateUnknown, is_stale
from tradebridge.pricing.incoterms import Incoterm
from tradebridge.pricing.landed_cost import LandedCostInput, LandedCostInputError, landed_cost
from tradebridge.pricing.money import Money
from tradebridge.pricing.selectors import rate_table

ORDER_CURRENCY_TO = "CNY"


@dataclass(frozen=True)
class AgreedLine:
    """A line whose price is settled: from the cart (tier price) or from an accepted quote."""

    variant: Variant  # with its product
    tiers: list[PriceTier]  # the product's, fewest units first
    quantity: int
    unit_price: Decimal


@dataclass(frozen=True)
class Shipping:
    incoterm: Incoterm
    mode: Mode
    destination_city: str


def shipping_terms(incoterm: str, freight_mode: str, destination_city: str) -> Shipping:
    errors = []
    try:
        term = Incoterm((incoterm or "").upper())
    except ValueError:
        errors.append(FieldError("incoterm_invalid", "Choose an Incoterm.", "incoterm"))
    try:
        mode = Mode(freight_mode)
    except ValueError:
        errors.append(FieldError("mode_invalid", "Choose a freight mode.", "freight_mode"))
    if len(destination_city or "") > 100:
        errors.append(FieldError("too_long", "Keep the city under 100 characters.", "destination_city"))
    if errors:
        raise DomainError.many(errors)
    return Shipping(term, mode, (destination_city or "").strip())


def snapshot_rate(table: RateTable, currency: str, when: datetime) -> Rate:
    """The rate currency → CNY an order is placed at; refuses a missing or stale rate."""
    try:
        rate = table.rate_at(currency, ORDER_CURRENCY_TO, when)
    except RateUnknown:
        raise Conflict(
            "fx_rate_missing", f"There is no {currency}/CNY exchange rate, so orders cannot be priced.", "currency"
        ) from None
    if is_stale(rate, when, timedelta(hours=settings.FX_MAX_AGE_HOURS)):
        raise Conflict(
            "fx_rate_stale", f"The {currency}/CNY exchange rate is out of date; try again later.", "currency"
        )
    return rate


def landed_snapshot(lines: list[AgreedLine], currency: str, shipping: Shipping, table: RateTable, when) -> dict:
    """The landed-cost breakdown at placement, or why it could not be worked out. An order is
    never refused for this: the goods price does not depend on it."""
    freight = landed.freight_table(shipping.mode)
    if freight is None:
        return _incomplete("freight_mode", "The operator has no freight rates for this mode yet.", shipping)
    inputs = []
    for line in lines:
        product, variant = line.variant.product, line.variant
        # Per-unit measures come from pricing's own line builder, at a quantity its terms accept;
        # the order's quantity and agreed price then replace the tier's.
        base_quantity = smallest_valid_quantity(terms_for(product, variant, line.tiers))
        inputs.append(
            replace(
                landed._line(product, variant, base_quantity, line.tiers),
                quantity=line.quantity,
                unit_price=Money(line.unit_price, currency),
            )
        )
    try:
        breakdown = landed_cost(
            LandedCostInput(
                lines=inputs,
                incoterm=shipping.incoterm,
                mode=shipping.mode,
                freight_table=freight,
                rates=table,
                when=when,
                tariffs=landed.tariff_table(),
                destination_city=shipping.destination_city,
            )
        )
    except LandedCostInputError as exc:
        error = landed.buyer_error(exc.errors[0])
        return _incomplete(error.field, error.message, shipping)
    return landed.breakdown_dict(breakdown)


def _incomplete(field: str | None, reason: str, shipping: Shipping) -> dict:
    return {
        "complete": False,
        "incoterm": shipping.incoterm.value,
        "mode": shipping.mode.value,
        "destination_city": shipping.destination_city,
        "total": None,
        "currency": "CNY",
        "figures": [],
        "unknowns": [{"field": field, "reason": reason}],
    }


def _deposit_percent(value) -> int:
    try:
        percent = int(value)
    except (TypeError, ValueError):
        percent = -1
    if not 0 <= percent <= 100:
        raise DomainError("deposit_percent_invalid", "The deposit is between 0 and 100 percent.", "deposit_percent")
    return percent


def _build_order(*, buyer_id, supplier_id, currency, lines, shipping, rate, table, deposit_percent, when, **extra):
    total = Money(sum((line.unit_price * line.quantity for line in lines), Decimal(0)), currency).rounded().amount
    due = amount_due_cny(total, rate.rate)
    if problem := too_small_to_pay(due):
        raise DomainError.many([problem])
    deposit, balance = payment_parts(due, deposit_percent)
    return Order(
        buyer_id=buyer_id,
        supplier_id=supplier_id,
        state=State.PLACED.value,
        currency=currency,
        total=total,
        fx_rate=rate.rate,
        fx_source=rate.source[:200],
        fx_valid_from=rate.valid_from,
        incoterm=shipping.incoterm.value,
        freight_mode=shipping.mode.value,
        destination_city=shipping.destination_city,
        landed_cost=landed_snapshot(lines, currency, shipping, table, when),
        amount_due_cny=due,
        deposit_percent=deposit_percent,
        deposit_cny=deposit,
        balance_cny=balance,
        placed_at=when,
        state_changed_at=when,
        **extra,
    )


def _save(orders: list[Order], lines_by_order: list[list[AgreedLine]], user, company_id: int, when) -> list[Order]:
    """Bulk-create the orders, their lines, their first history rows, timers and notifications."""
    Order.objects.bulk_create(orders)
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            variant=line.variant,
            product=line.variant.product,
            sku=line.variant.sku,
            title_en=line.variant.product.title_en,
            title_zh=line.variant.product.title_zh,
            hs_code=line.variant.product.hs_code,
            quantity=line.quantity,
            unit_price=line.unit_price,
            line_total=line.unit_price * line.quantity,
            position=position,
        )
        for order, lines in zip(orders, lines_by_order, strict=True)
        for position, line in enumerate(lines)
    )
    OrderEvent.objects.bulk_create(
        OrderEvent(
            order=order,
            action="place",
            from_state="",
            to_state=State.PLACED.value,
            actor_kind="buyer",
            actor_user=user,
            actor_company_id=company_id,
            created_at=when,
        )
        for order in orders
    )
    for order in orders:
        timers.schedule_auto_close(order.pk, since=when)
        notifications.queue(order, "place")
    return orders


@transaction.atomic
def place_orders(
    *,
    membership: Membership,
    incoterm: str = "FOB",
    freight_mode: str = "sea_lcl",
    destination_city: str = "",
    deposit_percent: int = 0,
    buyer_note: str = "",
) -> list[Order]:
    """Turn the buyer's cart into one order per (supplier, currency), or refuse it whole.

    Each line is priced again through the one seam; a price that differs from the one the buyer
    saw is refused (`price_changed`) until the buyer accepts the current prices."""
    membership = require_buyer(membership)
    shipping = shipping_terms(incoterm, freight_mode, destination_city)
    percent = _deposit_percent(deposit_percent)
    cart, tiers = cart_lines(membership.company_id, lock=True)
    if not cart:
        raise DomainError("cart_empty", "Your cart is empty.", "cart")
    errors: list[FieldError] = []
    groups: dict[tuple[int, str], list[AgreedLine]] = defaultdict(list)
    for line in cart:
        variant, product = line.variant, line.variant.product
        field = f"lines.{line.pk}"
        if product.status != Product.Status.PUBLISHED:
            errors.append(FieldError("product_unavailable", "This product is no longer on sale.", field))
            continue
        try:
            quote = quote_line(variant, tiers[product.pk], line.quantity, f"{field}.quantity")
        except DomainError as exc:
            errors.extend(exc.errors)
            continue
        if quote.unit_price != line.seen_unit_price or product.currency != line.seen_currency:
            errors.append(
                FieldError(
                    "price_changed",
                    f"The price of {variant.sku} is now {product.currency} {quote.unit_price.normalize()}; "
                    "accept the new prices to place the order.",
                    f"{field}.unit_price",
                )
            )
            continue
        groups[(variant.supplier_id, product.currency)].append(
            AgreedLine(variant, tiers[product.pk], line.quantity, quote.unit_price)
        )
    if errors:
        # Prices that moved are a conflict with what the buyer saw; the rest is bad input.
        kind = Conflict if all(e.code == "price_changed" for e in errors) else DomainError
        raise kind.many(errors)
    when = timezone.now()
    table = rate_table(when)
    rates = {currency: snapshot_rate(table, currency, when) for _, currency in groups}
    keys = sorted(groups)
    orders = [
        _build_order(
            buyer_id=membership.company_id,
            supplier_id=supplier_id,
            currency=currency,
            lines=groups[(supplier_id, currency)],
            shipping=shipping,
            rate=rates[currency],
            table=table,
            deposit_percent=percent,
            when=when,
            buyer_note=buyer_note.strip()[:2000],
            placed_by=membership.user,
        )
        for supplier_id, currency in keys
    ]
    _save(orders, [groups[key] for key in keys], membership.user, membership.company_id, when)
    CartLine.objects.filter(pk__in=[line.pk for line in cart]).delete()
    return orders


@dataclass(frozen=True)
class QuoteLine:
    variant_id: int
    quantity: int
    unit_price: Decimal


@transaction.atomic
def create_order_from_quote(
    *,
    buyer_id: int,
    supplier_id: int,
    lines: list[QuoteLine],
    placed_by=None,
    quote_reference: str = "",
    incoterm: str = "FOB",
    freight_mode: str = "sea_lcl",
    destination_city: str = "",
    deposit_percent: int = 0,
) -> Order:
    """An order from an accepted quote: the quantities and unit prices were agreed between the two
    parties, so tiers and MOQ do not apply; everything else (snapshots, states, stock, money)
    is the same as for a cart order. The caller (the RFQ service) has checked who accepted it."""
    shipping = shipping_terms(incoterm, freight_mode, destination_city)
    percent = _deposit_percent(deposit_percent)
    if not lines:
        raise DomainError("lines_required", "A quote needs at least one line.", "lines")
    variants = {
        v.pk: v
        for v in variants_with_terms().filter(pk__in=[line.variant_id for line in lines], supplier_id=supplier_id)
    }
    errors, agreed = [], []
    for index, line in enumerate(lines):
        variant = variants.get(line.variant_id)
        if variant is None:
            errors.append(FieldError("variant_not_found", "No such product variant.", f"lines.{index}.variant_id"))
        elif not 1 <= line.quantity <= 10**9:
            errors.append(FieldError("quantity_invalid", "Enter a quantity.", f"lines.{index}.quantity"))
        elif line.unit_price < 0:
            errors.append(
                FieldError("unit_price_invalid", "A unit price cannot be negative.", f"lines.{index}.unit_price")
            )
        else:
            agreed.append(
                AgreedLine(variant, list(variant.product.tiers.all()), line.quantity, Decimal(line.unit_price))
            )
    currencies = {a.variant.product.currency for a in agreed}
    if len(currencies) > 1:
        errors.append(FieldError("currency_mixed", "All lines of a quote are in one currency.", "lines"))
    kinds = dict(Company.objects.filter(pk__in=(buyer_id, supplier_id)).values_list("pk", "kind"))
    if kinds.get(buyer_id) != Kind.BUYER:
        errors.append(FieldError("buyer_invalid", "The buyer must be a buyer company.", "buyer_id"))
    if kinds.get(supplier_id) != Kind.SUPPLIER:
        errors.append(FieldError("supplier_invalid", "The supplier must be a supplier company.", "supplier_id"))
    if errors:
        raise DomainError.many(errors)
    currency = currencies.pop()
    when = timezone.now()
    table = rate_table(when)
    order = _build_order(
        buyer_id=buyer_id,
        supplier_id=supplier_id,
        currency=currency,
        lines=agreed,
        shipping=shipping,
        rate=snapshot_rate(table, currency, when),
        table=table,
        deposit_percent=percent,
        when=when,
        source=Order.Source.QUOTE,
        quote_reference=quote_reference[:100],
        placed_by=placed_by,
    )
    return _save([order], [agreed], placed_by, buyer_id, when)[0]
