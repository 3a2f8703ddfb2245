"""Inviting a colleague through the pages, end to end, as a newcomer and as an existing user."""

import re

import pytest
from django.core import mail
from django.test import Client

from tests import factories
from tradebridge.companies.models import Membership

pytestmark = pytest.mark.django_db


def _invite(client, email, role="staff"):
    response = client.post("/company/members/", {"email": email, "role": role})
    assert response.status_code == 302, response.content


def _link_in_last_email():
    return re.search(r"http://testserver(/invitations/[^/\s]+/)", mail.outbox[-1].body).group(1)


def test_a_newcomer_accepts_by_choosing_a_password(supplier, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_for(supplier), "new@example.com")
    link = _link_in_last_email()
    newcomer = Client()
    page = newcomer.get(link)
    assert "new@example.com" in page.content.decode()
    weak = newcomer.post(link, {"full_name": "New Person", "password": "123"})
    assert weak.status_code == 400
    assert not Membership.objects.filter(user__email="new@example.com").exists()
    done = newcomer.post(link, {"full_name": "New Person", "password": "Export-to-China-2026"})
    assert done.status_code == 302
    assert Membership.objects.get(user__email="new@example.com").company == supplier.company
    assert newcomer.get(link).status_code == 404  # used once


def test_an_existing_user_joins_a_second_company(supplier, buyer, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_for(supplier), buyer.user.email, role="admin")
    link = _link_in_last_email()
    response = client_for(buyer).post(link)
    assert response.status_code == 302
    assert Membership.objects.get(user=buyer.user, company=supplier.company).role == "admin"


def test_invitation_form_errors_are_shown_on_the_fields(supplier, client_for):
    response = client_for(supplier).post("/company/members/", {"email": "not-an-email", "role": "staff"})
    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    already = client_for(supplier).post("/company/members/", {"email": supplier.user.email, "role": "staff"})
    assert already.status_code == 400
    assert "already a member" in already.content.decode()


def test_staff_see_the_team_but_cannot_invite(supplier, client_for):
    staff = factories.member(the_company=supplier.company, role="staff")
    client = client_for(staff)
    assert client.get("/company/members/").context["form"] is None
    assert client.post("/company/members/", {"email": "x@example.com", "role": "staff"}).status_code == 403
    assert len(mail.outbox) == 0
