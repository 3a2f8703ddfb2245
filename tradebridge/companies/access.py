"""Tenancy: the one place that decides which company a request acts for and what it may touch.

Every view and API handler that shows or changes a company's private data goes through
`require` (or the `company_required` decorator) and scopes its querysets with `scoped`, so a
user can never reach another company's rows by changing an id in a URL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import HttpRequest

from tradebridge.companies.domain import Kind, Role
from tradebridge.companies.models import Membership
from tradebridge.core.errors import Forbidden

ACTIVE_COMPANY_SESSION_KEY = "active_company_id"


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("company").order_by("created_at", "id")


def membership_for(user, company_id) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return memberships_of(user).filter(company_id=company_id).first()


def active_membership(request: HttpRequest) -> Membership | None:
    """The membership chosen with the company switcher, else the user's first one."""
    user = request.user
    if not user.is_authenticated:
        return None
    chosen = request.session.get(ACTIVE_COMPANY_SESSION_KEY)
    membership = membership_for(user, chosen) if chosen else None
    return membership or memberships_of(user).first()


def require(
    membership: Membership | None,
    *,
    roles: Iterable[Role] | None = None,
    kinds: Iterable[Kind] | None = None,
) -> Membership:
    # `not`, not `is None`: the middleware hands us a lazy proxy that may wrap None.
    if not membership:
        raise Forbidden("no_company", "You need to belong to a company to do this.")
    if kinds is not None and membership.company.kind not in {k.value for k in kinds}:
        raise Forbidden("wrong_company_kind", "Your company cannot do this.")
    if roles is not None and membership.role not in {r.value for r in roles}:
        raise Forbidden("role_forbidden", "Your role in this company does not allow this.")
    return membership


def scoped(queryset: QuerySet, membership: Membership, field: str = "company") -> QuerySet:
    """Only the rows owned by the membership's company."""
    return queryset.filter(**{f"{field}_id": membership.company_id})


def company_required(*, roles: Iterable[Role] | None = None, kinds: Iterable[Kind] | None = None) -> Callable:
    """View decorator: sign-in required, then `require` on the active membership.

    A refusal raises Forbidden, which the error middleware renders as a 403 page."""
    roles = tuple(roles) if roles is not None else None
    kinds = tuple(kinds) if kinds is not None else None

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(request.membership, roles=roles, kinds=kinds)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
