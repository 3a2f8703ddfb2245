"""Translating a whole catalog in the background, never over a person's words."""

import pytest
from django.core.management import call_command

from tests import factories
from tests.catalog.factories import product as make_product
from tradebridge.catalog.models import Product
from tradebridge.core.models import Job

pytestmark = pytest.mark.django_db(transaction=True)


def _drain():
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_catalog_translation_fills_blanks_and_keeps_human_text(supplier, client_for):
    blank = make_product(supplier.company, handle="scarf", title_en="Lambswool Scarf Navy", skus=("A",))
    human = make_product(
        supplier.company,
        handle="mug",
        title_en="Enamel Mug",
        skus=("B",),
        title_zh="人工翻译的搪瓷杯",
        title_zh_machine=False,
    )
    other = factories.member(kind="supplier")
    theirs = make_product(other.company, handle="theirs", title_en="Tweed Cap", skus=("C",))
    response = client_for(supplier).post("/supplier/translate/")
    job = Job.objects.get(kind="catalog.translate")
    assert response["Location"] == f"/supplier/imports/{job.pk}/"
    _drain()
    job.refresh_from_db()
    assert job.status == "succeeded"
    assert (job.result, job.progress_done, job.progress_total) == ({"products": 2, "translated": 1}, 2, 2)
    blank.refresh_from_db()
    assert "围巾" in blank.title_zh and blank.title_zh_machine
    assert Product.objects.get(pk=human.pk).title_zh == "人工翻译的搪瓷杯"
    assert Product.objects.get(pk=theirs.pk).title_zh == ""
    page = client_for(supplier).get(f"/supplier/imports/{job.pk}/").content.decode()
    assert "1 of 2 products" in page


def test_buyers_cannot_start_a_translation(buyer, client_for):
    assert client_for(buyer).post("/supplier/translate/").status_code == 403
    assert not Job.objects.exists()
