"""How a view tells an htmx request for a fragment from a request for the whole page."""

from __future__ import annotations

from django.http import HttpRequest


def wants_fragment(request: HttpRequest) -> bool:
    """True for an htmx request that swaps part of the page. htmx also sends HX-Request when it
    restores history after a cache miss; that request replaces the whole body, so it gets the page."""
    return bool(request.headers.get("HX-Request")) and not request.headers.get("HX-History-Restore-Request")
