"""Request guards that apply before any view runs, and the API's error shape for what no
endpoint answered."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, JsonResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    """Refuse bodies over MAX_REQUEST_BYTES with 413 before anything reads them.

    Django's own limit only applies when form data is parsed; this also covers JSON and
    file uploads, and answers in the API's error shape or as a page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            message = _("The request body is too large.")
            if request.path.startswith("/api/"):
                body = {"errors": [{"code": "request_too_large", "field": None, "message": message}]}
                return JsonResponse(body, status=413)
            return TemplateResponse(request, "core/error.html", {"status": 413, "message": message}, status=413)
        return self.get_response(request)


class NulInUrlMiddleware:
    """A NUL character in a URL names nothing, and PostgreSQL refuses text that holds one, so it
    never reaches a query: in the path it is a 404; from a query string it is dropped, so a
    search box or a filter reads the rest (views read request.GET themselves, so dropping it
    here covers every one of them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404
        if "%00" in request.META.get("QUERY_STRING", ""):
            request.GET = _without_nul(request.GET)
        return self.get_response(request)


def _without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned


class ApiErrorShapeMiddleware:
    """Under /api/, an error Django or django-ninja answered by itself (a path the API does not
    have, a method a path does not take, a failure outside any endpoint) leaves in the API's
    error shape like every other error, not as the site's HTML page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith("/api/")
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        from tradebridge.api import error_response, status_error

        shaped = error_response(request, [status_error(response.status_code)], response.status_code)
        if response.has_header("Allow"):
            shaped["Allow"] = response["Allow"]
        return shaped


class DomainErrorPageMiddleware:
    """A DomainError that escapes a page view becomes an error page with its status.

    Views handle the errors they expect (form errors); this catches refusals such as
    Forbidden from the tenancy checks, so no view repeats that handling."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from tradebridge.core.errors import DomainError
        from tradebridge.core.messages import localize

        if not isinstance(exception, DomainError) or request.path.startswith("/api/"):
            return None
        context = {"status": exception.status, "message": localize(exception.errors[0])}
        return TemplateResponse(request, "core/error.html", context, status=exception.status).render()
