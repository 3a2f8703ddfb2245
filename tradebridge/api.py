"""The HTTP API under /api/v1: one NinjaAPI, its authentication and its single error shape.

Every error leaves as `{"errors": [{"code", "field", "message"}]}` with a 4xx status,
whatever raised it: a domain rule, schema validation, authentication or an unknown id.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.security import HttpBearer, SessionAuth

from tradebridge.accounts.services import membership_for_token
from tradebridge.core.errors import DomainError, FieldError
from tradebridge.core.messages import localize

log = logging.getLogger(__name__)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer tb_…` — a personal token acting for one company."""

    def authenticate(self, request: HttpRequest, token: str):
        membership = membership_for_token(token)
        if membership is None:
            return None
        request.user = membership.user
        request.membership = membership
        return membership.user


class BrowserSession(SessionAuth):
    """The signed-in browser session; CSRF is checked on unsafe methods."""


class TextParser(Parser):
    """Refuses a NUL character in any JSON string or form field, naming the field (422): nobody
    types one, and PostgreSQL cannot store one in a text column. (NulInUrlMiddleware has
    already dropped any from the query string.)"""

    def parse_body(self, request: HttpRequest):
        data = super().parse_body(request)
        _refuse_nul(data, ("body",))
        return data

    def parse_querydict(self, data, list_fields, request: HttpRequest):
        parsed = super().parse_querydict(data, list_fields, request)
        _refuse_nul(parsed, ())
        return parsed


def _refuse_nul(value, loc: tuple) -> None:
    errors = [
        {"type": "nul_character", "loc": where, "msg": "Text may not contain a NUL character."}
        for where in _nul_locations(value, loc)
    ]
    if errors:
        raise ValidationError(errors)


def _nul_locations(value, loc: tuple):
    if isinstance(value, str):
        if "\x00" in value:
            yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nul_locations(key, (*loc, key))  # a key is text too
            yield from _nul_locations(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_locations(item, (*loc, index))


api = NinjaAPI(
    title="TradeBridge API",
    version="1",
    description="Cross-border wholesale marketplace API. Authenticate with a personal token "
    "(Authorization: Bearer tb_…) or a browser session with its CSRF token.",
    urls_namespace="api",
    auth=[TokenAuth(), BrowserSession()],
    parser=TextParser(),
)


def status_error(status: int) -> FieldError:
    """The error a bare HTTP status stands for, where nothing more specific was said."""
    known = {
        400: ("bad_request", _("The request could not be read.")),
        403: ("forbidden", _("You do not have permission to do this.")),
        404: ("not_found", _("Not found.")),
        405: ("method_not_allowed", _("This path does not take that method.")),
    }
    if status in known:
        return FieldError(*known[status])
    if status < 500:
        return FieldError("http_error", _("The request was refused."))
    return FieldError("server_error", _("Something went wrong on our side."))


def error_response(request: HttpRequest, errors: list[FieldError], status: int):
    return api.create_response(
        request,
        {"errors": [{"code": e.code, "field": e.field, "message": localize(e)} for e in errors]},
        status=status,
    )


@api.exception_handler(DomainError)
def _domain_error(request, exc: DomainError):
    return error_response(request, exc.errors, exc.status)


def _field_of(loc) -> str | None:
    # Pydantic locations look like ("body", "payload", "vat_number"); the last name is the field.
    names = [
        str(part) for part in loc if not isinstance(part, int) and part not in {"body", "query", "path", "payload"}
    ]
    return ".".join(names) or None


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    errors = [
        FieldError(
            code=str(e.get("type", "invalid")),
            message=str(e.get("msg", "Invalid value.")),
            field=_field_of(e.get("loc", ())),
        )
        for e in exc.errors
    ]
    return error_response(request, errors, 422)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return error_response(request, [FieldError("unauthenticated", _("Sign in or send an API token."))], 401)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    if isinstance(exc.__cause__, ValidationError):
        # django-ninja reports any failure of the body parser as "Cannot parse request body";
        # TextParser's refusals name their fields, so they keep them.
        return _validation_error(request, exc.__cause__)
    code = "csrf_failed" if "CSRF" in exc.message else "http_error"
    return error_response(request, [FieldError(code, exc.message)], exc.status_code)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(request, [status_error(404)], 404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return error_response(request, [status_error(403)], 403)


@api.exception_handler(RequestDataTooBig)
def _too_big(request, exc):
    return error_response(request, [FieldError("request_too_large", _("The request body is too large."))], 413)


@api.exception_handler(MultiPartParserError)
@api.exception_handler(SuspiciousOperation)
def _unreadable_body(request, exc):
    # A multipart body with no or a broken boundary, too many fields or files: the sender's fault.
    return error_response(
        request, [FieldError("body_unreadable", _("The request body could not be read."), "body")], 400
    )


@api.exception_handler(Exception)
def _unexpected(request, exc):
    log.exception("Unhandled API error on %s", request.path)
    return error_response(request, [status_error(500)], 500)


def _routers() -> None:
    from tradebridge.accounts.api import router as accounts_router
    from tradebridge.catalog.api import router as catalog_router
    from tradebridge.companies.api import router as companies_router
    from tradebridge.companies.identifier_views import router as identifiers_router
    from tradebridge.ledger.api import router as ledger_router
    from tradebridge.orders.api import router as orders_router
    from tradebridge.payments.api import router as payments_router
    from tradebridge.pricing.api import router as pricing_router
    from tradebridge.reviews.api import router as reviews_router
    from tradebridge.search.api import router as search_router
    from tradebridge.webhooks.api import router as webhooks_router

    api.add_router("", accounts_router)
    api.add_router("", companies_router)
    api.add_router("", identifiers_router)
    api.add_router("", catalog_router)
    api.add_router("", pricing_router)
    api.add_router("", search_router)
    api.add_router("", ledger_router)
    api.add_router("", webhooks_router)
    api.add_router("", orders_router)
    api.add_router("", payments_router)
    api.add_router("", reviews_router)


_routers()
