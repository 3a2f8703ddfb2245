"""Operator pages for pricing data."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tradebridge.companies.access import company_required
from tradebridge.companies.domain import Kind
from tradebridge.core.errors import DomainError
from tradebridge.core.forms import add_domain_errors
from tradebridge.pricing import selectors, services
from tradebridge.pricing.forms import RatesUploadForm


@company_required(kinds=(Kind.OPERATOR,))
def rates(request):
    form = RatesUploadForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            counts = services.import_rates(form.cleaned_data["file"])
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("%(created)s rates added, %(updated)s replaced.") % counts)
            return redirect("pricing:rates")
    rows = [(row, selectors.display_rate(row.base, row.quote)) for row in selectors.latest_rates()]
    return render(request, "pricing/rates.html", {"form": form, "rows": rows}, status=400 if form.errors else 200)
