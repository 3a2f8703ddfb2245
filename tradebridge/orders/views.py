"""Order pages for buyers, suppliers and the operator: the cart, checkout, order lists, an order's
detail with its timeline and the moves the viewer may make, disputes, shipping documents.

Thin: parse with a form, call a service (writes) or a selector (reads), render. A refusal the
person can fix (400, 409) comes back as form errors on the page; another company's order (404)
and a move the viewer's side may not make (403) escape to the error pages.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from tradebridge.companies.access import company_required
from tradebridge.companies.domain import Kind
from tradebridge.core.errors import DomainError, NotFound
from tradebridge.core.forms import add_domain_errors
from tradebridge.core.htmx import wants_fragment
from tradebridge.core.messages import localize
from tradebridge.orders import cart as carts
from tradebridge.orders import disputes, page_selectors, placement, selectors, services, shipping_documents
from tradebridge.orders.domain import Action
from tradebridge.orders.forms import (
    AddToCartForm,
    CheckoutForm,
    DisputeForm,
    OrderFilterForm,
    QuantityForm,
    ReasonForm,
    ResolveForm,
    RespondForm,
    ShipForm,
)
from tradebridge.orders.models import ACTION_CHOICES, Evidence
from tradebridge.orders.transitions import order_for

buyer_only = company_required(kinds=(Kind.BUYER,))
party_only = company_required(kinds=(Kind.BUYER, Kind.SUPPLIER, Kind.OPERATOR))
ACTION_LABELS = dict(ACTION_CHOICES)
PANEL_MOVES = {"confirm", "reject", "cancel", "start_production", "ship", "mark_delivered", "confirm_receipt"}


def _refusal_to_page(exc: DomainError) -> None:
    """Re-raise what belongs on an error page: someone else's order, or the wrong side."""
    if exc.status in (403, 404):
        raise exc


# -- cart ----------------------------------------------------------------------------------------


def _cart_context(request, *, line_errors: dict | None = None) -> dict:
    rows = selectors.cart(request.membership)
    return {
        "groups": page_selectors.cart_groups(rows),
        "rows": rows,
        "line_errors": line_errors or {},
        "price_changed": any(row.price_changed for row in rows),
        "has_problem": any(row.problem for row in rows),
    }


def _render_cart(request, status: int = 200, **context):
    template = "orders/_cart.html" if wants_fragment(request) else "orders/cart.html"
    return render(request, template, _cart_context(request, **context), status=status)


@buyer_only
@require_GET
def cart(request):
    return _render_cart(request)


@buyer_only
@require_POST
def cart_add(request):
    """From the product page: put a variant in the cart (htmx answers with the form's fragment)."""
    form = AddToCartForm(request.POST)
    error = None
    if form.is_valid():
        try:
            carts.add_to_cart(
                membership=request.membership,
                variant_id=form.cleaned_data["variant"],
                quantity=form.cleaned_data["quantity"],
            )
        except DomainError as exc:
            if exc.status == 404:
                raise
            error = localize(exc.errors[0])
    else:
        error = next(iter(form.errors.values()))[0]
    if wants_fragment(request):
        context = {"added": error is None, "error": error, "quantity": request.POST.get("quantity", "")}
        return render(request, "orders/_add_to_cart_result.html", context, status=400 if error else 200)
    if error:
        messages.error(request, error)
        return redirect(request.POST.get("back") or "orders:cart")
    messages.success(request, _("Added to your cart."))
    return redirect("orders:cart")


@buyer_only
@require_POST
def cart_line(request, line_id: int):
    """Change a line's quantity; an MOQ or multiple refusal stays on that line."""
    form = QuantityForm(request.POST)
    if not form.is_valid():
        return _render_cart(request, status=400, line_errors={line_id: form.errors["quantity"][0]})
    try:
        carts.update_cart_line(membership=request.membership, line_id=line_id, quantity=form.cleaned_data["quantity"])
    except DomainError as exc:
        if exc.status == 404:
            raise
        return _render_cart(request, status=exc.status, line_errors={line_id: localize(exc.errors[0])})
    return _render_cart(request)


@buyer_only
@require_POST
def cart_remove(request, line_id: int):
    carts.remove_cart_line(membership=request.membership, line_id=line_id)
    return _render_cart(request)


@buyer_only
@require_POST
def cart_accept_prices(request):
    try:
        carts.accept_current_prices(membership=request.membership)
    except DomainError as exc:
        return _render_cart(request, status=exc.status, line_errors=_line_errors(exc))
    if not wants_fragment(request):
        messages.success(request, _("Your cart now shows the current prices."))
        return redirect("orders:cart")
    return _render_cart(request)


