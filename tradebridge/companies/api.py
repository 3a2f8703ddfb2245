"""Company endpoints: sign-up, the active company, members, invitations, verification."""

from __future__ import annotations

from django.urls import reverse
from ninja import Router, Status

from tradebridge.companies import access, selectors, services
from tradebridge.companies.domain import MANAGER_ROLES
from tradebridge.companies.schemas import (
    CompanyOut,
    CompanyPatch,
    CompanyPublicOut,
    InvitationIn,
    InvitationOut,
    MemberOut,
    MembershipOut,
    SignupIn,
    VerificationIn,
)
from tradebridge.core.errors import NotFound

router = Router(tags=["companies"])


@router.post("/signup", auth=None, response={201: MembershipOut})
def signup(request, payload: SignupIn):
    """Create a user and their supplier or buyer company. The caller then signs in or asks
    for a token; signing a browser in here would invite login CSRF."""
    return Status(201, services.register_company(language=request.LANGUAGE_CODE, **payload.dict()))


@router.get("/company", response=CompanyOut)
def my_company(request):
    return access.require(request.membership).company


@router.patch("/company", response=CompanyOut)
def update_my_company(request, payload: CompanyPatch):
    membership = access.require(request.membership)
    return services.update_company(membership=membership, data=payload.dict(exclude_unset=True, exclude_none=True))


@router.get("/company/members", response=list[MemberOut])
def my_members(request):
    return list(selectors.members(access.require(request.membership).company))


@router.post("/company/invitations", response={201: InvitationOut})
def invite(request, payload: InvitationIn):
    membership = access.require(request.membership, roles=MANAGER_ROLES)
    invitation = services.invite_colleague(
        membership=membership,
        email=payload.email,
        role=payload.role,
        accept_url=lambda secret: request.build_absolute_uri(reverse("companies:accept-invitation", args=[secret])),
    )
    return Status(201, invitation)


@router.get("/companies/{company_id}", response=CompanyPublicOut)
def company_profile(request, company_id: int):
    company = selectors.public_company(company_id)
    if company is None:
        raise NotFound("not_found", "No such company.")
    return company


@router.post("/companies/{company_id}/verification", response=CompanyPublicOut)
def move_verification(request, company_id: int, payload: VerificationIn):
    """Request verification of your own company, or (operator and agency staff) decide it."""
    membership = access.require(request.membership)
    return services.move_verification(
        membership=membership, company_id=company_id, status=payload.status, reason=payload.reason
    )
