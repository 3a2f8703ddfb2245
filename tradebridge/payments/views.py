"""Payment pages: the buyer's Pay panel (an htmx fragment the order page includes) and the
simulated gateway's hosted pay page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tradebridge.companies.access import company_required
from tradebridge.companies.domain import Kind
from tradebridge.core.errors import DomainError
from tradebridge.core.messages import localize
from tradebridge.orders import services as orders
from tradebridge.payments import providers, selectors, services
from tradebridge.payments.models import METHOD_CHOICES


def pay_panel_context(membership, order) -> dict:
    """What the Pay panel shows for one of the buyer's orders."""
    due = orders.amount_due(order)
    offered = set(providers.available_methods())
    return {
        "order": order,
        "due_part": due[0] if due else None,
        "due_amount": due[1] if due else None,
        "due_by": orders.closes_unpaid_at(order) if due else None,
        "methods": [(value, label) for value, label in METHOD_CHOICES if value in offered],
        "intents": selectors.intents_for_order(membership, order.pk),
    }


@company_required(kinds=(Kind.BUYER,))
@require_http_methods(["GET", "POST"])
def pay_panel(request: HttpRequest, order_id: int) -> HttpResponse:
    order = selectors.own_order(request.membership, order_id)
    context = pay_panel_context(request.membership, order)
    if request.method == "GET":
        return render(request, "payments/_pay_panel.html", context)
    try:
        intent = services.start_payment(
            membership=request.membership, order_id=order.pk, method=request.POST.get("method", "")
        )
    except DomainError as exc:
        context["errors"] = [localize(e) for e in exc.errors]
        return render(request, "payments/_pay_panel.html", context, status=exc.status)
    url = intent.next_action.get("url", "")
    if intent.next_action.get("kind") == "redirect" and url:
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return redirect(url)
    context = pay_panel_context(request.membership, order)
    context["started"] = intent
    return render(request, "payments/_pay_panel.html", context)


@company_required(kinds=(Kind.BUYER,))
@require_http_methods(["GET", "POST"])
def simulator(request: HttpRequest, public_id: str) -> HttpResponse:
    """The simulated gateway's pay page: approve or decline. It answers through the webhook,
    exactly as a real gateway would, so the order changes only when that arrives."""
    intent = selectors.intent_for(request.membership, public_id)
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision in {"approve", "decline"}:
            notify_url = request.build_absolute_uri(
                reverse("api:payment_webhook", kwargs={"provider": intent.provider})
            )
            try:
                services.simulator_decide(
                    membership=request.membership,
                    public_id=intent.public_id,
                    approve=decision == "approve",
                    notify_url=notify_url,
                )
            except DomainError as exc:
                messages.error(request, localize(exc.errors[0]))
            else:
                if decision == "approve":
                    messages.success(request, _("Payment approved. The gateway is telling the marketplace now."))
                else:
                    messages.info(request, _("Payment declined. The gateway is telling the marketplace now."))
            return redirect("payments:simulator", public_id=intent.public_id)
    return render(request, "payments/simulator.html", {"intent": intent})


@company_required(kinds=(Kind.BUYER,))
def intent_status(request: HttpRequest, public_id: str) -> HttpResponse:
    """The status line the simulator page polls until the webhook has landed."""
    intent = selectors.intent_for(request.membership, public_id)
    return render(request, "payments/_intent_status.html", {"intent": intent})