def _line_errors(exc: DomainError) -> dict[int, str]:
    """`lines.<id>.quantity` → {id: message}."""
    found = {}
    for error in exc.errors:
        parts = (error.field or "").split(".")
        if len(parts) >= 2 and parts[0] == "lines" and parts[1].isdigit():
            found[int(parts[1])] = localize(error)
    return found


# -- checkout ------------------------------------------------------------------------------------


def _shipping(form: CheckoutForm):
    form.is_valid()  # a no-op once validated; an unbound form has no cleaned data
    data = getattr(form, "cleaned_data", {})
    return placement.shipping_terms(
        data.get("incoterm", "FOB"), data.get("freight_mode", "sea_lcl"), data.get("destination_city", "上海")
    ), int(data.get("deposit_percent", 0))


@buyer_only
def checkout(request):
    """Review the split per supplier with landed cost, choose terms, place every order at once."""
    if request.method == "POST":
        form = CheckoutForm(request.POST)
    else:
        form = CheckoutForm(request.GET or None, initial={"deposit_percent": 0})
    line_errors: dict[int, str] = {}
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            placed = placement.place_orders(membership=request.membership, **form.cleaned_data)
        except DomainError as exc:
            line_errors = _line_errors(exc)
            add_domain_errors(form, exc)
            status = exc.status
        else:
            count = len(placed)
            messages.success(
                request,
                ngettext(
                    "%(count)s order is placed. The supplier will confirm it before you pay.",
                    "%(count)s orders are placed, one per supplier. Each supplier will confirm before you pay.",
                    count,
                )
                % {"count": count},
            )
            if len(placed) == 1:
                return redirect("orders:detail", order_id=placed[0].pk)
            return redirect("orders:list")
    elif form.is_bound and not form.is_valid():
        status = 400
    shipping, percent = _shipping(form)
    context = {
        "form": form,
        "preview": page_selectors.checkout_preview(request.membership, shipping=shipping, deposit_percent=percent),
        "line_errors": line_errors,
    }
    template = (
        "orders/_checkout_preview.html"
        if wants_fragment(request) and request.method == "GET"
        else "orders/checkout.html"
    )
    return render(request, template, context, status=status)


# -- lists ---------------------------------------------------------------------------------------

SIDES = {Kind.BUYER.value: "buying", Kind.SUPPLIER.value: "selling"}


@party_only
@require_GET
def order_list(request):
    membership = request.membership
    form = OrderFilterForm(request.GET or None, counterparties=page_selectors.counterparties(membership))
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = selectors.orders(
        membership,
        state=filters.get("state") or "",
        counterparty_id=filters.get("counterparty"),
        placed_from=filters.get("placed_from"),
        placed_to=filters.get("placed_to"),
        side=SIDES.get(membership.company.kind, ""),
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "kind": membership.company.kind}
    return render(request, "orders/list.html", context, status=400 if form.errors else 200)


@company_required(kinds=(Kind.OPERATOR,))
@require_GET
def dispute_queue(request):
    return render(request, "orders/dispute_queue.html", {"orders": page_selectors.dispute_queue(request.membership)})


# -- one order -----------------------------------------------------------------------------------


def _forms_for(detail, bound: dict | None = None) -> dict:
    """An empty form for each move that needs input; `bound` replaces the one that was posted."""
    actions = set(detail.next_actions)
    forms = {}
    if Action.REJECT in actions:
        forms["reject"] = ReasonForm(prefix="reject")
    if Action.CANCEL in actions:
        forms["cancel"] = ReasonForm(prefix="cancel")
    if Action.SHIP in actions:
        forms["ship"] = ShipForm(prefix="ship")
    if Action.OPEN_DISPUTE in actions:
        forms["dispute"] = DisputeForm(prefix="dispute")
    if Action.RESPOND_DISPUTE in actions:
        forms["respond"] = RespondForm(prefix="respond")
    if {Action.RESOLVE_RELEASE, Action.RESOLVE_REFUND} & actions:
        forms["resolve"] = ResolveForm(prefix="resolve")
    # A posted form replaces its empty one only where the move is still on offer.
    forms.update({name: form for name, form in (bound or {}).items() if name in forms})
    return forms


def detail_context(request, order_id: int, *, bound: dict | None = None, action_errors=(), review_form=None) -> dict:
    from tradebridge.reviews import pages as review_pages

    detail = selectors.order_detail(request.membership, order_id)
    order = detail.order
    context = {
        "detail": detail,
        "order": order,
        "viewer": detail.viewer,
        "actions": {a.value for a in detail.next_actions},
        # The moves shown in the side panel; dispute moves have their forms in the dispute panel.
        "panel_actions": bool({a.value for a in detail.next_actions} & PANEL_MOVES),
        "forms": _forms_for(detail, bound),
        "action_errors": list(action_errors),
        "dispute": detail.dispute,
        "timeline": [(event, ACTION_LABELS.get(event.action, event.action)) for event in detail.events],
        "documents": order.shipped_at is not None,
        "review": review_pages.order_review_context(request.membership, order, detail.viewer, review_form),
    }
    if detail.viewer == "buyer" and (detail.payment_due or order.payments.all()):
        from tradebridge.payments.views import pay_panel_context

        context["pay"] = pay_panel_context(request.membership, order)
    return context


