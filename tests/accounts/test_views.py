"""Sign-up, sign-in with throttling, password reset and Argon2, through the real pages."""

import re

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.test import Client, override_settings

from tests import factories
from tradebridge.accounts.models import LoginAttempt, User
from tradebridge.companies.models import Company

pytestmark = pytest.mark.django_db

SIGNUP = {
    "kind": "supplier",
    "full_name": "Jo Owner",
    "email": "jo@example.co.uk",
    "password": "Export-to-China-2026",
    "name": "Thistle Tea Ltd",
    "country": "GB",
    "sector": "food_drink",
    "companies_house_number": "SC123456",
}


def test_signup_form_shows_field_errors_and_writes_nothing():
    response = Client().post("/accounts/signup/", SIGNUP | {"companies_house_number": "12AB"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "companies_house_number" in errors
    assert "8 digits" in errors["companies_house_number"][0]
    assert not User.objects.exists() and not Company.objects.exists()


def test_signup_signs_in_and_lands_on_the_supplier_dashboard():
    client = Client()
    response = client.post("/accounts/signup/", SIGNUP, follow=True)
    assert response.templates[0].name == "core/dashboard_supplier.html"
    assert "Thistle Tea Ltd" in response.content.decode()


def test_login_and_wrong_password():
    user = factories.user(email="jo@example.com")
    factories.member(the_user=user)
    client = Client()
    wrong = client.post("/accounts/login/", {"email": "jo@example.com", "password": "nope"})
    assert wrong.status_code == 400
    assert "not right" in wrong.content.decode()
    right = client.post("/accounts/login/", {"email": "JO@example.com", "password": factories.PASSWORD})
    assert right.status_code == 302
    assert client.get("/").templates[0].name == "core/dashboard_supplier.html"


@override_settings(LOGIN_MAX_FAILURES=3)
def test_login_is_locked_after_repeated_failures_even_with_the_right_password():
    factories.user(email="jo@example.com")
    client = Client()
    for _ in range(3):
        client.post("/accounts/login/", {"email": "jo@example.com", "password": "guess"})
    locked = client.post("/accounts/login/", {"email": "jo@example.com", "password": factories.PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginAttempt.objects.filter(email="jo@example.com").count() == 3


def test_a_successful_login_clears_the_failure_count():
    factories.user(email="jo@example.com")
    client = Client()
    client.post("/accounts/login/", {"email": "jo@example.com", "password": "guess"})
    client.post("/accounts/login/", {"email": "jo@example.com", "password": factories.PASSWORD})
    assert not LoginAttempt.objects.exists()


def test_login_does_not_redirect_off_site():
    factories.member(the_user=factories.user(email="jo@example.com"))
    response = Client().post(
        "/accounts/login/",
        {
            "email": "jo@example.com",
            "password": factories.PASSWORD,
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/"


def test_password_reset_by_email():
    factories.user(email="jo@example.com")
    client = Client()
    client.post("/accounts/password/reset/", {"email": "jo@example.com"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    post_to = form_page.redirect_chain[-1][0]
    done = client.post(
        post_to,
        {"new_password1": "A-new-long-password-9", "new_password2": "A-new-long-password-9"},
    )
    assert done.status_code == 302
    assert User.objects.get(email="jo@example.com").check_password("A-new-long-password-9")


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_passwords_are_hashed_with_argon2():
    user = factories.user()
    assert identify_hasher(user.password).algorithm == "argon2"


def test_production_settings_hash_with_argon2_first():
    import tradebridge.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_logout_needs_post(supplier, client_for):
    client = client_for(supplier)
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session
