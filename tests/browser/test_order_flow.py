"""An order from cart to release of funds in a real browser, each side in its own language: the
buyer (Chinese) adds to the cart and places the order, the supplier (English) confirms, the
buyer pays on the simulated gateway, whose signed webhook reaches the live server over HTTP from
the worker; the supplier starts production and ships, the buyer confirms receipt, and the
supplier's statement shows what it is owed.

Screenshots of the order page on both sides go to $TB_SCREENSHOTS when set (else tmp_path)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from tests import factories
from tests.orders import factories as orders
from tradebridge.orders.models import Order

pytestmark = pytest.mark.browser


def _drain_worker():
    # The worker command itself, in the test's process, so it shares the live server's database.
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def _sign_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", factories.PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url("**/")


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.django_db(transaction=True)
def test_an_order_from_cart_to_released_funds(page: Page, browser: Browser, live_server, checkpoint, tmp_path):
    orders.market()
    supplier = factories.member(kind="supplier", the_user=factories.user(email="mill@example.co.uk"))
    supplier.company.name = "Borders Mill Ltd"
    supplier.company.name_zh = "边境毛纺有限公司"
    supplier.company.save(update_fields=["name", "name_zh"])
    factories.member(kind="buyer", the_user=factories.user(email="caigou@example.cn", full_name="王芳"))
    product = orders.scarf(supplier.company, handle="lambswool-scarf")
    product.title_zh = "羊毛围巾"
    product.save(update_fields=["title_zh"])
    shots = _shots(tmp_path)

    zh = browser.new_context(base_url=live_server.url, locale="zh-CN")
    zh.set_default_timeout(10_000)
    buying = zh.new_page()
    selling = page  # English, from the fixture
    try:
        with checkpoint("the buyer adds to the cart in Chinese"):
            _sign_in(buying, "caigou@example.cn")
            buying.goto(f"/products/{product.pk}/")
            expect(buying.locator("html")).to_have_attribute("lang", "zh-Hans")
            buying.fill("#add-to-cart input[name=quantity]", "7")
            buying.click("[data-action=add-to-cart]")
            expect(buying.locator('[data-result="error"]')).to_be_visible()
            buying.fill("#add-to-cart input[name=quantity]", "20")
            buying.click("[data-action=add-to-cart]")
            expect(buying.locator('[data-result="added"]')).to_contain_text("已加入购物车")
        with checkpoint("the buyer changes the quantity and places the order"):
            buying.goto("/cart/")
            buying.fill(".quantity-form input[name=quantity]", "23")
            buying.press(".quantity-form input[name=quantity]", "Enter")
            expect(buying.locator('[data-error="line"]')).to_be_visible()
            buying.screenshot(path=str(shots / "cart-buyer-zh.png"), full_page=True)
            buying.fill(".quantity-form input[name=quantity]", "30")
            buying.press(".quantity-form input[name=quantity]", "Enter")
            expect(buying.locator('[data-error="line"]')).to_have_count(0)
            buying.click("[data-action=checkout]")
            expect(buying.locator(".checkout-group")).to_have_count(1)
            expect(buying.locator("[data-due-cny]")).to_have_attribute("data-due-cny", "1146.60")  # 30 × £4.20 × 9.10
            buying.screenshot(path=str(shots / "checkout-buyer-zh.png"), full_page=True)
            buying.click("[data-action=place]")
            expect(buying.locator("[data-state]").first).to_have_attribute("data-state", "placed")
        order = Order.objects.get()

        with checkpoint("the supplier confirms in English"):
            _sign_in(selling, "mill@example.co.uk")
            selling.goto(f"/orders/{order.pk}/")
            expect(selling.locator("h1")).to_have_text(f"Order {order.reference}")
            selling.click("[data-move=confirm]")
            expect(selling.locator("[data-state]").first).to_have_attribute("data-state", "awaiting_payment")

        with checkpoint("the buyer pays on the simulated gateway"):
            buying.goto(f"/orders/{order.pk}/")
            expect(buying.locator("#pay-panel [data-due]")).to_have_attribute("data-due", "1146.60")
            buying.click("#pay-panel button[type=submit]")
            buying.wait_for_url("**/payments/simulator/**")
            buying.click("button[value=approve]")
            expect(buying.locator("#intent-status")).to_have_attribute("data-status", "pending")
            _drain_worker()  # the gateway's signed webhook goes out over HTTP to the live server
            expect(buying.locator("#intent-status")).to_have_attribute("data-status", "captured", timeout=20_000)
            assert Order.objects.get().state == "paid"

        with checkpoint("the supplier starts production and ships"):
            selling.goto(f"/orders/{order.pk}/")
            selling.click("[data-move=start-production]")
            expect(selling.locator("[data-state]").first).to_have_attribute("data-state", "in_production")
            selling.click("[data-move=ship]")  # empty: the browser holds it back (required fields)
            expect(selling.locator("[data-state]").first).to_have_attribute("data-state", "in_production")
            selling.fill("#id_ship-carrier", "DHL Express")
            selling.fill("#id_ship-tracking_number", "JD014600006281")
            selling.click("[data-move=ship]")
            expect(selling.locator("[data-state]").first).to_have_attribute("data-state", "shipped")
            expect(selling.locator('[data-document="invoice"]')).to_be_visible()
            pdf = selling.request.get(selling.locator('[data-document="packing-list"]').get_attribute("href"))
            assert pdf.ok and pdf.body().startswith(b"%PDF-")
            selling.screenshot(path=str(shots / "order-supplier-en.png"), full_page=True)

        with checkpoint("the buyer confirms receipt and the funds are released"):
            buying.goto(f"/orders/{order.pk}/")
            buying.screenshot(path=str(shots / "order-buyer-zh.png"), full_page=True)
            buying.click("[data-move=deliver]")
            expect(buying.locator("[data-state]").first).to_have_attribute("data-state", "delivered")
            buying.click("[data-move=confirm-receipt]")
            expect(buying.locator("[data-state]").first).to_have_attribute("data-state", "completed")
            expect(buying.locator("[data-next-step]")).to_contain_text("款项已支付给供应商")
            buying.screenshot(path=str(shots / "order-buyer-zh-completed.png"), full_page=True)

        with checkpoint("the supplier's statement shows the payable"):
            selling.goto(f"/orders/{order.pk}/")
            selling.click("text=See your statement")
            statement = selling.locator("[data-testid=statement]")
            expect(statement).to_contain_text(str(order.pk))
            expect(selling.locator("[data-testid=totals]")).to_contain_text("122.22")  # £126.00 less 3%
    finally:
        zh.close()