@party_only
@require_GET
def order_detail(request, order_id: int):
    return render(request, "orders/detail.html", detail_context(request, order_id))


def _simple(service):
    return lambda membership, order_id, data, files: service(membership=membership, order_id=order_id)


MOVES = {
    "confirm": (
        None,
        _simple(services.confirm_order),
        gettext_lazy("Order confirmed. The buyer has been asked to pay."),
    ),
    "reject": (
        ReasonForm,
        lambda m, o, d, f: services.reject_order(membership=m, order_id=o, reason=d["reason"]),
        gettext_lazy("Order rejected."),
    ),
    "cancel": (
        ReasonForm,
        lambda m, o, d, f: services.cancel_order(membership=m, order_id=o, reason=d["reason"]),
        gettext_lazy("Order cancelled."),
    ),
    "start-production": (None, _simple(services.start_production), gettext_lazy("Production started.")),
    "ship": (
        ShipForm,
        lambda m, o, d, f: services.ship_order(
            membership=m, order_id=o, carrier=d["carrier"], tracking_number=d["tracking_number"]
        ),
        gettext_lazy("Marked as shipped. The commercial invoice and packing list are ready."),
    ),
    "deliver": (None, _simple(services.mark_delivered), gettext_lazy("Marked as delivered.")),
    "confirm-receipt": (
        None,
        _simple(services.confirm_receipt),
        gettext_lazy("Receipt confirmed. The funds have been released to the supplier."),
    ),
    "dispute": (
        DisputeForm,
        lambda m, o, d, f: disputes.open_dispute(
            membership=m, order_id=o, reason=d["reason"], files=d.get("evidence") or []
        ),
        gettext_lazy("Dispute opened. The funds stay in escrow until the operator decides."),
    ),
    "respond": (
        RespondForm,
        lambda m, o, d, f: disputes.respond_to_dispute(
            membership=m, order_id=o, response=d["response"], files=d.get("evidence") or []
        ),
        gettext_lazy("Your response has been added to the dispute."),
    ),
    "resolve": (
        ResolveForm,
        lambda m, o, d, f: disputes.resolve_dispute(
            membership=m, order_id=o, resolution=d["resolution"], note=d["note"], refund_cny=d.get("refund_cny")
        ),
        gettext_lazy("Dispute resolved."),
    ),
}


@party_only
@require_POST
def order_move(request, order_id: int, move: str):
    """One move on an order; the form that was posted comes back with its errors if refused."""
    if move not in MOVES:
        raise Http404
    form_class, call, done = MOVES[move]
    form = form_class(request.POST, request.FILES, prefix=move) if form_class else None
    order_for(request.membership, order_id)  # another company's order is 404 before any form error
    bound = {move: form} if form else {}
    if form is not None and not form.is_valid():
        context = detail_context(request, order_id, bound=bound)
        return render(request, "orders/detail.html", context, status=400)
    try:
        call(request.membership, order_id, form.cleaned_data if form else {}, request.FILES)
    except DomainError as exc:
        _refusal_to_page(exc)
        if form is not None:
            add_domain_errors(form, exc)
        context = detail_context(request, order_id, bound=bound)
        if form is None or context["forms"].get(move) is not form:
            # No form on the page to carry them (the move is no longer on offer): say it on top.
            context["action_errors"] = [localize(e) for e in exc.errors]
        return render(request, "orders/detail.html", context, status=exc.status)
    messages.success(request, str(done))
    return redirect("orders:detail", order_id=order_id)


@party_only
@require_GET
def shipping_document(request, order_id: int, kind: str):
    if kind not in shipping_documents.KINDS:
        raise Http404
    name, pdf = shipping_documents.document_pdf(request.membership, order_id, kind)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@party_only
@require_GET
def evidence_file(request, order_id: int, evidence_id: int):
    """A dispute file, for the two parties and the operator; always a download, never rendered."""
    order = order_for(request.membership, order_id)
    evidence = Evidence.objects.filter(pk=evidence_id, dispute__order=order).first()
    if evidence is None:
        raise NotFound("not_found", "No such file.")
    response = FileResponse(
        evidence.file.open("rb"),
        content_type=evidence.content_type,
        as_attachment=True,
        filename=evidence.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
