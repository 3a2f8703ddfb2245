"""Cross-border e-commerce retail tax: the 70% rule, the limits, worked examples by hand."""

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from tradebridge.pricing.cbec import CbecLine, Regime, cbec_tax, effective_rate
from tradebridge.pricing.import_tax import Measures
from tradebridge.pricing.money import Money, sum_money
from tradebridge.pricing.tariffs import TariffTable

TABLE = TariffTable.load()
NOTHING_SPENT = Money(0, "CNY")


def cny(amount):
    return Money(D(amount), "CNY")


def test_cream_below_threshold_pays_vat_at_70_percent():
    # 1 jar, 50 ml, dutiable 300 CNY (6 CNY/ml: no consumption tax).
    # duty 0; VAT = 300 × 13% × 70% = 27.30
    result = cbec_tax(
        [CbecLine("Cream", "3304990029", 1, cny(300), Measures(content_ml=D(50)))],
        NOTHING_SPENT,
        TABLE,
    )
    assert result.regime is Regime.CBEC and not result.violations
    assert result.tax == cny("27.30")
    assert result.per_line[0].duty == cny(0)


def test_high_end_cream_effective_rate():
    # 1 jar, 50 ml, dutiable 800 CNY (16 CNY/ml ≥ 10: consumption tax 15%).
    # effective rate = (15% + 13%) / (1 − 15%) × 70% = 0.28 / 0.85 × 0.7 = 23.0588…%
    # tax = 800 × 0.230588… = 184.4706 → 184.47
    # (check: CT 800/0.85×0.15 = 141.1765; VAT (800+141.1765)×0.13 = 122.3529; ×0.7 = 184.47)
    result = cbec_tax(
        [CbecLine("Serum", "3304990029", 1, cny(800), Measures(content_ml=D(50)))],
        NOTHING_SPENT,
        TABLE,
    )
    assert result.tax == cny("184.47")
    assert (D(800) * effective_rate(D("0.15"), D("0.13"))).quantize(D("0.01")) == D("184.47")


def test_whisky_compound_tax_at_70_percent():
    # 1 bottle 0.7 L, dutiable 500. duty 0; S = 0.7 × 0.912 = 0.6384
    # CT = (500 + 0.6384) / 0.8 × 0.2 + 0.6384 = 125.798; VAT = (500 + 125.798) × 13% = 81.35374
    # tax = (125.798 + 81.35374) × 70% = 145.006218 → 145.01
    result = cbec_tax(
        [CbecLine("Whisky", "2208300000", 1, cny(500), Measures(litres=D("0.7")))],
        NOTHING_SPENT,
        TABLE,
    )
    assert result.tax == cny("145.01")


def test_single_item_over_5000_pays_general_trade_taxes():
    # One leather handbag, dutiable 6,000: allowed through CBEC but at full rates.
    # duty = 6,000 × 6% = 360; VAT = 6,360 × 13% = 826.80; tax = 1,186.80
    result = cbec_tax([CbecLine("Handbag", "4202210090", 1, cny(6000))], NOTHING_SPENT, TABLE)
    assert result.regime is Regime.CBEC_FULL_RATE and not result.violations
    assert result.tax == cny("1186.80")
    assert result.per_line[0].duty == cny(360)


def test_multi_item_order_over_5000_is_not_eligible():
    lines = [CbecLine("Scarf", "6117102000", 30, cny(200))]  # 6,000 in 30 items
    result = cbec_tax(lines, NOTHING_SPENT, TABLE)
    assert result.regime is Regime.NOT_ELIGIBLE
    assert [v.code for v in result.violations] == ["order_limit_exceeded"]
    # The general-trade amount is still given: duty 360 + VAT 826.80
    assert result.tax == cny("1186.80")


def test_annual_limit():
    lines = [CbecLine("Scarf", "6117102000", 10, cny(200))]  # 2,000
    assert cbec_tax(lines, cny(24000), TABLE).regime is Regime.CBEC  # exactly 26,000: allowed
    result = cbec_tax(lines, cny("24000.01"), TABLE)
    assert result.regime is Regime.NOT_ELIGIBLE
    assert [v.code for v in result.violations] == ["annual_limit_exceeded"]


def test_unknown_tariff_gives_no_tax():
    result = cbec_tax([CbecLine("Car", "8703312310", 1, cny(100))], NOTHING_SPENT, TABLE)
    assert result.tax is None
    assert result.unknowns[0].field == "lines[0].hs_code"
    assert result.unknowns[0].code == "tariff_unknown"
    undeclared = cbec_tax([CbecLine("Mug", "", 1, cny(100))], NOTHING_SPENT, TABLE)
    assert undeclared.tax is None and undeclared.unknowns[0].code == "hs_code_missing"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1905310000", "6117102000", "4202210090", "0902303900"]),
            st.integers(min_value=1, max_value=20),
            st.decimals(min_value=D("0.01"), max_value=3000, places=2),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_per_line_tax_sums_exactly(items):
    lines = [CbecLine("x", code, qty, cny(price)) for code, qty, price in items]
    result = cbec_tax(lines, NOTHING_SPENT, TABLE)
    assert sum_money((line.tax for line in result.per_line), "CNY") == result.tax
    for line in result.per_line:
        assert line.duty + line.consumption_tax + line.vat == line.tax
        if result.regime is Regime.CBEC:
            assert line.duty == cny(0)
