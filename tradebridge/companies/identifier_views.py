"""Live checking of registration numbers as they are typed (htmx) and over the API."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET
from ninja import Router, Schema

from tradebridge.companies.registration import SCHEMES, check_one
from tradebridge.core.errors import DomainError, FieldError
from tradebridge.core.messages import localize

router = Router(tags=["identifiers"])


class IdentifierIn(Schema):
    scheme: str
    value: str


class IdentifierOut(Schema):
    scheme: str
    value: str


@router.post("/identifiers/validate", auth=None, response=IdentifierOut)
def validate(request, payload: IdentifierIn):
    """Check and normalise a Companies House number (`companies_house_number`), UK VAT number
    (`vat_number`), unified social credit code (`uscc`) or PRC resident ID (`prc_resident_id`)."""
    return {"scheme": payload.scheme, "value": check_one(payload.scheme, payload.value)}


@require_GET
def check_fragment(request, scheme: str):
    """The htmx fragment under a form field: the canonical number, or what is wrong with it."""
    if scheme not in SCHEMES:
        raise Http404
    value = request.GET.get(scheme, "").strip()
    context = {"value": "", "error": ""}
    if value:
        try:
            context["value"] = check_one(scheme, value)
        except DomainError as exc:
            context["error"] = localize(FieldError(exc.code, exc.message, scheme))
    return render(request, "companies/_identifier_check.html", context)
