"""Shared PDF plumbing for the shipping documents: fonts, styles, number formats, and the
party block. reportlab's built-in CID font STSong-Light prints Chinese with no font file."""

from __future__ import annotations

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from tradebridge.documents.snapshot import Party
from tradebridge.pricing.money import plain_decimal

CJK_FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))

TEXT = ParagraphStyle("text", fontName=CJK_FONT, fontSize=8.5, leading=11)
SMALL = ParagraphStyle("small", parent=TEXT, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444"))
NUMBER = ParagraphStyle("number", parent=TEXT, alignment=TA_RIGHT)
TITLE = ParagraphStyle("title", fontName=CJK_FONT, fontSize=16, leading=20, spaceAfter=4 * mm)
HEAD = ParagraphStyle("head", parent=TEXT, fontName=CJK_FONT, textColor=colors.white)

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#3b3b58")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
)


def p(text: str, style: ParagraphStyle = TEXT) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def bilingual(en: str, zh: str, style: ParagraphStyle = TEXT) -> Paragraph:
    return p(f"{en}\n{zh}" if zh else en, style)


def amount(value: Decimal, places: int = 2) -> str:
    """A figure as typed: unit prices keep up to 6 decimals and at least `places`."""
    return plain_decimal(value, min_places=places)


def party_block(label_en: str, label_zh: str, party: Party) -> list:
    lines = [party.name]
    if party.name_zh:
        lines.append(party.name_zh)
    lines.extend(line for line in party.address_lines if line)
    if party.country:
        lines.append(party.country)
    lines.extend(party.identifiers)
    return [p(f"{label_en} / {label_zh}", SMALL), p("\n".join(lines))]


def facts_table(rows: list[tuple[str, str, str]]) -> Table:
    """Label (EN / ZH) and value pairs, two columns."""
    data = [[p(f"{en} / {zh}", SMALL), p(value)] for en, zh, value in rows]
    table = Table(data, colWidths=[45 * mm, 45 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def two_parties(left: list, right: list) -> Table:
    table = Table([[left, right]], colWidths=[90 * mm, 90 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def render(story: list, *, title: str) -> bytes:
    """The story as PDF bytes; `invariant` makes the same document produce the same bytes."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=title,
        author="TradeBridge",
        invariant=1,
    )
    doc.build(story)
    return buffer.getvalue()
