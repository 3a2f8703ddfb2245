"""Worked examples of China import duty, consumption tax and VAT, checked by hand.

Each test writes the published formula out step by step (see import_tax.py for the sources).
Customs values are given directly in CNY so that every step is a hand calculation; the full
pipeline from GBP prices, freight and insurance is checked in test_landed_cost.py.
"""

from decimal import Decimal as D

import pytest

from tradebridge.pricing.import_tax import MeasureNeeded, Measures, import_taxes
from tradebridge.pricing.tariffs import TariffTable

TABLE = TariffTable.load()


def taxes(code, customs_value, quantity, **measures):
    return import_taxes(D(customs_value), D(quantity), Measures(**measures), TABLE.lookup(code))


def test_scotch_whisky_70cl_compound_consumption_tax():
    # 12 bottles of Scotch whisky, 70 cl, 40% vol, HS 2208.30.00.00; customs value (CIF) 2,400.
    # duty          = 2,400 × 10%                                   = 240
    # litres        = 12 × 0.7                                      = 8.4 L
    # specific part = 8.4 L × 0.912 CNY/L                           = 7.6608
    # CT base       = (2,400 + 240 + 7.6608) / (1 − 20%)            = 3,309.576
    # CT            = 3,309.576 × 20% + 7.6608                      = 669.5760
    # VAT           = (2,400 + 240 + 669.576) × 13%                 = 430.24488
    result = taxes("2208300000", "2400", 12, litres=D("0.7"))
    assert result.duty == D(240)
    assert result.consumption_tax == D("669.5760")
    assert result.vat == D("430.24488")
    assert result.total == D("1339.82088")


def test_whisky_without_litres_is_a_missing_measure_not_zero():
    with pytest.raises(MeasureNeeded) as info:
        taxes("2208300000", "2400", 12)
    assert info.value.field == "litres_per_unit"


def test_skincare_cream_below_the_high_end_threshold():
    # 100 jars of face cream, 50 ml, HS 3304.99.00.29; customs value 40,000 (400 per jar).
    # value per ml  = 400 / 50                                      = 8 CNY/ml < 10: no CT
    # duty          = 40,000 × 1%                                   = 400
    # VAT           = (40,000 + 400) × 13%                          = 5,252
    result = taxes("3304990029", "40000", 100, content_ml=D(50))
    assert (result.duty, result.consumption_tax, result.vat) == (D(400), D(0), D(5252))
    assert "below threshold" in result.consumption_tax_applied


def test_skincare_cream_above_the_high_end_threshold():
    # Same jar, customs value 60,000 (600 per jar).
    # value per ml  = 600 / 50                                      = 12 CNY/ml ≥ 10: CT 15%
    # duty          = 60,000 × 1%                                   = 600
    # CT            = (60,000 + 600) / (1 − 15%) × 15%              = 10,694.1176470588…
    # VAT           = (60,000 + 600 + 10,694.1176…) × 13%           = 9,268.2352941176…
    result = taxes("3304990029", "60000", 100, content_ml=D(50))
    assert result.duty == D(600)
    assert result.consumption_tax.quantize(D("0.0001")) == D("10694.1176")
    assert result.vat.quantize(D("0.0001")) == D("9268.2353")
    # Exactly 10 CNY/ml is "10 yuan or more": taxed.
    at_threshold = taxes("3304990029", "50000", 100, content_ml=D(50))
    assert at_threshold.consumption_tax > 0
    # Sheet masks are judged per piece: 14.99 per sheet is below 15.
    assert taxes("3304990029", "1499", 100, pieces=D(1)).consumption_tax == 0
    assert taxes("3304990029", "1500", 100, pieces=D(1)).consumption_tax > 0


def test_cosmetics_without_content_is_a_missing_measure():
    with pytest.raises(MeasureNeeded) as info:
        taxes("3304990029", "60000", 100)
    assert "content_ml_per_unit" in info.value.reason


