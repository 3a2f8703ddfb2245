"""Request guards that apply before any view runs."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
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
