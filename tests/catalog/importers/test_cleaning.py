"""Cells as spreadsheets write them: prices, numbers, weights, lengths, barcodes, yes/no."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tradebridge.catalog.importers.cleaning import (
    CellError,
    clean_gtin,
    parse_bool,
    parse_decimal,
    parse_int,
    parse_length_cm,
    parse_price,
    parse_weight_g,
    strip_text_marker,
)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("£4.20", "4.20", "GBP"),
        ("4,20 €", "4.20", "EUR"),
        ("SEK 1 299,00", "1299.00", "SEK"),
        ("1,299.00 GBP", "1299.00", "GBP"),
        ("12.5 USD", "12.5", "USD"),
        ("1.299,50 €", "1299.50", "EUR"),
        ("€1.234.567,89", "1234567.89", "EUR"),
        ("0,0035", "0.0035", None),  # a wholesale unit price below a penny
        ("£0.0035", "0.0035", "GBP"),
        ("1,299", "1299", None),  # three digits after a lone comma: thousands
        ("25", "25", None),
        ("'4.20", "4.20", None),
        ("US$ 3.5", "3.5", "USD"),
        ("299 kr", "299", None),  # kr is SEK, NOK or DKK: no currency claimed
        ("1\u00a0299,00\u00a0SEK", "1299.00", "SEK"),  # no-break spaces from a Swedish locale
    ],
)
def test_prices_in_both_conventions(text, amount, currency):
    assert parse_price(text) == (Decimal(amount), currency)


def test_blank_price_is_none():
    assert parse_price("  ") is None


@pytest.mark.parametrize(("text", "code"), [("-4", "negative"), ("£-3.00", "negative"), ("abc", "price_invalid")])
def test_bad_prices(text, code):
    with pytest.raises(CellError) as caught:
        parse_price(text)
    assert caught.value.code == code


@pytest.mark.parametrize(("text", "number"), [("12", 12), ("12.0", 12), ("1,200", 1200), ("'0012", 12), ("", None)])
def test_whole_numbers(text, number):
    assert parse_int(text) == number


@pytest.mark.parametrize(("text", "code"), [("-1", "negative"), ("2.5", "not_whole"), ("lots", "not_a_number")])
def test_bad_whole_numbers(text, code):
    with pytest.raises(CellError) as caught:
        parse_int(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("parse", "text", "code"),
    [
        (parse_int, "9223372036854775808", "too_large"),
        (parse_int, "2147483648", "too_large"),  # PostgreSQL's integer ends here
        (parse_price, "£1,000,000,000", "too_large"),
        (parse_price, "1" + "0" * 30, "too_large"),
        (parse_decimal, "1e30", "not_a_number"),
        (parse_decimal, "NaN", "not_a_number"),
        (parse_weight_g, "1000000 kg", "too_large"),  # a billion grams after the conversion
        (parse_length_cm, "1" + "0" * 30, "too_large"),
    ],
)
def test_numbers_no_catalog_column_holds_are_refused(parse, text, code):
    with pytest.raises(CellError) as caught:
        parse(text)
    assert caught.value.code == code
    assert parse_int("999999999") == 999_999_999  # the largest still taken


def test_decimal_may_allow_negative():
    assert parse_decimal("-1,5", allow_negative=True) == Decimal("-1.5")


@pytest.mark.parametrize(
    ("text", "unit", "grams"),
    [
        ("2.5 kg", None, "2500"),
        ("12 oz", None, "340.194"),
        ("500g", None, "500"),
        ("1.2 lbs", None, "544.311"),
        ("1 lb", None, "453.592"),
        ("0,75", "kg", "750"),
        ("8", "oz", "226.796"),
        ("145", "g", "145"),
    ],
)
def test_weights_become_grams(text, unit, grams):
    assert parse_weight_g(text, unit) == Decimal(grams)


def test_weight_without_unit_is_refused():
    with pytest.raises(CellError) as caught:
        parse_weight_g("2.5")
    assert caught.value.code == "weight_unit"


@pytest.mark.parametrize(
    ("text", "unit", "cm"), [("20 cm", None, "20"), ("8 in", None, "20.32"), ("150mm", None, "15"), ("2", "in", "5.08")]
)
def test_lengths_become_centimetres(text, unit, cm):
    assert parse_length_cm(text, unit) == Decimal(cm)


def test_grams_never_come_in_exponent_form():
    assert str(parse_weight_g("12 kg")) == "12000"


@pytest.mark.parametrize(
    ("text", "gtin"),
    [
        ("5012345678900", "5012345678900"),  # EAN-13
        ("'5012345678900", "5012345678900"),  # kept as text with an apostrophe
        ("5012345678900.0", "5012345678900"),  # a number cell written as a float
        ("501 2345 678900", "5012345678900"),
        ("777979207524", "777979207524"),  # UPC-12
        ("96385074", "96385074"),  # GTIN-8
        ("15012345678907", "15012345678907"),  # GTIN-14
        ("12345670", "12345670"),
        ("", ""),
    ],
)
def test_good_barcodes(text, gtin):
    assert clean_gtin(text) == (gtin, None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3.65275E+11", "gtin_mangled"),  # Excel's scientific notation: digits lost
        ("5.01235E+12", "gtin_mangled"),
        ("5012345678901", "gtin_check_digit"),
        ("50123", "gtin_invalid"),
        ("ABC-123", "gtin_invalid"),
    ],
)
def test_bad_barcodes_are_reasons_not_exceptions(text, code):
    gtin, problem = clean_gtin(text)
    assert gtin == "" and problem.code == code


def test_leading_zero_lost_by_a_number_cell_is_restored():
    # 0012345678905 saved as a number becomes 12345678905 (11 digits).
    assert clean_gtin("12345678905") == ("012345678905", None)


def test_apostrophe_marker():
    assert strip_text_marker("'0123") == "0123"
    assert strip_text_marker("'") == "'"


@pytest.mark.parametrize(
    ("text", "value"), [("TRUE", True), ("yes", True), ("1", True), ("FALSE", False), ("-1", False), ("", None)]
)
def test_yes_no(text, value):
    assert parse_bool(text) is value


def test_yes_no_refuses_other_words():
    with pytest.raises(CellError):
        parse_bool("maybe")