def test_wool_scarves():
    # 200 knitted lambswool scarves, HS 6117.10.20.00; customs value 20,000 (100 each).
    # duty = 20,000 × 6% = 1,200; no consumption tax; VAT = (20,000 + 1,200) × 13% = 2,756
    result = taxes("6117102000", "20000", 200)
    assert (result.duty, result.consumption_tax, result.vat) == (D(1200), D(0), D(2756))


def test_infant_formula_uses_the_provisional_rate():
    # 240 tins of stage-1 formula, HS 1901.10.10.90; customs value 60,000 (250 per tin).
    # MFN is 15% but the 2025 provisional rate of 5% applies:
    # duty = 60,000 × 5% = 3,000; VAT = (60,000 + 3,000) × 13% = 8,190
    result = taxes("1901101090", "60000", 240)
    assert (result.duty, result.vat) == (D(3000), D(8190))


def test_shortbread():
    # 500 tins of shortbread, HS 1905.31.00.00; customs value 40,000 (80 per tin).
    # duty = 40,000 × 10% = 4,000; VAT = (40,000 + 4,000) × 13% = 5,720
    result = taxes("1905310000", "40000", 500)
    assert (result.duty, result.consumption_tax, result.vat) == (D(4000), D(0), D(5720))


def test_beer_class_by_dutiable_value_per_litre():
    # 1,000 cans of 0.5 L: 500 L. Duty is 0 CNY/L.
    # At 1,500 CNY customs value: 3.00 CNY/L ≥ 2.6576767 → 0.253 × 500 = 126.5
    # At 1,000 CNY: 2.00 CNY/L below → 0.2227 × 500 = 111.35
    assert taxes("2203000000", "1500", 1000, litres=D("0.5")).consumption_tax == D("126.5")
    low = taxes("2203000000", "1000", 1000, litres=D("0.5"))
    assert low.consumption_tax == D("111.35")
    assert low.duty == 0
    assert low.vat == (D(1000) + D("111.35")) * D("0.13")


def test_wine_ad_valorem_consumption_tax():
    # 60 bottles of 0.75 L red wine, HS 2204.21; customs value 6,000.
    # duty = 840; CT = (6,000 + 840) / 0.9 × 10% = 760; VAT = (6,000 + 840 + 760) × 13% = 988
    result = taxes("2204210000", "6000", 60)
    assert (result.duty, result.consumption_tax, result.vat) == (D(840), D(760), D(988))


def test_high_end_watch_threshold_is_per_watch_sold():
    # 2 wrist-watches, HS 9102.11; the 20% 高档手表 tax starts at 10,000 CNY per watch.
    # Customs value 24,000 → 12,000 per watch ≥ 10,000:
    # duty = 24,000 × 8%                          = 1,920
    # CT   = (24,000 + 1,920) / (1 − 20%) × 20%    = 6,480
    # VAT  = (24,000 + 1,920 + 6,480) × 13%        = 4,212
    dear = taxes("9102110000", "24000", 2)
    assert (dear.duty, dear.consumption_tax, dear.vat) == (D(1920), D(6480), D(4212))
    assert ">= 10000" in dear.consumption_tax_applied
    # 10 watches for the same 24,000 → 2,400 each: no consumption tax, and no measure needed.
    cheap = taxes("9102110000", "24000", 10)
    assert cheap.consumption_tax == 0
    assert cheap.vat == (D(24000) + D(1920)) * D("0.13")


def test_golf_clubs_pay_the_golf_consumption_tax():
    # HS 9506.31, customs value 5,000: duty 300; CT = 5,300 / 0.9 × 10% = 588.888…; VAT 13%.
    result = taxes("9506310000", "5000", 4)
    assert result.duty == D(300)
    assert result.consumption_tax == D(5300) / D("0.9") * D("0.1")
    assert result.vat == (D(5300) + result.consumption_tax) * D("0.13")
