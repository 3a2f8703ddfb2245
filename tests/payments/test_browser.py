"""In chromium: the buyer pays through the Pay panel and the simulated gateway, the worker
delivers the signed webhook over HTTP, and the page turns to paid; refusals show in the panel."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, expect

from tests import factories
from tests.browser.conftest import browser  # noqa: F401 (the module-scoped chromium fixture)
from tests.payments.factories import order_awaiting_payment
from tradebridge.orders.models import Order
from tradebridge.payments.models import PaymentIntent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(chromium: Browser, live_server, email: str, locale: str):
    context = chromium.new_context(base_url=live_server.url, locale=locale)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", factories.PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url("**/")
    return context, page


def test_buyer_pays_a_deposit_through_the_simulator_in_chinese(browser: Browser, live_server):  # noqa: F811
    buyer = factories.member(kind="buyer", the_user=factories.user(email="buyer@example.cn"))
    order = order_awaiting_payment(buyer, factories.member(kind="supplier"), deposit_percent=30)
    context, page = _signed_in(browser, live_server, "buyer@example.cn", "zh-CN")
    try:
        page.goto(f"/payments/orders/{order.pk}/pay/")  # the panel on its own, without htmx
        expect(page.locator("[data-due]")).to_contain_text("应付定金")
        expect(page.locator("[data-due]")).to_contain_text(str(order.deposit_cny))
        page.get_by_label("微信支付").check()
        page.get_by_role("button", name="立即付款").click()

        page.wait_for_url("**/payments/simulator/pi_*/")
        intent = PaymentIntent.objects.get(order_id=order.pk)
        assert page.url.endswith(f"/payments/simulator/{intent.public_id}/") and intent.method == "wechat_pay"
        expect(page.locator("h1")).to_have_text("模拟支付网关")
        expect(page.locator("[data-amount]")).to_contain_text(str(order.deposit_cny))
        page.get_by_role("button", name="确认付款").click()
        expect(page.get_by_role("status")).to_contain_text("付款已确认")
        expect(page.locator("#intent-status")).to_have_attribute("data-status", "pending")

        # The worker command itself, run here so it shares the live server's test database.
        call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

        expect(page.locator("#intent-status")).to_have_attribute("data-status", "captured")
        expect(page.locator("#intent-status")).to_contain_text("平台已将您的付款托管")
        assert Order.objects.get(pk=order.pk).state == "deposit_paid"
    finally:
        context.close()


def test_the_order_pages_pay_panel_shows_refusals_and_sends_the_buyer_to_the_gateway(browser: Browser, live_server):  # noqa: F811
    buyer = factories.member(kind="buyer", the_user=factories.user(email="panel@example.cn"))
    order = order_awaiting_payment(buyer, factories.member(kind="supplier"))
    context, page = _signed_in(browser, live_server, "panel@example.cn", "en-GB")
    try:
        page.goto(f"/orders/{order.pk}/")
        panel = page.locator("#pay-panel")
        expect(panel).to_contain_text(str(order.amount_due_cny))
        Order.objects.filter(pk=order.pk).update(state="cancelled")  # the order moved on meanwhile
        panel.get_by_role("button", name="Pay now").click()
        expect(panel.locator(".form-errors")).to_contain_text("This order has nothing to pay at the moment.")
        assert not PaymentIntent.objects.exists()

        Order.objects.filter(pk=order.pk).update(state="awaiting_payment")
        page.reload()
        page.locator("#pay-panel").get_by_label("Alipay").check()
        page.locator("#pay-panel").get_by_role("button", name="Pay now").click()
        page.wait_for_url("**/payments/simulator/pi_*/")
        intent = PaymentIntent.objects.get()
        assert page.url.endswith(f"/payments/simulator/{intent.public_id}/") and intent.method == "alipay"
    finally:
        context.close()
