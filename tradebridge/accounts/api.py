"""Endpoints about the caller: who am I, and which companies can I act for."""

from __future__ import annotations

from ninja import Router

from tradebridge.accounts.schemas import MeOut
from tradebridge.companies.access import memberships_of

router = Router(tags=["accounts"])


@router.get("/me", response=MeOut)
def me(request):
    user = request.user
    membership = request.membership
    return {
        "id": user.id,
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "active_company_id": membership.company_id if membership else None,
        "memberships": list(memberships_of(user)),
    }
