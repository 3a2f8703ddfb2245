"""The API's contract: one error shape, session auth with CSRF, personal tokens."""

import re

import pytest
from django.test import Client

from tradebridge.accounts.models import ApiToken
from tradebridge.accounts.services import create_api_token

pytestmark = pytest.mark.django_db


def assert_error_shape(response, status, code=None, field=None):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"errors"}
    for error in body["errors"]:
        assert set(error) == {"code", "field", "message"}
        assert error["message"]
    if code:
        assert any(e["code"] == code and (field is None or e["field"] == field) for e in body["errors"]), body


def test_schema_and_docs_are_served():
    client = Client()
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/me" in schema["paths"]
    assert "/api/v1/company" in schema["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    # Every script and stylesheet is ours: an offline machine reaches no CDN. (A bare "cdn"
    # substring check failed now and then on the page's random CSRF token.)
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs.content.decode())
    assert assets and all(url.startswith("/static/") for url in assets), assets


def test_unauthenticated_calls_get_401_in_the_error_shape():
    assert_error_shape(Client().get("/api/v1/me"), 401, "unauthenticated")


def test_me_and_company_with_a_session(supplier, client_for):
    me = client_for(supplier).get("/api/v1/me").json()
    assert me["email"] == supplier.user.email
    assert me["active_company_id"] == supplier.company_id
    assert [m["company"]["id"] for m in me["memberships"]] == [supplier.company_id]


def test_session_writes_need_the_csrf_token(supplier):
    client = Client(enforce_csrf_checks=True)
    client.force_login(supplier.user)
    response = client.patch("/api/v1/company", {"name_zh": "测试"}, content_type="application/json")
    assert_error_shape(response, 403, "csrf_failed")


def test_token_auth_acts_for_the_tokens_company_and_revocation_ends_it(supplier):
    token, secret = create_api_token(membership=supplier, name="ERP")
    assert ApiToken.objects.get(pk=token.pk).digest != secret
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert client.get("/api/v1/company").json()["id"] == supplier.company_id
    # Machines need no CSRF token.
    assert client.patch("/api/v1/company", {"name_zh": "蓟花"}, content_type="application/json").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    Client().force_login(supplier.user)
    from tradebridge.accounts.services import revoke_api_token

    revoke_api_token(user=supplier.user, token_id=token.pk)
    assert_error_shape(client.get("/api/v1/company"), 401)


