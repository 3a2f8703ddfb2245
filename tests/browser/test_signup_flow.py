"""The sign-up journey in a real browser: a rejected Companies House number, the fix, the
supplier dashboard, and switching it to Simplified Chinese; plus signing in."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from tradebridge.accounts.models import User
from tradebridge.companies.models import Company, Membership

pytestmark = pytest.mark.browser

PASSWORD = "Export-to-China-2026"
COMPANY = "Thames Valley Teas Ltd"
SIGNUP = "/accounts/signup/"
LOGIN = "/accounts/login/"


def _path_is(page: Page, live_server, path: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(live_server.url + path)}(\?.*)?$")


def _submit(page: Page, form_selector: str, path: str) -> int:
    """Click the form's submit button; return the status of the POST's response (before any
    redirect is followed) once the resulting page has loaded."""
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.split("?")[0].endswith(path)) as response:
        page.click(f"{form_selector} button[type=submit]")
    status = response.value.status
    page.wait_for_load_state()
    return status


def _zh(message: str) -> str:
    with translation.override("zh-hans"):
        return translation.gettext(message)


def test_supplier_signs_up_fixes_companies_house_number_and_reads_dashboard_in_chinese(
    page: Page, live_server, checkpoint
):
    ch_field = page.locator("div.field[data-field=companies_house_number]")

    with checkpoint("1 sign-up with an invalid Companies House number"):
        page.goto(SIGNUP)
        page.check("input[name=kind][value=supplier]")
        page.fill("#id_full_name", "Alice Hartley")
        page.fill("#id_email", "Alice@Thames-Teas.example")
        page.fill("#id_password", PASSWORD)
        page.fill("#id_name", COMPANY)
        page.fill("#id_name_zh", "泰晤士河谷茶业")
        page.select_option("#id_country", "GB")
        page.fill("#id_region", "Reading")
        page.select_option("#id_sector", "food_drink")
        expect(ch_field).to_be_visible()  # the JS shows it for suppliers
        page.fill("#id_companies_house_number", "12AB")
        page.fill("#id_vat_number", "GB980780684")

        status = _submit(page, "form.signup-form", SIGNUP)

        assert status == 400, f"expected the form back with 400, got {status}"
        expect(page).to_have_url(_path_is(page, live_server, SIGNUP))
        error = ch_field.locator("p.field-error")
        expect(error).to_be_visible()
        expect(error).to_contain_text("Companies House number")
        # Only that field was at fault, and what was typed is kept for correcting.
        expect(page.locator("p.field-error")).to_have_count(1)
        expect(page.locator("#id_companies_house_number")).to_have_value("12AB")
        expect(page.locator("#id_name")).to_have_value(COMPANY)
        expect(page.locator("input[name=kind][value=supplier]")).to_be_checked()
        assert not User.objects.exists(), "a user was created from a rejected sign-up"
        assert not Company.objects.exists(), "a company was created from a rejected sign-up"

    with checkpoint("2 fix the number and land on the supplier dashboard"):
        page.fill("#id_companies_house_number", "sc 123456")
        page.fill("#id_password", PASSWORD)  # never rendered back into the page

        status = _submit(page, "form.signup-form", SIGNUP)

        assert status == 302, f"expected a redirect after sign-up, got {status}"
        expect(page).to_have_url(_path_is(page, live_server, "/"))
        expect(page.locator("html")).to_have_attribute("lang", "en-GB")
        expect(page.locator(".page-header h1")).to_contain_text(COMPANY)
        expect(page.locator("p.lead")).to_have_text("Supplier dashboard")

        user = User.objects.get()
        assert user.email == "alice@thames-teas.example"
        assert user.full_name == "Alice Hartley"
        assert user.check_password(PASSWORD)
        company = Company.objects.get()
        assert company.kind == "supplier"
        assert company.name == COMPANY
        assert company.country == "GB"
        assert company.sector == "food_drink"
        assert company.companies_house_number == "SC123456"
        assert company.vat_number == "GB980780684"
        membership = Membership.objects.get()
        assert (membership.user, membership.company, membership.role) == (user, company, "owner")

    with checkpoint("3 switch the dashboard to Simplified Chinese"):
        switch = page.locator("form.lang-switch button[name=language][value=zh-hans]")
        expect(switch).to_have_text("简体中文")
        switch.click()

        expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
        expect(page).to_have_url(_path_is(page, live_server, "/"))
        lead, nav = _zh("Supplier dashboard"), _zh("Dashboard")
        assert lead != "Supplier dashboard", "no zh-hans translation of 'Supplier dashboard'"
        assert nav != "Dashboard", "no zh-hans translation of 'Dashboard'"
        expect(page.locator("p.lead")).to_have_text(lead)
        expect(page.locator("nav.main-nav")).to_contain_text(nav)
        expect(page.locator("body")).not_to_contain_text("Supplier dashboard")
        expect(page.locator(".page-header h1")).to_contain_text(COMPANY)


def test_sign_in_rejects_a_wrong_password_then_accepts_the_right_one(page: Page, live_server, checkpoint):
    user = User.objects.create_user(email="bob@hebridean-knitwear.example", password=PASSWORD, full_name="Bob Macleod")
    company = Company.objects.create(kind="supplier", name="Hebridean Knitwear Ltd", country="GB")
    Membership.objects.create(user=user, company=company, role="owner")

    with checkpoint("wrong password"):
        page.goto(LOGIN)
        page.fill("#id_email", user.email)
        page.fill("#id_password", "Not-the-password-1")

        status = _submit(page, "form.stack", LOGIN)

        assert status == 400, f"expected the sign-in form back with 400, got {status}"
        expect(page).to_have_url(_path_is(page, live_server, LOGIN))
        expect(page.locator(".form-errors")).to_contain_text("The email or password is not right.")
        expect(page.locator("#id_password")).to_have_value("")

    with checkpoint("right password"):
        page.fill("#id_password", PASSWORD)

        status = _submit(page, "form.stack", LOGIN)

        assert status == 302, f"expected a redirect after signing in, got {status}"
        expect(page).to_have_url(_path_is(page, live_server, "/"))
        expect(page.locator(".page-header h1")).to_contain_text(company.name)
        expect(page.locator("p.lead")).to_have_text("Supplier dashboard")
        expect(page.locator(".user-name")).to_have_text("Bob Macleod")


def test_signup_shows_only_the_identifiers_for_the_chosen_account_type(page: Page, checkpoint):
    fields = {
        name: page.locator(f"div.field[data-field={name}]") for name in ("companies_house_number", "vat_number", "uscc")
    }
    with checkpoint("identifier fields follow the account type"):
        page.goto(SIGNUP)
        page.check("input[name=kind][value=buyer]")
        expect(fields["uscc"]).to_be_visible()
        expect(fields["companies_house_number"]).to_be_hidden()
        expect(fields["vat_number"]).to_be_hidden()

        page.check("input[name=kind][value=supplier]")
        expect(fields["companies_house_number"]).to_be_visible()
        expect(fields["vat_number"]).to_be_visible()
        expect(fields["uscc"]).to_be_hidden()


def test_registration_numbers_are_checked_while_typing(page: Page, checkpoint):
    page.goto(SIGNUP)
    check = page.locator("#check-companies_house_number")
    with checkpoint("live error for a bad number"):
        page.fill("#id_companies_house_number", "ZZ123456")
        expect(check.locator("p.field-error")).to_contain_text("prefix")
    with checkpoint("canonical form for a good number"):
        page.fill("#id_companies_house_number", "sc 123456")
        expect(check.locator("p.field-ok")).to_contain_text("SC123456")
    assert not Company.objects.exists()
