"""Registration numbers checked live: the htmx fragment under a field and the API endpoint."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("scheme", "value", "canonical"),
    [
        ("companies_house_number", "sc 123456", "SC123456"),
        ("vat_number", "980 7806 84", "GB980780684"),
        ("uscc", "91350100m000100y43", "91350100M000100Y43"),
        ("prc_resident_id", "11010519491231002x", "11010519491231002X"),
    ],
)
def test_api_normalises_valid_numbers(scheme, value, canonical):
    response = Client().post(
        "/api/v1/identifiers/validate",
        {"scheme": scheme, "value": value},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json() == {"scheme": scheme, "value": canonical}


@pytest.mark.parametrize(
    ("scheme", "value", "code"),
    [
        ("companies_house_number", "12AB", "ch_number_format"),
        ("vat_number", "GB123456789", "vat_checksum"),
        ("uscc", "91350100M000100Y44", "uscc_checksum"),
        ("prc_resident_id", "110105194902300021", "prc_id_birth_date"),
    ],
)
def test_api_explains_invalid_numbers_on_the_value_field(scheme, value, code):
    response = Client().post(
        "/api/v1/identifiers/validate",
        {"scheme": scheme, "value": value},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0] | {"message": ""} == {
        "code": code,
        "field": "value",
        "message": "",
    }


def test_api_refuses_unknown_schemes():
    response = Client().post(
        "/api/v1/identifiers/validate",
        {"scheme": "passport", "value": "x"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "scheme"


def test_htmx_fragment_shows_the_canonical_number_or_the_error():
    ok = Client().get("/identifiers/check/companies_house_number/", {"companies_house_number": "sc123456"})
    assert "SC123456" in ok.content.decode()
    bad = Client().get("/identifiers/check/vat_number/", {"vat_number": "GB123456789"})
    assert 'class="field-error"' in bad.content.decode()
    assert Client().get("/identifiers/check/passport/").status_code == 404


def test_signup_inputs_ask_for_live_checks():
    page = Client().get("/accounts/signup/").content.decode()
    assert 'hx-get="/identifiers/check/companies_house_number/"' in page
    assert 'id="check-companies_house_number"' in page
