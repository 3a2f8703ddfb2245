"""The packing list: what is in each shipment line, in how many cartons, how heavy and how
big, in English with Chinese alongside, as PDF bytes. Unknown measures print as a dash."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from tradebridge.documents.pdf import (
    GRID,
    HEAD,
    NUMBER,
    SMALL,
    TITLE,
    amount,
    bilingual,
    facts_table,
    p,
    party_block,
    render,
    two_parties,
)
from tradebridge.documents.snapshot import ShippingDocument, packed, packing_totals

COLUMNS = [
    ("#", "", 8),
    ("Description", "品名", 54),
    ("Quantity", "数量", 18),
    ("Units/carton", "每箱数量", 20),
    ("Cartons", "箱数", 16),
    ("Carton size (cm)", "箱规（厘米）", 30),
    ("Gross kg", "毛重（千克）", 18),
    ("m³", "体积（立方米）", 16),
]


def _figure(value, places: int = 0) -> str:
    return "—" if value is None else amount(Decimal(value), places)


def _size(carton) -> str:
    if carton is None or None in (carton.length_cm, carton.width_cm, carton.height_cm):
        return "—"
    return "×".join(amount(side, 0) for side in (carton.length_cm, carton.width_cm, carton.height_cm))


def packing_list_pdf(doc: ShippingDocument) -> bytes:
    packed_rows = [packed(line) for line in doc.lines]
    rows = [[bilingual(en, zh, HEAD) for en, zh, _ in COLUMNS]]
    for number, row in enumerate(packed_rows, start=1):
        line = row.line
        rows.append(
            [
                p(str(number)),
                bilingual(f"{line.description_en} ({line.sku})", line.description_zh),
                p(str(line.quantity), NUMBER),
                p(str(line.carton.units) if line.carton else "—", NUMBER),
                p(_figure(row.cartons), NUMBER),
                p(_size(line.carton), NUMBER),
                p(_figure(row.gross_weight_kg, 1), NUMBER),
                p(_figure(row.volume_m3, 3), NUMBER),
            ]
        )
    cartons, weight, volume = packing_totals(packed_rows)
    quantity = sum(line.quantity for line in doc.lines)
    total_cells = [p(str(quantity), NUMBER), "", p(_figure(cartons), NUMBER), ""]
    rows.append(
        [
            bilingual("Total", "合计", SMALL),
            "",
            *total_cells,
            p(_figure(weight, 1), NUMBER),
            p(_figure(volume, 3), NUMBER),
        ]
    )
    table = Table(rows, colWidths=[w * mm for _, _, w in COLUMNS], repeatRows=1)
    table.setStyle(GRID)
    table.setStyle([("SPAN", (0, len(rows) - 1), (1, len(rows) - 1))])
    facts = [
        ("Packing list number", "装箱单号", doc.number),
        ("Date", "日期", doc.issued_on.isoformat()),
        ("Order", "订单", doc.order_reference),
        ("Incoterm", "贸易术语", f"{doc.incoterm} {doc.incoterm_place}".strip()),
    ]
    if doc.carrier:
        facts.append(("Carrier", "承运人", f"{doc.carrier} {doc.tracking_number}".strip()))
    story = [
        p("Packing list / 装箱单", TITLE),
        two_parties(party_block("Shipper", "发货人", doc.seller), facts_table(facts)),
        Spacer(1, 4 * mm),
        two_parties(party_block("Consignee", "收货人", doc.buyer), []),
        Spacer(1, 5 * mm),
        table,
    ]
    story.extend(p(note, SMALL) for note in doc.notes)
    return render(story, title=f"Packing list {doc.number}")
