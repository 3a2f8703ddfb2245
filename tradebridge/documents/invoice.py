"""The commercial invoice: seller, buyer, terms, every line with its HS code and origin, and
the totals, in English with Chinese alongside, as PDF bytes."""

from __future__ import annotations

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
from tradebridge.documents.snapshot import ShippingDocument

COLUMNS = [
    ("#", "", 8),
    ("Description", "品名", 62),
    ("HS code", "海关编码", 20),
    ("Origin", "原产地", 14),
    ("Quantity", "数量", 18),
    ("Unit price", "单价", 26),
    ("Total", "金额", 32),
]


def _terms(doc: ShippingDocument) -> list[tuple[str, str, str]]:
    rows = [
        ("Invoice number", "发票号", doc.number),
        ("Date", "日期", doc.issued_on.isoformat()),
        ("Order", "订单", doc.order_reference),
        ("Incoterm", "贸易术语", f"{doc.incoterm} {doc.incoterm_place}".strip()),
        ("Currency", "币种", doc.currency),
    ]
    if doc.carrier:
        rows.append(("Carrier", "承运人", f"{doc.carrier} {doc.tracking_number}".strip()))
    return rows


def commercial_invoice_pdf(doc: ShippingDocument) -> bytes:
    header = [bilingual(en, zh, HEAD) for en, zh, _ in COLUMNS]
    rows = [header]
    for number, line in enumerate(doc.lines, start=1):
        rows.append(
            [
                p(str(number)),
                bilingual(f"{line.description_en} ({line.sku})", line.description_zh),
                p(line.hs_code or "—"),
                p(line.origin or "—"),
                p(str(line.quantity), NUMBER),
                p(amount(line.unit_price), NUMBER),
                p(amount(line.total(doc.currency).amount), NUMBER),
            ]
        )
    width = len(COLUMNS) - 1
    totals = [("Goods total", "货物总额", doc.goods_total())]
    if doc.freight:
        totals.append(("Freight and insurance", "运费及保险费", doc.freight))
    totals.append(("Invoice total", "发票总额", doc.invoice_total()))
    for en, zh, money in totals:
        rows.append(
            [bilingual(en, zh, SMALL)] + [""] * (width - 1) + [p(f"{doc.currency} {amount(money.amount)}", NUMBER)]
        )
    table = Table(rows, colWidths=[w * mm for _, _, w in COLUMNS], repeatRows=1)
    table.setStyle(GRID)
    for index in range(len(rows) - len(totals), len(rows)):
        table.setStyle([("SPAN", (0, index), (width - 1, index))])
    story = [
        p("Commercial invoice / 商业发票", TITLE),
        two_parties(party_block("Seller (exporter)", "卖方（出口商）", doc.seller), facts_table(_terms(doc))),
        Spacer(1, 4 * mm),
        two_parties(party_block("Buyer (importer)", "买方（进口商）", doc.buyer), []),
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 5 * mm),
        p("We certify that this invoice is true and correct. / 兹证明本发票内容真实无误。", SMALL),
    ]
    story.extend(p(note, SMALL) for note in doc.notes)
    return render(story, title=f"Commercial invoice {doc.number}")
