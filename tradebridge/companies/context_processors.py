"""Template context: the active membership and the others the user can switch to."""

from tradebridge.companies.access import memberships_of


def active_company(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    membership = request.membership
    if not membership:
        return {"active_membership": None, "switchable_memberships": []}
    return {
        "active_membership": membership,
        "active_company": membership.company,
        "switchable_memberships": lambda: list(memberships_of(user)),
    }
