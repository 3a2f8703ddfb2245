"""Cart and order endpoints under /api/v1: parse, call a service or selector, shape the answer.

Access is decided in the services and selectors: a company that is not a party to an order gets
404, a party whose side may not make a move 403, a move out of order 409.
"""

from __future__ import annotations

from datetime import date

from django.http import FileResponse
from ninja import File, Form, Router, Status, UploadedFile

from tradebridge.core.errors import NotFound
from tradebridge.core.queries import page_of
from tradebridge.orders import cart, disputes, placement, selectors, services
from tradebridge.orders.models import ACTION_CHOICES, Evidence, Order
from tradebridge.orders.schemas import (
    CartLineIn,
    CartLineOut,
    OrderDetailOut,
    OrderOut,
    PlaceIn,
    QuantityIn,
    ReasonIn,
    ResolveIn,
    ShipIn,
)
from tradebridge.orders.transitions import order_for

router = Router(tags=["orders"])
LABELS = dict(ACTION_CHOICES)


def _cart(request) -> list[dict]:
    return [
        {
            "id": row.line.pk,
            "variant_id": row.line.variant_id,
            "sku": row.line.variant.sku,
            "product_id": row.line.variant.product_id,
            "title_en": row.line.variant.product.title_en,
            "title_zh": row.line.variant.product.title_zh,
            "supplier_id": row.line.variant.product.supplier_id,
            "supplier_name": row.line.variant.product.supplier.name,
            "quantity": row.line.quantity,
            "currency": row.line.seen_currency,
            "seen_unit_price": row.line.seen_unit_price,
            "current_unit_price": row.current_unit_price,
            "price_changed": row.price_changed,
            "problem": row.problem.as_dict() if row.problem else None,
        }
        for row in selectors.cart(request.membership)
    ]


def _summary(order: Order) -> dict:
    return {
        "id": order.pk,
        "reference": order.reference,
        "state": order.state,
        "state_label": str(order.get_state_display()),
        "buyer_id": order.buyer_id,
        "buyer_name": order.buyer.name,
        "supplier_id": order.supplier_id,
        "supplier_name": order.supplier.name,
        "source": order.source,
        "currency": order.currency,
        "total": order.total,
        "amount_due_cny": order.amount_due_cny,
        "deposit_percent": order.deposit_percent,
        "deposit_cny": order.deposit_cny,
        "balance_cny": order.balance_cny,
        "paid_cny": order.paid_cny,
        "incoterm": order.incoterm,
        "placed_at": order.placed_at,
        "state_changed_at": order.state_changed_at,
    }


def _detail(request, order_id: int) -> dict:
    detail = selectors.order_detail(request.membership, order_id)
    order, dispute = detail.order, detail.dispute
    return {
        **_summary(order),
        "viewer": detail.viewer,
        "next_actions": [a.value for a in detail.next_actions],
        "payment_due": {
            "part": detail.payment_due[0],
            "amount_cny": str(detail.payment_due[1]),
            "due_by": services.closes_unpaid_at(order).isoformat(),
        }
        if detail.payment_due
        else None,
        "fx": {
            "base": order.currency,
            "quote": "CNY",
            "rate": str(order.fx_rate.normalize()),
            "source": order.fx_source,
            "valid_from": order.fx_valid_from.isoformat(),
        },
        "freight_mode": order.freight_mode,
        "destination_city": order.destination_city,
        "landed_cost": order.landed_cost,
        "carrier": order.carrier,
        "tracking_number": order.tracking_number,
        "buyer_note": order.buyer_note,
        "lines": detail.lines,
        "timeline": [
            {
                "action": e.action,
                "label": str(LABELS.get(e.action, e.action)),
                "from_state": e.from_state,
                "to_state": e.to_state,
                "actor": e.actor_kind,
                "actor_name": e.actor_user.full_name if e.actor_user else None,
                "actor_company": e.actor_company.name if e.actor_company else None,
                "reason": e.reason,
                "data": e.data,
                "at": e.created_at,
            }
            for e in detail.events
        ],
        "dispute": {
            "reason": dispute.reason,
            "opened_at": dispute.opened_at,
            "response": dispute.response,
            "responded_at": dispute.responded_at,
            "resolution": dispute.resolution,
            "refund_cny": dispute.refund_cny,
            "resolution_note": dispute.resolution_note,
            "resolved_at": dispute.resolved_at,
            "evidence": [
                {
                    "id": e.pk,
                    "party": e.party,
                    "original_name": e.original_name,
                    "content_type": e.content_type,
                    "size": e.size,
                    "url": f"/api/v1/orders/{order.pk}/evidence/{e.pk}",
                }
                for e in dispute.evidence.all()
            ],
        }
        if dispute
        else None,
    }


# -- cart ----------------------------------------------------------------------------------------


@router.get("/cart", response=list[CartLineOut])
def get_cart(request):
    return _cart(request)


@router.post("/cart/lines", response={201: list[CartLineOut]})
def add_line(request, payload: CartLineIn):
    cart.add_to_cart(membership=request.membership, variant_id=payload.variant_id, quantity=payload.quantity)
    return Status(201, _cart(request))


