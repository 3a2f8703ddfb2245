"""Incoterms 2020 cost split."""

from itertools import pairwise

import pytest

from tradebridge.pricing.incoterms import PAYERS, Incoterm, Leg, Party, buyer_pays, payer

B, S = Party.BUYER, Party.SELLER


def test_every_rule_assigns_every_leg():
    for term in Incoterm:
        assert set(PAYERS[term]) == set(Leg)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("EXW", [B, B, B, B, B, B]),
        ("FCA", [S, S, B, B, B, B]),
        ("FOB", [S, S, B, B, B, B]),
        ("CFR", [S, S, S, B, B, B]),
        ("CIF", [S, S, S, S, B, B]),
        ("DAP", [S, S, S, S, S, B]),
        ("DDP", [S, S, S, S, S, S]),
    ],
)
def test_cost_split(term, expected):
    legs = [
        Leg.EXPORT_CLEARANCE,
        Leg.ORIGIN_HANDLING,
        Leg.MAIN_FREIGHT,
        Leg.INSURANCE,
        Leg.DESTINATION_CHARGES,
        Leg.IMPORT_DUTY_TAXES,
    ]
    assert [payer(Incoterm(term), leg) for leg in legs] == expected


def test_seller_obligations_only_grow_from_exw_to_ddp():
    order = list(Incoterm)
    for earlier, later in pairwise(order):
        assert buyer_pays(later) <= buyer_pays(earlier)
    assert buyer_pays(Incoterm.DDP) == frozenset()
    assert buyer_pays(Incoterm.EXW) == frozenset(Leg)
