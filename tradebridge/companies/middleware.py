"""Attaches `request.membership`: the company the signed-in user is acting for."""

from django.utils.functional import SimpleLazyObject

from tradebridge.companies.access import active_membership


class ActiveCompanyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Lazy, so static files and anonymous pages cost no query. API token requests
        # replace it with the token's own membership.
        if not hasattr(request, "membership"):
            request.membership = SimpleLazyObject(lambda: active_membership(request))
        return self.get_response(request)
