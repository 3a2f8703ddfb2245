"""Incoterms 2020 as data: for each rule, which party pays each leg of a UK→China shipment.

Only the cost split is modelled (ICC Incoterms 2020, articles A9/B9 "Allocation of costs", read
with A4 carriage, A5 insurance and A7/B7 export/import clearance). Where risk and cost part at
different points (C rules) it is the cost that matters for a landed-cost quote.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType


class Party(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"


class Leg(StrEnum):
    EXPORT_CLEARANCE = "export_clearance"  # UK export formalities, licences, export declaration
    ORIGIN_HANDLING = "origin_handling"  # pre-carriage to port/terminal, origin THC, loading
    MAIN_FREIGHT = "main_freight"  # the international carriage UK → China
    INSURANCE = "insurance"  # cargo insurance for the main carriage
    DESTINATION_CHARGES = "destination_charges"  # destination THC, delivery to the named place
    IMPORT_DUTY_TAXES = "import_duty_taxes"  # China import clearance, duty, consumption tax, VAT


class Incoterm(StrEnum):
    EXW = "EXW"
    FCA = "FCA"
    FOB = "FOB"
    CFR = "CFR"
    CIF = "CIF"
    DAP = "DAP"
    DDP = "DDP"


B, S = Party.BUYER, Party.SELLER
L = Leg

_PAYERS: dict[Incoterm, dict[Leg, Party]] = {
    # EXW: the seller only places the goods at the buyer's disposal at its premises, not loaded
    # and not cleared for export (A2, A7: export clearance is the buyer's, B7). Everything else,
    # from loading onwards, is at the buyer's cost (B9).
    Incoterm.EXW: {
        L.EXPORT_CLEARANCE: B,
        L.ORIGIN_HANDLING: B,
        L.MAIN_FREIGHT: B,
        L.INSURANCE: B,
        L.DESTINATION_CHARGES: B,
        L.IMPORT_DUTY_TAXES: B,
    },
    # FCA: the seller clears for export (A7) and delivers to the buyer's carrier at the named
    # place, loading it if that place is the seller's premises (A2); the cost of getting the
    # goods there is the seller's (A9). The buyer contracts the main carriage (B4); neither
    # party must insure (A5/B5), so the buyer pays for any cover it wants.
    Incoterm.FCA: {
        L.EXPORT_CLEARANCE: S,
        L.ORIGIN_HANDLING: S,
        L.MAIN_FREIGHT: B,
        L.INSURANCE: B,
        L.DESTINATION_CHARGES: B,
        L.IMPORT_DUTY_TAXES: B,
    },
    # FOB: the seller clears for export and bears the costs until the goods are on board the
    # vessel nominated by the buyer at the port of shipment (A2, A9); ocean freight and all
    # later costs are the buyer's (B4, B9). No insurance obligation on either side (A5/B5).
    Incoterm.FOB: {
        L.EXPORT_CLEARANCE: S,
        L.ORIGIN_HANDLING: S,
        L.MAIN_FREIGHT: B,
        L.INSURANCE: B,
        L.DESTINATION_CHARGES: B,
        L.IMPORT_DUTY_TAXES: B,
    },
    # CFR: as FOB, plus the seller contracts and pays the carriage to the named port of
    # destination (A4). Risk passes on board, and the seller has no duty to insure (A5), so
    # insurance is the buyer's. Destination charges are the buyer's (B9) unless the contract of
    # carriage put them on the seller; we assume it did not.
    Incoterm.CFR: {
        L.EXPORT_CLEARANCE: S,
        L.ORIGIN_HANDLING: S,
        L.MAIN_FREIGHT: S,
        L.INSURANCE: B,
        L.DESTINATION_CHARGES: B,
        L.IMPORT_DUTY_TAXES: B,
    },
    # CIF: as CFR, plus the seller must obtain cargo insurance, minimum cover Institute Cargo
    # Clauses (C) for 110% of the contract price (A5), and pays for it (A9).
    Incoterm.CIF: {
        L.EXPORT_CLEARANCE: S,
        L.ORIGIN_HANDLING: S,
        L.MAIN_FREIGHT: S,
        L.INSURANCE: S,
        L.DESTINATION_CHARGES: B,
        L.IMPORT_DUTY_TAXES: B,
    },
    # DAP: the seller delivers at the named place in China, ready for unloading, and bears all
    # costs and risks of getting it there (A4, A9), so carriage-related destination charges up
    # to that place are the seller's; insurance is not owed to the buyer (A5) but the seller
    # carries the risk, so its cost falls on the seller. Import clearance, duty and taxes are
    # the buyer's (B7, B9); unloading at the named place is the buyer's too (not modelled).
    Incoterm.DAP: {
        L.EXPORT_CLEARANCE: S,
        L.ORIGIN_HANDLING: S,
        L.MAIN_FREIGHT: S,
        L.INSURANCE: S,
        L.DESTINATION_CHARGES: S,
        L.IMPORT_DUTY_TAXES: B,
    },
    # DDP: as DAP, plus the seller clears the goods for import and pays import duty, consumption
    # tax and import VAT (A7, A9). The seller's maximum obligation.
    Incoterm.DDP: {
        L.EXPORT_CLEARANCE: S,
        L.ORIGIN_HANDLING: S,
        L.MAIN_FREIGHT: S,
        L.INSURANCE: S,
        L.DESTINATION_CHARGES: S,
        L.IMPORT_DUTY_TAXES: S,
    },
}

PAYERS = MappingProxyType({term: MappingProxyType(legs) for term, legs in _PAYERS.items()})


def payer(incoterm: Incoterm, leg: Leg) -> Party:
    """Who pays `leg` under `incoterm`."""
    return PAYERS[Incoterm(incoterm)][Leg(leg)]


def buyer_pays(incoterm: Incoterm) -> frozenset[Leg]:
    """The legs the buyer pays under `incoterm`."""
    return frozenset(leg for leg, who in PAYERS[Incoterm(incoterm)].items() if who is Party.BUYER)
