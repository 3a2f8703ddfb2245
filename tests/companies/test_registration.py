"""Which identity numbers each kind of company must give, and how faults are reported."""

import pytest

from tradebridge.companies.domain import Kind
from tradebridge.companies.registration import clean_identifiers
from tradebridge.core.errors import DomainError


def test_uk_supplier_needs_companies_house_number():
    with pytest.raises(DomainError) as caught:
        clean_identifiers(Kind.SUPPLIER, "GB", {})
    assert [(e.field, e.code) for e in caught.value.errors] == [("companies_house_number", "required")]


def test_chinese_buyer_needs_uscc():
    with pytest.raises(DomainError) as caught:
        clean_identifiers(Kind.BUYER, "CN", {"companies_house_number": ""})
    assert [(e.field, e.code) for e in caught.value.errors] == [("uscc", "required")]


def test_overseas_supplier_needs_nothing_but_given_numbers_are_checked():
    assert clean_identifiers(Kind.SUPPLIER, "FR", {}) == {
        "companies_house_number": "",
        "vat_number": "",
        "uscc": "",
    }
    with pytest.raises(DomainError) as caught:
        clean_identifiers(Kind.SUPPLIER, "FR", {"vat_number": "GB123456789"})
    assert caught.value.errors[0].field == "vat_number"


def test_every_fault_is_reported_at_once_with_its_field():
    with pytest.raises(DomainError) as caught:
        clean_identifiers(Kind.SUPPLIER, "GB", {"companies_house_number": "ZZ123456", "vat_number": "GB12"})
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("companies_house_number", "ch_number_prefix"),
        ("vat_number", "vat_format"),
    }


def test_numbers_are_normalised():
    cleaned = clean_identifiers(
        Kind.SUPPLIER, "GB", {"companies_house_number": " sc 123456 ", "vat_number": "980 7806 84"}
    )
    assert cleaned["companies_house_number"] == "SC123456"
    assert cleaned["vat_number"] == "GB980780684"
