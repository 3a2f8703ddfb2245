"""Commission: the most specific rule for the channel and category wins, else the setting."""

from decimal import Decimal

import pytest
from django.core import checks
from django.test import override_settings

from tradebridge.ledger.checks import commission_rate_default
from tradebridge.ledger.models import CommissionRule
from tradebridge.ledger.selectors import commission_rate

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules():
    CommissionRule.objects.create(channel="wholesale", category_prefix="", rate=Decimal("0.025"))
    CommissionRule.objects.create(channel="wholesale", category_prefix="food-drink", rate=Decimal("0.04"))
    CommissionRule.objects.create(channel="wholesale", category_prefix="food-drink/biscuits", rate=Decimal("0.05"))
    CommissionRule.objects.create(channel="retail", category_prefix="beauty", rate=Decimal("0.08"))


@pytest.mark.parametrize(
    ("channel", "path", "expected"),
    [
        ("wholesale", "food-drink/biscuits/shortbread", "0.05"),
        ("wholesale", "food-drink/biscuits", "0.05"),
        ("wholesale", "food-drink/tea", "0.04"),
        ("wholesale", "food-drink-extra", "0.025"),  # a prefix matches whole path segments only
        ("wholesale", None, "0.025"),
        ("retail", "beauty/skincare", "0.08"),
        ("retail", "fashion", "0.03"),  # no rule: COMMISSION_RATE_DEFAULT
    ],
)
def test_the_most_specific_rule_wins(rules, channel, path, expected):
    assert commission_rate(channel=channel, category_path=path) == Decimal(expected)


@override_settings(COMMISSION_RATE_DEFAULT="0.045")
def test_the_default_comes_from_settings():
    assert commission_rate(channel="retail", category_path="toys") == Decimal("0.045")


@pytest.mark.parametrize("value", ["abc", "1", "-0.01", "NaN"])
def test_a_bad_default_fails_the_system_check(value):
    with override_settings(COMMISSION_RATE_DEFAULT=value):
        errors = commission_rate_default(None)
    assert [e.id for e in errors] == ["ledger.E001"]
    assert isinstance(errors[0], checks.Error)


def test_a_sensible_default_passes_the_system_check():
    assert commission_rate_default(None) == []
