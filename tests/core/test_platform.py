"""Cross-cutting behaviour: health check, request limits, error pages, languages, SQLite mode."""

import pytest
from django.db import connection
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_healthz_checks_the_database():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_broken_database(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database unreachable")

    monkeypatch.setattr(connection, "cursor", broken)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


@override_settings(MAX_REQUEST_BYTES=1000)
def test_oversized_bodies_are_refused_in_api_and_pages():
    api = Client().post("/api/v1/signup", "x" * 2000, content_type="application/json")
    assert api.status_code == 413
    assert api.json()["errors"][0]["code"] == "request_too_large"
    page = Client().post("/accounts/signup/", {"name": "x" * 2000})
    assert page.status_code == 413


def test_unknown_url_is_a_404_page_in_the_users_language():
    english = Client().get("/no-such-page/")
    assert english.status_code == 404
    assert "Page not found" in english.content.decode()
    chinese = Client().get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert chinese.status_code == 404
    assert 'lang="zh-Hans"' in chinese.content.decode()
    assert "Page not found" not in chinese.content.decode()


def test_unknown_api_url_is_json_404():
    response = Client().get("/api/v1/no-such-thing")
    assert response.status_code == 404


def test_language_switch_sets_the_cookie_and_the_page_language():
    client = Client()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="zh-Hans"' in page


def test_home_for_each_persona(supplier, buyer, operator_member, agency_member, client_for):
    templates = {
        m.company.kind: client_for(m).get("/").templates[0].name
        for m in (supplier, buyer, operator_member, agency_member)
    }
    assert templates == {
        "supplier": "core/dashboard_supplier.html",
        "buyer": "core/dashboard_buyer.html",
        "operator": "core/dashboard_operator.html",
        "agency": "core/dashboard_agency.html",
    }


def test_reviewer_dashboard_query_count_does_not_grow_with_companies(
    operator_member, client_for, django_assert_max_num_queries
):
    from tests import factories

    client = client_for(operator_member)
    for _ in range(3):
        factories.company(verification_status="pending")
    with django_assert_max_num_queries(12) as small:
        client.get("/")
    for _ in range(20):
        factories.company(verification_status="pending")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-specific pragmas")
def test_sqlite_runs_with_a_busy_timeout_and_foreign_keys():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_migrations_match_the_models():
    from django.core.management import call_command

    # Exits non-zero (SystemExit) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_page_credits_cc_cedict():
    page = Client().get("/").content.decode()
    assert "CC-CEDICT" in page and "CC BY-SA 4.0" in page
