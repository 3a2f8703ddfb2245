"""Home, persona dashboards, the health check and the error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from tradebridge.companies import selectors
from tradebridge.companies.domain import Kind, Verification, can_manage
from tradebridge.companies.registration import required_identifiers

DASHBOARD_TEMPLATES = {
    Kind.SUPPLIER: "core/dashboard_supplier.html",
    Kind.BUYER: "core/dashboard_buyer.html",
    Kind.AGENCY: "core/dashboard_agency.html",
    Kind.OPERATOR: "core/dashboard_operator.html",
}


def home(request):
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    membership = request.membership
    if not membership:
        return render(request, "core/no_company.html")
    company = membership.company
    context = {
        "company": company,
        "membership": membership,
        "can_manage": can_manage(membership.role_enum),
        "members": selectors.members(company)[:10],
        "can_request_verification": company.verification_status
        in (Verification.UNVERIFIED.value, Verification.REJECTED.value)
        and can_manage(membership.role_enum),
        "missing_identifiers": [
            f for f in required_identifiers(company.kind_enum, company.country) if not getattr(company, f)
        ],
    }
    if company.kind_enum in (Kind.AGENCY, Kind.OPERATOR):
        context["counts"] = selectors.verification_counts()
        context["queue"] = selectors.verification_queue()[:10]
    return render(request, DASHBOARD_TEMPLATES[company.kind_enum], context)


@require_GET
@never_cache
def healthz(request):
    """Load balancers poll this: 200 only when the database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means unhealthy; say which, don't crash
        return JsonResponse({"status": "error", "database": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def error_page(status: int):
    def view(request, exception=None):
        return render(request, "core/error.html", {"status": status}, status=status)

    return view


def server_error(request):
    # No request context: whatever broke (often the database) must not break this page too.
    return HttpResponseServerError(render_to_string("core/error_500.html"))
