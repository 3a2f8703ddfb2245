"""Pages for a supplier's webhooks: endpoints, the delivery log and resending (htmx)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tradebridge.companies.access import company_required
from tradebridge.companies.domain import MANAGER_ROLES, Kind
from tradebridge.core.errors import DomainError
from tradebridge.core.forms import add_domain_errors
from tradebridge.webhooks import selectors, services
from tradebridge.webhooks.forms import EVENT_LABELS, EndpointForm
from tradebridge.webhooks.models import Delivery

managers = company_required(roles=MANAGER_ROLES, kinds=(Kind.SUPPLIER,))


@managers
def endpoints(request):
    form = EndpointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint, secret = services.create_endpoint(membership=request.membership, **form.cleaned_data)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            # Rendered, not redirected: the secret must not sit in a URL, a session or a log.
            return render(request, "webhooks/endpoint_created.html", {"endpoint": endpoint, "secret": secret})
    context = {"form": form, "endpoints": selectors.endpoints(request.membership), "event_labels": EVENT_LABELS}
    return render(request, "webhooks/endpoints.html", context, status=400 if form.errors else 200)


@managers
def endpoint_detail(request, endpoint_id: int):
    endpoint = services.own_endpoint(request.membership, endpoint_id)
    status = request.GET.get("status", "")
    rows = selectors.deliveries(request.membership, endpoint_id=endpoint.pk, status=status)[:100]
    context = {
        "endpoint": endpoint,
        "deliveries": rows,
        "status": status,
        "statuses": Delivery.Status.choices,
        "event_labels": EVENT_LABELS,
    }
    return render(request, "webhooks/endpoint_detail.html", context)


@managers
@require_POST
def endpoint_delete(request, endpoint_id: int):
    services.delete_endpoint(membership=request.membership, endpoint_id=endpoint_id)
    messages.success(request, _("The endpoint and its delivery log were removed."))
    return redirect("webhooks:endpoints")


@managers
def delivery_detail(request, delivery_id: int):
    delivery = services.own_delivery(request.membership, delivery_id)
    context = {
        "delivery": delivery,
        "attempts": delivery.attempt_log.all(),
        "body": services.request_body(delivery).decode(),
        "event_labels": EVENT_LABELS,
    }
    return render(request, "webhooks/delivery_detail.html", context)


@managers
@require_POST
def delivery_resend(request, delivery_id: int):
    delivery = services.resend(membership=request.membership, delivery_id=delivery_id)
    if request.headers.get("HX-Request"):
        return render(request, "webhooks/_delivery_row.html", {"delivery": delivery, "event_labels": EVENT_LABELS})
    messages.success(request, _("The delivery is queued to be sent again."))
    return redirect("webhooks:delivery", delivery_id=delivery.pk)
