"""Company services against a real database: sign-up, edits, invitations, verification."""

import pytest
from django.core import mail

from tests import factories
from tradebridge.accounts.models import User
from tradebridge.companies import services
from tradebridge.companies.models import Company, Invitation, Membership, VerificationEvent
from tradebridge.core.errors import Conflict, DomainError, Forbidden, NotFound

pytestmark = pytest.mark.django_db

SIGNUP = {
    "kind": "supplier",
    "email": "Owner@Example.com",
    "password": "Export-to-China-2026",
    "full_name": "Jo Owner",
    "name": "Thistle Tea Ltd",
    "country": "GB",
    "companies_house_number": "sc 123456",
    "vat_number": "GB980780684",
}


def test_sign_up_creates_user_company_and_owner_membership():
    membership = services.register_company(**SIGNUP)
    assert membership.role == "owner"
    assert membership.user.email == "owner@example.com"
    assert membership.user.check_password("Export-to-China-2026")
    assert membership.company.companies_house_number == "SC123456"
    assert membership.company.verification_status == "unverified"


def test_sign_up_reports_every_bad_field_and_writes_nothing():
    bad = SIGNUP | {"email": "not-an-email", "password": "short", "companies_house_number": "12AB"}
    with pytest.raises(DomainError) as caught:
        services.register_company(**bad)
    fields = {e.field for e in caught.value.errors}
    assert {"email", "password", "companies_house_number"} <= fields
    assert not User.objects.exists()
    assert not Company.objects.exists()


def test_sign_up_refuses_operator_kind():
    with pytest.raises(DomainError) as caught:
        services.register_company(**(SIGNUP | {"kind": "operator"}))
    assert caught.value.field == "kind"


def test_sign_up_refuses_a_taken_email_and_a_taken_company_number():
    services.register_company(**SIGNUP)
    with pytest.raises(DomainError) as caught:
        services.register_company(**(SIGNUP | {"companies_house_number": "01234567"}))
    assert caught.value.field == "email"
    with pytest.raises(Conflict) as caught:
        services.register_company(**(SIGNUP | {"email": "other@example.com"}))
    assert caught.value.field == "companies_house_number"
    assert Company.objects.count() == 1


def test_only_managers_edit_the_company(supplier):
    staff = factories.member(the_company=supplier.company, role="staff")
    with pytest.raises(Forbidden):
        services.update_company(membership=staff, data={"name": "Hijacked"})
    updated = services.update_company(
        membership=supplier, data={"name_zh": "蓟花茶", "companies_house_number": "01234567"}
    )
    assert updated.name_zh == "蓟花茶"


def test_changing_numbers_of_a_verified_company_sends_it_back_for_review(supplier, operator_member):
    supplier.company.companies_house_number = "01234567"
    supplier.company.verification_status = "pending"
    supplier.company.save()
    services.move_verification(membership=operator_member, company_id=supplier.company_id, status="verified")
    services.update_company(membership=supplier, data={"companies_house_number": "07654321"})
    supplier.company.refresh_from_db()
    assert supplier.company.verification_status == "pending"


def test_invitation_round_trip(supplier, django_capture_on_commit_callbacks):
    links = []
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite_colleague(
            membership=supplier,
            email="New.Hire@Example.com",
            role="staff",
            accept_url=lambda secret: links.append(secret) or f"http://testserver/invitations/{secret}/",
        )
    assert len(mail.outbox) == 1
    assert links[0] in mail.outbox[0].body
    assert links[0] not in invitation.digest  # only the digest is stored
    membership = services.accept_invitation_as_new_user(
        secret=links[0], full_name="New Hire", password="Export-to-China-2026"
    )
    assert membership.company == supplier.company
    assert membership.role == "staff"
    assert membership.user.email == "new.hire@example.com"
    with pytest.raises(NotFound):
        services.pending_invitation(links[0])  # used once


def test_invitation_is_for_its_own_email_only(supplier):
    secrets = []
    services.invite_colleague(
        membership=supplier,
        email="a@example.com",
        role="staff",
        accept_url=lambda s: secrets.append(s) or s,
    )
    stranger = factories.user(email="b@example.com")
    with pytest.raises(Forbidden):
        services.accept_invitation(secret=secrets[0], user=stranger)
    assert not Membership.objects.filter(user=stranger).exists()


def test_staff_cannot_invite_and_admin_cannot_make_owners(supplier):
    staff = factories.member(the_company=supplier.company, role="staff")
    admin = factories.member(the_company=supplier.company, role="admin")
    with pytest.raises(Forbidden):
        services.invite_colleague(membership=staff, email="x@example.com", role="staff", accept_url=str)
    with pytest.raises(Forbidden):
        services.invite_colleague(membership=admin, email="x@example.com", role="owner", accept_url=str)
    assert not Invitation.objects.exists()


def test_revoking_another_companys_invitation_is_not_found(supplier, buyer):
    secrets = []
    invitation = services.invite_colleague(
        membership=buyer,
        email="x@example.com",
        role="staff",
        accept_url=lambda s: secrets.append(s) or s,
    )
    with pytest.raises(NotFound):
        services.revoke_invitation(membership=supplier, invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_verification_records_who_when_and_why(supplier, agency_member):
    services.move_verification(membership=supplier, company_id=supplier.company_id, status="pending")
    company = services.move_verification(
        membership=agency_member,
        company_id=supplier.company_id,
        status="rejected",
        reason="Number not found",
    )
    assert company.verification_status == "rejected"
    assert company.verification_decided_by == agency_member.user
    assert company.verification_reason == "Number not found"
    events = list(VerificationEvent.objects.filter(company=company).order_by("at", "id"))
    assert [(e.from_status, e.to_status) for e in events] == [
        ("unverified", "pending"),
        ("pending", "rejected"),
    ]
    assert events[1].actor_company == agency_member.company


def test_a_buyer_cannot_verify_anyone(supplier, buyer):
    services.move_verification(membership=supplier, company_id=supplier.company_id, status="pending")
    with pytest.raises(Forbidden):
        services.move_verification(membership=buyer, company_id=supplier.company_id, status="verified")
    supplier.company.refresh_from_db()
    assert supplier.company.verification_status == "pending"
