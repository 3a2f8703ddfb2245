"""Whatever arrives, the answer is a 4xx with the error shape or a re-shown form, never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradebridge.accounts.models import User

pytestmark = pytest.mark.django_db

FIELDS = [
    "kind",
    "email",
    "password",
    "full_name",
    "name",
    "country",
    "sector",
    "companies_house_number",
    "vat_number",
    "uscc",
    "website",
    "name_zh",
]
junk = st.one_of(
    st.text(max_size=60),
    st.integers(),
    st.none(),
    st.booleans(),
    st.lists(st.text(max_size=5), max_size=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.dictionaries(st.sampled_from(FIELDS), junk, max_size=len(FIELDS)))
def test_signup_api_never_fails_with_a_server_error(payload):
    response = Client().post("/api/v1/signup", payload, content_type="application/json")
    assert response.status_code in (201, 400, 409, 422), response.content
    if response.status_code != 201:
        assert all({"code", "field", "message"} == set(e) for e in response.json()["errors"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=40), max_size=len(FIELDS)))
def test_signup_page_never_fails_with_a_server_error(form):
    before = User.objects.count()
    response = Client().post("/accounts/signup/", form)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert User.objects.count() == before


@pytest.mark.parametrize(
    "body",
    ["", "null", "[]", '"text"', "{", '{"kind": {"nested": 1}}', "\x00\xff"],
)
def test_malformed_json_bodies(body):
    response = Client().post("/api/v1/signup", body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert "errors" in response.json()
