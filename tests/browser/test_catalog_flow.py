"""The catalog journey in a real browser: a supplier uploads a Shopify export, reads the dry-run
report, imports for real and publishes; a buyer then reads the product in Chinese."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from tests import factories
from tradebridge.catalog.models import Product

pytestmark = pytest.mark.browser

SHOPIFY = """Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Grams,\
Variant Inventory Qty,Variant Price,Image Src,Status
lambswool-scarf,Lambswool Scarf,"<p>Woven in the Scottish Borders.</p>
<ul><li>Gift box</li></ul>",Borders Mill,Scarves,"wool, gift",FALSE,Colour,Navy,SCARF-NAVY,180,40,24.50,,draft
lambswool-scarf,,,,,,,Colour,Burgundy,SCARF-BURG,180,35,24.50,,
"""


def _drain_worker():
    # The worker command itself, run here so it shares the live server's test database.
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def _sign_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", factories.PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url("**/")


@pytest.mark.django_db(transaction=True)
def test_supplier_imports_publishes_and_buyer_reads_it_in_chinese(
    page: Page, browser: Browser, live_server, checkpoint, tmp_path
):
    supplier = factories.member(kind="supplier", the_user=factories.user(email="mill@example.co.uk"))
    export = tmp_path / "products_export.csv"
    export.write_text(SHOPIFY, encoding="utf-8")

    with checkpoint("upload a dry run"):
        _sign_in(page, "mill@example.co.uk")
        page.goto("/supplier/imports/")
        page.set_input_files("#id_file", str(export))
        expect(page.locator("#id_dry_run")).to_be_checked()
        page.click("form.stack button[type=submit]")
        expect(page.locator("#import-status")).to_have_attribute("data-status", "queued")
    with checkpoint("read the dry-run report as it arrives"):
        _drain_worker()
        expect(page.locator(".report h2")).to_contain_text("Dry run", timeout=10_000)
        expect(page.locator('[data-count="products-created"]')).to_have_text("1")
        assert not Product.objects.exists()
    with checkpoint("import for real"):
        page.click("text=Import for real")
        _drain_worker()
        expect(page.locator(".report h2")).to_contain_text("Import finished", timeout=10_000)
        expect(page.locator('[data-count="products-created"]')).to_have_text("1")
    with checkpoint("publish"):
        page.click("text=Review your products")
        page.click("text=Lambswool Scarf")
        expect(page.locator(".publish-box .badge")).to_have_text("Draft")
        page.click(".publish-box button[type=submit]")
        expect(page.locator(".publish-box .badge")).to_have_text("Published")
    product = Product.objects.get(supplier=supplier.company)
    assert product.status == "published" and product.title_zh_machine
    assert "围巾" in product.title_zh

    buyer_context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    buyer = buyer_context.new_page()
    try:
        with checkpoint("a buyer reads it in Chinese"):
            buyer.goto(f"/products/{product.pk}/")
            expect(buyer.locator("html")).to_have_attribute("lang", "zh-Hans")
            expect(buyer.locator("h1")).to_have_text(product.title_zh)
            expect(buyer.locator("[data-machine-translated]").first).to_be_visible()
            expect(buyer.locator("body")).to_contain_text("24.50")
    finally:
        buyer_context.close()
