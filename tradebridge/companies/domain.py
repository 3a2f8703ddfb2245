"""Pure rules about companies: kinds, roles, who may do what, and the verification workflow.

No Django here: the workflow is data, checked by `verification_move`, and tested directly.
"""

from __future__ import annotations

from enum import StrEnum

from tradebridge.core.errors import DomainError, Forbidden


class Kind(StrEnum):
    SUPPLIER = "supplier"
    BUYER = "buyer"
    AGENCY = "agency"
    OPERATOR = "operator"


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    STAFF = "staff"
    ADVISER = "adviser"


class Verification(StrEnum):
    UNVERIFIED = "unverified"
    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"


SECTORS = (
    "food_drink",
    "alcoholic_drinks",
    "infant_nutrition",
    "health_supplements",
    "beauty",
    "fashion",
    "footwear",
    "home_garden",
    "toys_baby",
    "sports_outdoor",
    "pet_care",
    "electronics_accessories",
    "other",
)

# Kinds people may create for themselves; agencies and the operator are set up by the operator.
SELF_SERVICE_KINDS = (Kind.SUPPLIER, Kind.BUYER)
REVIEWER_KINDS = (Kind.OPERATOR, Kind.AGENCY)
MANAGER_ROLES = (Role.OWNER, Role.ADMIN)

SUBJECT = "subject"  # the company's own owner or admin
REVIEWER = "reviewer"  # operator or agency staff

# The whole verification workflow: (from, to) -> who may make the move.
VERIFICATION_MOVES: dict[tuple[Verification, Verification], str] = {
    (Verification.UNVERIFIED, Verification.PENDING): SUBJECT,
    (Verification.REJECTED, Verification.PENDING): SUBJECT,
    (Verification.PENDING, Verification.VERIFIED): REVIEWER,
    (Verification.PENDING, Verification.REJECTED): REVIEWER,
    (Verification.VERIFIED, Verification.REJECTED): REVIEWER,
}


def roles_for(kind: Kind) -> tuple[Role, ...]:
    if kind == Kind.AGENCY:
        return (Role.OWNER, Role.ADMIN, Role.STAFF, Role.ADVISER)
    return (Role.OWNER, Role.ADMIN, Role.STAFF)


def can_manage(role: Role) -> bool:
    """Owners and admins edit the profile, invite colleagues and manage tokens."""
    return role in MANAGER_ROLES


def can_grant(granter: Role, role: Role, kind: Kind) -> bool:
    """Managers invite anyone up to admin; only an owner can make another owner."""
    if role not in roles_for(kind) or not can_manage(granter):
        return False
    return granter == Role.OWNER or role != Role.OWNER


def is_reviewer(kind: Kind) -> bool:
    return kind in REVIEWER_KINDS


def verification_move(
    current: Verification,
    target: Verification,
    *,
    actor_kind: Kind,
    actor_role: Role,
    acting_on_own_company: bool,
    reason: str,
) -> None:
    """Raise DomainError unless this actor may move a company from current to target."""
    who = VERIFICATION_MOVES.get((current, target))
    if who is None:
        raise DomainError(
            "verification_illegal_move",
            f"A company cannot go from {current.value} to {target.value}.",
            field="status",
        )
    if who == SUBJECT and not (acting_on_own_company and can_manage(actor_role)):
        raise Forbidden(
            "verification_forbidden",
            "Only the company's owner or an admin can request verification.",
        )
    if who == REVIEWER and (not is_reviewer(actor_kind) or acting_on_own_company):
        raise Forbidden(
            "verification_forbidden",
            "Only operator or programme agency staff can decide verification.",
        )
    if target == Verification.REJECTED and not reason.strip():
        raise DomainError("reason_required", "Give a reason for the rejection.", field="reason")
