"""In chromium, in Chinese: the buyer picks WeChat Pay on the Pay panel, approves on the simulated
gateway's page, the worker delivers the signed webhook over HTTP, and the page turns to paid."""

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


def test_buyer_pays_a_deposit_through_the_simulator_in_chinese(browser: Browser, live_server):  # noqa: F811
    buyer = factories.member(kind="buyer", the_user=factories.user(email="buyer@example.cn"))
    supplier = factories.member(kind="supplier")
    order = order_awaiting_payment(buyer, supplier, deposit_percent=30)
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.fill("#id_email", "buyer@example.cn")
        page.fill("#id_password", factories.PASSWORD)
        page.click("form.stack button[type=submit]")
        page.wait_for_url("**/")

        page.goto(f"/payments/orders/{order.pk}/pay/")
        expect(page.locator("[data-due]")).to_contain_text("应付定金")
        expect(page.locator("[data-due]")).to_contain_text(str(order.deposit_cny))
        page.get_by_label("微信支付").check()
        page.get_by_role("button", name="立即付款").click()

        intent = PaymentIntent.objects.get(order_id=order.pk)
        page.wait_for_url(f"**/payments/simulator/{intent.public_id}/")
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
