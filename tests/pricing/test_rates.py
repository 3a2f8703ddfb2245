"""Exchange rates through the database: operator uploads, the admin, staleness, product pages."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from tests.catalog.factories import product as make_product
from tradebridge.core.errors import DomainError
from tradebridge.pricing.models import ExchangeRate
from tradebridge.pricing.selectors import display_rate
from tradebridge.pricing.services import import_rates

pytestmark = pytest.mark.django_db

GOOD = (
    "base,quote,rate,valid_from,source\nGBP,CNY,9.1032,2026-11-20,BOC midpoint\nUSD,CNY,7.118,2026-11-20T09:00Z,BOC\n"
)


def test_import_adds_then_replaces_by_pair_and_time():
    assert import_rates(GOOD) == {"created": 2, "updated": 0}
    assert import_rates(GOOD.replace("9.1032", "9.2")) == {"created": 0, "updated": 2}
    assert ExchangeRate.objects.get(base="GBP").rate == Decimal("9.2")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("base,quote,rate\nGBP,CNY,9\n", "missing: valid_from, source"),
        (GOOD + "XXX,CNY,1,2026-11-20,x\n", "row 4: unknown currency"),
        (GOOD + "GBP,CNY,-1,2026-11-21,x\n", "row 4: the rate must be a positive number"),
        (GOOD + "GBP,GBP,1,2026-11-21,x\n", "row 4: base and quote are both GBP"),
        (GOOD + "GBP,CNY,9,yesterday,x\n", "row 4: valid_from"),
        (GOOD + "GBP,CNY,9,2026-11-21,\n", "row 4: say where the rate comes from"),
    ],
)
def test_a_bad_row_refuses_the_whole_file(text, fragment):
    with pytest.raises(DomainError) as caught:
        import_rates(text)
    assert fragment in " ".join(e.message for e in caught.value.errors)
    assert not ExchangeRate.objects.exists()


def test_staleness_and_unknown_pairs():
    now = timezone.now()
    ExchangeRate.objects.create(base="GBP", quote="CNY", rate="9.1", valid_from=now - timedelta(days=10), source="old")
    assert display_rate("GBP", "CNY").stale
    ExchangeRate.objects.create(base="GBP", quote="CNY", rate="9.2", valid_from=now - timedelta(hours=1), source="new")
    fresh = display_rate("GBP", "CNY")
    assert not fresh.stale and fresh.rate.rate == Decimal("9.2")
    assert display_rate("GBP", "CNY", when=now - timedelta(days=5)).rate.rate == Decimal("9.1")  # the rate then
    assert not display_rate("JPY", "CNY").known


def test_operators_upload_rates_and_others_are_refused(operator_member, supplier, client_for):
    upload = SimpleUploadedFile("rates.csv", GOOD.encode(), content_type="text/csv")
    assert client_for(supplier).post("/operator/rates/", {"file": upload}).status_code == 403
    assert not ExchangeRate.objects.exists()
    upload = SimpleUploadedFile("rates.csv", GOOD.encode(), content_type="text/csv")
    assert client_for(operator_member).post("/operator/rates/", {"file": upload}).status_code == 302
    assert ExchangeRate.objects.count() == 2
    bad = SimpleUploadedFile("rates.csv", b"base,quote\nGBP,CNY\n", content_type="text/csv")
    response = client_for(operator_member).post("/operator/rates/", {"file": bad})
    assert response.status_code == 400 and "missing" in response.content.decode()


def test_import_rates_command(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(GOOD)
    out = io.StringIO()
    call_command("import-rates", str(path), stdout=out)
    assert "2 added" in out.getvalue()
    path.write_text("nonsense")
    with pytest.raises(CommandError):
        call_command("import-rates", str(path))


def test_product_pages_show_cny_with_the_rate_used(supplier):
    item = make_product(supplier.company, status="published", tiers=((1, "0.0035"),))
    page = Client().get(f"/products/{item.pk}/").content.decode()
    assert 'data-fx="unknown"' in page
    ExchangeRate.objects.create(base="GBP", quote="CNY", rate="9.1032", valid_from=timezone.now(), source="BOC")
    page = Client().get(f"/products/{item.pk}/").content.decode()
    assert 'data-cny="0.0319"' in page and 'data-fx="known"' in page and "9.1032" in page


def test_import_tariffs_replaces_the_table_only_when_valid(tmp_path, settings):
    from tradebridge.pricing.landed import tariff_file, tariff_table

    settings.DATA_DIR = tmp_path
    shipped = tariff_file().read_text(encoding="utf-8")
    assert tariff_file().parent.name == "data"
    bad = tmp_path / "bad.csv"
    bad.write_text(shipped.replace("hs_prefix", "hs_prefx", 1))
    with pytest.raises(CommandError):
        call_command("import-tariffs", str(bad))
    assert not (tmp_path / "china_tariffs.csv").exists()
    good = tmp_path / "good.csv"
    good.write_text(shipped)
    out = io.StringIO()
    call_command("import-tariffs", str(good), stdout=out)
    assert "Tariff table replaced" in out.getvalue()
    assert tariff_file() == tmp_path / "china_tariffs.csv"
    assert tariff_table().lookup("2208300000").hs_prefix.startswith("2208")
