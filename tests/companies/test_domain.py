"""The verification workflow and role rules, tested without a database."""

import pytest

from tradebridge.companies.domain import (
    VERIFICATION_MOVES,
    Kind,
    Role,
    Verification,
    can_grant,
    roles_for,
    verification_move,
)
from tradebridge.core.errors import DomainError, Forbidden

U, P, V, R = (
    Verification.UNVERIFIED,
    Verification.PENDING,
    Verification.VERIFIED,
    Verification.REJECTED,
)


@pytest.mark.parametrize(
    ("current", "target", "kind", "role", "own", "reason"),
    [
        (U, P, Kind.SUPPLIER, Role.OWNER, True, ""),
        (R, P, Kind.BUYER, Role.ADMIN, True, ""),
        (P, V, Kind.OPERATOR, Role.STAFF, False, ""),
        (P, V, Kind.AGENCY, Role.ADVISER, False, ""),
        (P, R, Kind.AGENCY, Role.ADVISER, False, "Number not on the register"),
        (V, R, Kind.OPERATOR, Role.ADMIN, False, "Dissolved"),
    ],
)
def test_allowed_moves(current, target, kind, role, own, reason):
    verification_move(current, target, actor_kind=kind, actor_role=role, acting_on_own_company=own, reason=reason)


@pytest.mark.parametrize(
    ("current", "target", "kind", "role", "own", "reason", "code"),
    [
        pytest.param(
            U,
            V,
            Kind.OPERATOR,
            Role.ADMIN,
            False,
            "",
            "verification_illegal_move",
            id="skip-review",
        ),
        pytest.param(
            V,
            P,
            Kind.SUPPLIER,
            Role.OWNER,
            True,
            "",
            "verification_illegal_move",
            id="verified-back",
        ),
        pytest.param(P, V, Kind.SUPPLIER, Role.OWNER, True, "", "verification_forbidden", id="self-verify"),
        pytest.param(P, V, Kind.BUYER, Role.OWNER, False, "", "verification_forbidden", id="buyer-verifies"),
        pytest.param(U, P, Kind.SUPPLIER, Role.STAFF, True, "", "verification_forbidden", id="staff-requests"),
        pytest.param(
            U,
            P,
            Kind.OPERATOR,
            Role.ADMIN,
            False,
            "",
            "verification_forbidden",
            id="operator-requests",
        ),
        pytest.param(P, R, Kind.OPERATOR, Role.ADMIN, False, "  ", "reason_required", id="reject-no-reason"),
        pytest.param(P, V, Kind.OPERATOR, Role.ADMIN, True, "", "verification_forbidden", id="operator-self"),
    ],
)
def test_refused_moves(current, target, kind, role, own, reason, code):
    with pytest.raises(DomainError) as caught:
        verification_move(
            current,
            target,
            actor_kind=kind,
            actor_role=role,
            acting_on_own_company=own,
            reason=reason,
        )
    assert caught.value.code == code
    if code == "verification_forbidden":
        assert isinstance(caught.value, Forbidden)


def test_every_status_is_reachable_and_rejection_is_recoverable():
    targets = {to for (_from, to) in VERIFICATION_MOVES}
    assert targets == {P, V, R}
    assert (R, P) in VERIFICATION_MOVES


@pytest.mark.parametrize(
    ("granter", "role", "kind", "allowed"),
    [
        (Role.OWNER, Role.OWNER, Kind.SUPPLIER, True),
        (Role.ADMIN, Role.OWNER, Kind.SUPPLIER, False),
        (Role.ADMIN, Role.ADMIN, Kind.BUYER, True),
        (Role.ADMIN, Role.STAFF, Kind.BUYER, True),
        (Role.STAFF, Role.STAFF, Kind.BUYER, False),
        (Role.OWNER, Role.ADVISER, Kind.SUPPLIER, False),
        (Role.OWNER, Role.ADVISER, Kind.AGENCY, True),
    ],
)
def test_who_may_grant_which_role(granter, role, kind, allowed):
    assert can_grant(granter, role, kind) is allowed


def test_advisers_exist_only_in_agencies():
    assert Role.ADVISER in roles_for(Kind.AGENCY)
    assert all(Role.ADVISER not in roles_for(k) for k in (Kind.SUPPLIER, Kind.BUYER, Kind.OPERATOR))


def test_every_domain_sector_has_a_label_and_no_more():
    from tradebridge.companies.domain import SECTORS
    from tradebridge.companies.models import SECTOR_CHOICES

    assert [code for code, _label in SECTOR_CHOICES] == list(SECTORS)