def test_a_token_stops_working_when_its_user_leaves_the_company(supplier):
    _token, secret = create_api_token(membership=supplier, name="ERP")
    supplier.delete()
    assert_error_shape(Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/company"), 401)


def test_garbage_tokens_are_refused():
    for header in ("Bearer nonsense", "Bearer tb_" + "x" * 43, "Basic abc"):
        assert_error_shape(Client(HTTP_AUTHORIZATION=header).get("/api/v1/me"), 401)


def test_tokens_are_managed_from_the_ui_and_others_tokens_cannot_be_revoked(supplier, buyer, client_for):
    page = client_for(supplier).post("/accounts/tokens/", {"name": "Warehouse"})
    token = ApiToken.objects.get(user=supplier.user)
    secret = page.context["new_secret"]
    assert secret.startswith(token.prefix)
    assert secret in page.content.decode()
    assert client_for(buyer).post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.is_active
    assert client_for(supplier).post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert not token.is_active


def test_patch_reports_identifier_errors_per_field(supplier, client_for):
    response = client_for(supplier).patch(
        "/api/v1/company",
        {"companies_house_number": "ZZ123456", "vat_number": "GB123456789"},
        content_type="application/json",
    )
    assert_error_shape(response, 400, "ch_number_prefix", "companies_house_number")
    assert_error_shape(response, 400, "vat_checksum", "vat_number")


def test_schema_violations_get_422_with_the_field(supplier, client_for):
    response = client_for(supplier).patch("/api/v1/company", {"name": "x" * 500}, content_type="application/json")
    assert_error_shape(response, 422, field="name")
    response = client_for(supplier).patch("/api/v1/company", "{not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert_error_shape(response, response.status_code)


def test_signup_via_api(db):
    payload = {
        "kind": "buyer",
        "email": "buyer@example.cn",
        "password": "Export-to-China-2026",
        "full_name": "王芳",
        "name": "Hangzhou Test Trading",
        "country": "CN",
        "uscc": "91330106MA2B7Q1E8D",
    }
    assert_error_shape(
        Client().post("/api/v1/signup", payload, content_type="application/json"),
        400,
        "uscc_checksum",
        "uscc",
    )
    created = Client().post("/api/v1/signup", payload | {"uscc": "91330106MA2B7Q1E8C"}, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["company"]["verification_status"] == "unverified"


def test_unknown_company_is_404_in_the_error_shape(supplier, client_for):
    assert_error_shape(client_for(supplier).get("/api/v1/companies/999999"), 404, "not_found")


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/api/v1/nope", 404, "not_found"),
        ("get", "/api/v1/orders/", 404, "not_found"),  # the trailing slash is not the path
        ("get", "/api/v1/payments/", 404, "not_found"),
        ("put", "/api/v1/orders", 405, "method_not_allowed"),
        ("delete", "/api/v1/company", 405, "method_not_allowed"),
    ],
)
def test_paths_and_methods_the_api_does_not_have_answer_in_the_error_shape(
    supplier, client_for, method, path, status, code
):
    response = getattr(client_for(supplier), method)(path)
    assert_error_shape(response, status, code)
    if status == 405:
        assert "GET" in response["Allow"]
    page = client_for(supplier).get("/no-such-page/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")  # pages stay pages


def test_verification_via_api(supplier, operator_member, client_for):
    assert (
        client_for(supplier)
        .post(
            f"/api/v1/companies/{supplier.company_id}/verification",
            {"status": "pending"},
            content_type="application/json",
        )
        .status_code
        == 200
    )
    refused = client_for(operator_member).post(
        f"/api/v1/companies/{supplier.company_id}/verification",
        {"status": "rejected"},
        content_type="application/json",
    )
    assert_error_shape(refused, 400, "reason_required", "reason")
    done = client_for(operator_member).post(
        f"/api/v1/companies/{supplier.company_id}/verification",
        {"status": "verified"},
        content_type="application/json",
    )
    assert done.json()["verification_status"] == "verified"


def test_error_messages_follow_the_users_language(supplier, client_for):
    client = client_for(supplier)
    response = client.patch(
        "/api/v1/company",
        {"companies_house_number": "12AB"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    message = response.json()["errors"][0]["message"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message


@pytest.mark.parametrize(
    ("method", "path", "payload", "field"),
    [
        ("patch", "/api/v1/company", {"name": "Acme\x00"}, "name"),
        ("patch", "/api/v1/company", {"name\x00": "Acme"}, "name\x00"),
        ("post", "/api/v1/identifiers/validate", {"kind": "vat", "value": ["GB\x00"]}, "value"),
    ],
)
def test_a_nul_character_anywhere_is_refused_with_its_field(supplier, client_for, method, path, payload, field):
    """PostgreSQL cannot store NUL in text; refused at the door on both engines, never a 500."""
    before = supplier.company.name
    client = client_for(supplier)
    response = client.get(path) if payload is None else getattr(client, method)(path, payload, "application/json")
    assert_error_shape(response, 422, "nul_character", field)
    supplier.company.refresh_from_db()
    assert supplier.company.name == before


@pytest.mark.parametrize(
    "path", ["/api/v1/payments/pi_%00x", "/api/v1/payments/webhooks/simu%00lator", "/api/v1/companies/1%00"]
)
def test_a_nul_character_in_an_api_path_names_nothing(supplier, client_for, path):
    method = "post" if "webhooks" in path else "get"
    assert_error_shape(getattr(client_for(supplier), method)(path), 404, "not_found")


@pytest.mark.parametrize(
    ("url", "shown"),
    [("/supplier/products/?q=Tart%00an", 'value="Tartan"'), ("/search/?q=%00scarf", 'value="scarf"')],
)
def test_a_nul_character_in_a_pages_query_is_dropped(supplier, client_for, url, shown):
    response = client_for(supplier).get(url)
    assert response.status_code == 200 and shown in response.content.decode()
    assert client_for(supplier).get("/orders/?state%00=paid%00").status_code == 200


@pytest.mark.parametrize(
    "content_type", ["multipart/form-data; boundary=", "multipart/form-data", "multipart/form-data; boundary=\x7f"]
)
def test_a_multipart_body_that_cannot_be_read_is_a_400(supplier, client_for, content_type):
    response = client_for(supplier).generic("POST", "/api/v1/catalog/imports", b"--x\r\nfoo", content_type=content_type)
    assert_error_shape(response, 400, "body_unreadable", "body")


@pytest.mark.parametrize(
    "url",
    ["/api/v1/search/products?category=%00", "/api/v1/search/suppliers?region=a%00b", "/api/v1/orders?state=paid%00"],
)
def test_a_nul_character_in_an_api_query_string_is_dropped(supplier, client_for, url):
    """Read as if it were not there (a PostgreSQL server error before): the filters are empty."""
    response = client_for(supplier).get(url)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body if isinstance(body, list) else body["items"]) == []
