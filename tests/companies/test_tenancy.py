"""A user sees and changes only their own company's private data, in pages and in the API."""

import pytest
from django.test import Client

from tests import factories
from tradebridge.companies.models import Company, Invitation

pytestmark = pytest.mark.django_db


def test_pages_act_only_for_the_active_company(supplier, buyer, client_for):
    client = client_for(supplier)
    page = client.get("/company/members/")
    assert supplier.user.email in page.content.decode()
    assert buyer.user.email not in page.content.decode()


def test_switching_to_a_company_you_are_not_in_is_refused(supplier, buyer, client_for):
    client = client_for(supplier)
    response = client.post("/company/switch/", {"company_id": buyer.company_id})
    assert response.status_code == 404
    assert client.session["active_company_id"] == supplier.company_id
    assert client.get("/api/v1/company").json()["id"] == supplier.company_id


def test_switching_between_your_own_companies(supplier, client_for):
    second = factories.member(kind="buyer", the_user=supplier.user, role="staff")
    client = client_for(supplier)
    assert client.post("/company/switch/", {"company_id": second.company_id}).status_code == 302
    assert client.get("/api/v1/company").json()["id"] == second.company_id


def test_a_forged_session_company_falls_back_to_your_own(supplier, buyer):
    client = Client()
    client.force_login(supplier.user)
    session = client.session
    session["active_company_id"] = buyer.company_id
    session.save()
    assert client.get("/api/v1/company").json()["id"] == supplier.company_id


def test_revoking_another_companys_invitation_via_page_is_not_found(supplier, buyer, client_for):
    invitation = Invitation.objects.create(
        company=buyer.company,
        email="x@example.com",
        role="staff",
        digest="d" * 64,
        expires_at="2099-01-01T00:00:00Z",
    )
    response = client_for(supplier).post(f"/company/invitations/{invitation.pk}/revoke/")
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_staff_cannot_change_company_details(supplier, client_for):
    staff = factories.member(the_company=supplier.company, role="staff")
    response = client_for(staff).post("/company/", {"name": "Hijacked", "country": "GB", "sector": "other"})
    assert response.status_code == 403
    assert Company.objects.get(pk=supplier.company_id).name != "Hijacked"
    api = client_for(staff).patch("/api/v1/company", {"name": "Hijacked"}, content_type="application/json")
    assert api.status_code == 403
    assert api.json()["errors"][0]["code"] == "role_forbidden"


def test_verification_queue_is_for_reviewers_only(supplier, operator_member, client_for):
    assert client_for(supplier).get("/verification/").status_code == 403
    assert client_for(operator_member).get("/verification/").status_code == 200


def test_public_profile_hides_registration_numbers_from_other_companies(supplier, buyer, client_for):
    supplier.company.vat_number = "GB980780684"
    supplier.company.save()
    page = client_for(buyer).get(f"/companies/{supplier.company_id}/").content.decode()
    assert supplier.company.name in page
    assert "GB980780684" not in page
    api = client_for(buyer).get(f"/api/v1/companies/{supplier.company_id}").json()
    assert "vat_number" not in api


def test_anonymous_visitors_are_sent_to_sign_in():
    response = Client().get("/company/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
