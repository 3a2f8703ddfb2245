"""Statements: each party sees its own money with a running balance; nobody else's."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.ledger.factories import pay, release
from tradebridge.ledger import selectors
from tradebridge.ledger.models import CommissionRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def trade():
    supplier = factories.member(kind="supplier", role="staff")
    buyer = factories.member(kind="buyer", role="owner")
    operator = factories.member(kind="operator", role="admin")
    pay(buyer=buyer.company, order_id=1, amount="2730.96", part="deposit")
    pay(buyer=buyer.company, order_id=1, amount="6372.24", part="balance")
    release(buyer=buyer.company, supplier=supplier.company, order_id=1, held="9103.20", total="1000.00")
    pay(buyer=buyer.company, order_id=2, amount="91.03")
    release(buyer=buyer.company, supplier=supplier.company, order_id=2, held="91.03", total="10.00")
    return {"supplier": supplier, "buyer": buyer, "operator": operator}


def test_a_supplier_statement_runs_a_balance_of_what_it_is_owed(trade):
    result = selectors.statement(company=trade["supplier"].company, currency="GBP")
    assert [str(line.amount) for line in result.lines] == ["GBP 970.00", "GBP 9.70"]
    assert [str(line.balance) for line in result.lines] == ["GBP 970.00", "GBP 979.70"]
    assert (str(result.opening), str(result.closing)) == ("GBP 0.00", "GBP 979.70")
    assert {line.order_id for line in result.lines} == {1, 2}


def test_a_buyer_statement_shows_payments_as_money_out(trade):
    result = selectors.statement(company=trade["buyer"].company, currency="CNY")
    assert [str(line.amount) for line in result.lines] == ["CNY -2730.96", "CNY -6372.24", "CNY -91.03"]
    assert str(result.closing) == "CNY -9194.23"


def test_the_operator_statement_shows_commission_and_escrow(trade):
    gbp = selectors.statement(company=trade["operator"].company, currency="GBP")
    assert str(gbp.closing) == "GBP 30.30"  # £30.00 + £0.30 commission
    cny = selectors.statement(company=trade["operator"].company, currency="CNY")
    assert str(cny.closing) == "CNY 0.00"  # everything paid in was released
    totals = dict(selectors.totals_by_kind(company=trade["operator"].company))
    assert str(totals["platform_commission"]) == "GBP 30.30"


def test_the_date_range_carries_an_opening_balance(trade):
    tomorrow = timezone.now().date() + timedelta(days=1)
    later = selectors.statement(company=trade["supplier"].company, currency="GBP", date_from=tomorrow)
    assert (later.lines, str(later.opening), str(later.closing)) == ([], "GBP 979.70", "GBP 979.70")
    earlier = selectors.statement(
        company=trade["supplier"].company, currency="GBP", date_to=tomorrow - timedelta(days=2)
    )
    assert earlier.lines == [] and str(earlier.closing) == "GBP 0.00"


def test_the_widest_dates_a_date_can_name_cover_everything(trade, client_for):
    widest = "date_from=0001-01-01&date_to=9999-12-31"
    response = client_for(trade["supplier"]).get(f"/api/v1/ledger/statement?{widest}")
    assert response.status_code == 200, response.content
    assert [line["amount"] for line in response.json()["lines"]] == ["970.00", "9.70"]
    page = client_for(trade["supplier"]).get(f"/statements/?{widest}")
    assert page.status_code == 200 and "979.70" in page.content.decode()


def test_the_statement_page_shows_the_party_its_lines(trade, client_for):
    response = client_for(trade["supplier"]).get("/statements/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "GBP 979.70" in page and "Release to supplier" in page


def test_the_page_in_chinese(trade, client_for):
    client = client_for(trade["buyer"])
    client.cookies["tb_language"] = "zh-hans"
    page = client.get("/statements/").content.decode()
    assert "对账单" in page and "CNY -9194.23" in page


def test_bad_dates_are_a_form_error_not_a_crash(trade, client_for):
    response = client_for(trade["supplier"]).get("/statements/?date_from=2026-05-02&date_to=2026-05-01")
    assert response.status_code == 400
    assert "The start date must not be after the end date." in response.content.decode()


def test_another_companys_statement_is_refused_on_the_page_and_in_the_api(trade, client_for):
    supplier_id = trade["supplier"].company_id
    buyer = client_for(trade["buyer"])
    assert buyer.get(f"/statements/?company={supplier_id}").status_code == 404
    response = buyer.get(f"/api/v1/ledger/statement?company_id={supplier_id}")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "statement_not_found"
    assert "979.70" not in response.content.decode()


def test_the_operator_may_read_any_partys_statement(trade, client_for):
    operator = client_for(trade["operator"])
    response = operator.get(f"/api/v1/ledger/statement?company_id={trade['supplier'].company_id}&currency=GBP")
    assert response.status_code == 200
    assert response.json()["closing_balance"] == "979.70"
    assert operator.get(f"/statements/?company={trade['supplier'].company_id}").status_code == 200


def test_the_api_returns_lines_with_running_balances(trade, client_for):
    response = client_for(trade["supplier"]).get("/api/v1/ledger/statement")
    body = response.json()
    assert response.status_code == 200
    assert body["currency"] == "GBP"
    assert [(line["amount"], line["balance"]) for line in body["lines"]] == [("970.00", "970.00"), ("9.70", "979.70")]
    assert body["lines"][0]["transaction_kind"] == "release"


@pytest.mark.parametrize(
    ("query", "field"),
    [("currency=XYZ", "currency"), ("date_from=2026-05-02&date_to=2026-05-01", "date_to"), ("date_from=soon", None)],
)
def test_bad_api_input_is_a_field_error(trade, client_for, query, field):
    response = client_for(trade["supplier"]).get(f"/api/v1/ledger/statement?{query}")
    assert 400 <= response.status_code < 500
    error = response.json()["errors"][0]
    if field:
        assert error["field"] == field


def test_signed_out_visitors_get_no_statement(trade, client):
    assert client.get("/api/v1/ledger/statement").status_code == 401
    assert client.get("/statements/").status_code == 302


def test_commission_rules_are_in_the_admin(client):
    staff = factories.user(is_staff=True, is_superuser=True)
    client.force_login(staff)
    CommissionRule.objects.create(channel="retail", category_prefix="beauty", rate="0.08")
    assert client.get("/admin/ledger/commissionrule/").status_code == 200
    assert client.get("/admin/ledger/ledgertransaction/").status_code == 200
