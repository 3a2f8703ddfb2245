"""The buyer posts a review from the completed order's page."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tradebridge.companies.access import company_required
from tradebridge.companies.domain import Kind
from tradebridge.core.errors import DomainError
from tradebridge.core.forms import add_domain_errors
from tradebridge.core.messages import localize
from tradebridge.reviews import services
from tradebridge.reviews.forms import ReviewForm


@company_required(kinds=(Kind.BUYER,))
@require_POST
def post_review(request, order_id: int):
    from tradebridge.orders.views import detail_context

    form = ReviewForm(request.POST)
    status, errors = 400, []
    if form.is_valid():
        try:
            services.post_review(membership=request.membership, order_id=order_id, **form.cleaned_data)
        except DomainError as exc:
            if exc.status in (403, 404):
                raise
            add_domain_errors(form, exc)
            status, errors = exc.status, [localize(e) for e in exc.errors if e.field not in form.fields]
        else:
            messages.success(request, _("Thank you. Your review is on the supplier's profile."))
            return redirect("orders:detail", order_id=order_id)
    context = detail_context(request, order_id, review_form=form, action_errors=errors)
    return render(request, "orders/detail.html", context, status=status)