@router.patch("/cart/lines/{line_id}", response=list[CartLineOut])
def change_line(request, line_id: int, payload: QuantityIn):
    cart.update_cart_line(membership=request.membership, line_id=line_id, quantity=payload.quantity)
    return _cart(request)


@router.delete("/cart/lines/{line_id}", response=list[CartLineOut])
def remove_line(request, line_id: int):
    cart.remove_cart_line(membership=request.membership, line_id=line_id)
    return _cart(request)


@router.post("/cart/accept-prices", response=list[CartLineOut])
def accept_prices(request):
    """Re-confirm: take every line at its current price (after a `price_changed` refusal)."""
    cart.accept_current_prices(membership=request.membership)
    return _cart(request)


# -- orders --------------------------------------------------------------------------------------


@router.post("/orders", response={201: list[OrderOut]})
def place(request, payload: PlaceIn):
    """Place the whole cart: one order per supplier and currency, or nothing at all."""
    placed = placement.place_orders(membership=request.membership, **payload.dict())
    return Status(201, [_summary(o) for o in selectors.placed_orders(request.membership, placed)])


@router.get("/orders", response=list[OrderOut])
def list_orders(
    request,
    state: str = "",
    counterparty: int | None = None,
    placed_from: date | None = None,
    placed_to: date | None = None,
    side: str = "",
    limit: int = 50,
    offset: int = 0,
):
    rows = selectors.orders(
        request.membership,
        state=state,
        counterparty_id=counterparty,
        placed_from=placed_from,
        placed_to=placed_to,
        side=side,
    )
    return [_summary(o) for o in page_of(rows, limit=limit, offset=offset, most=selectors.PAGE_SIZE_MAX)]


@router.get("/orders/{order_id}", response=OrderDetailOut)
def get_order(request, order_id: int):
    return _detail(request, order_id)


@router.post("/orders/{order_id}/confirm", response=OrderDetailOut)
def confirm(request, order_id: int):
    services.confirm_order(membership=request.membership, order_id=order_id)
    return _detail(request, order_id)


@router.post("/orders/{order_id}/reject", response=OrderDetailOut)
def reject(request, order_id: int, payload: ReasonIn):
    services.reject_order(membership=request.membership, order_id=order_id, reason=payload.reason)
    return _detail(request, order_id)


@router.post("/orders/{order_id}/cancel", response=OrderDetailOut)
def cancel(request, order_id: int, payload: ReasonIn):
    services.cancel_order(membership=request.membership, order_id=order_id, reason=payload.reason)
    return _detail(request, order_id)


@router.post("/orders/{order_id}/start-production", response=OrderDetailOut)
def start_production(request, order_id: int):
    services.start_production(membership=request.membership, order_id=order_id)
    return _detail(request, order_id)


@router.post("/orders/{order_id}/ship", response=OrderDetailOut)
def ship(request, order_id: int, payload: ShipIn):
    services.ship_order(
        membership=request.membership,
        order_id=order_id,
        carrier=payload.carrier,
        tracking_number=payload.tracking_number,
    )
    return _detail(request, order_id)


@router.post("/orders/{order_id}/deliver", response=OrderDetailOut)
def deliver(request, order_id: int):
    services.mark_delivered(membership=request.membership, order_id=order_id)
    return _detail(request, order_id)


@router.post("/orders/{order_id}/confirm-receipt", response=OrderDetailOut)
def confirm_receipt(request, order_id: int):
    services.confirm_receipt(membership=request.membership, order_id=order_id)
    return _detail(request, order_id)


@router.post("/orders/{order_id}/dispute", response=OrderDetailOut)
def open_dispute(request, order_id: int, reason: Form[str] = "", evidence: File[list[UploadedFile]] = None):
    disputes.open_dispute(membership=request.membership, order_id=order_id, reason=reason, files=evidence or [])
    return _detail(request, order_id)


@router.post("/orders/{order_id}/dispute/respond", response=OrderDetailOut)
def respond(request, order_id: int, response: Form[str] = "", evidence: File[list[UploadedFile]] = None):
    disputes.respond_to_dispute(
        membership=request.membership, order_id=order_id, response=response, files=evidence or []
    )
    return _detail(request, order_id)


@router.post("/orders/{order_id}/dispute/resolve", response=OrderDetailOut)
def resolve(request, order_id: int, payload: ResolveIn):
    disputes.resolve_dispute(
        membership=request.membership,
        order_id=order_id,
        resolution=payload.resolution,
        note=payload.note,
        refund_cny=payload.refund_cny,
    )
    return _detail(request, order_id)


@router.get("/orders/{order_id}/evidence/{evidence_id}")
def evidence_file(request, order_id: int, evidence_id: int):
    """A dispute file, for the two parties and the operator only."""
    order = order_for(request.membership, order_id)
    evidence = Evidence.objects.filter(pk=evidence_id, dispute__order=order).first()
    if evidence is None:
        raise NotFound("not_found", "No such file.")
    response = FileResponse(evidence.file.open("rb"), content_type=evidence.content_type)
    response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response
