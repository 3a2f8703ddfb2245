"""Commercial invoice and packing list: generate each PDF, read its text back, check the figures."""

import io
from datetime import date
from decimal import Decimal

import pypdf
import pytest

from tradebridge.documents.invoice import commercial_invoice_pdf
from tradebridge.documents.packing_list import packing_list_pdf
from tradebridge.documents.snapshot import Carton, DocumentLine, Party, ShippingDocument, packed, packing_totals
from tradebridge.pricing.money import Money

SELLER = Party(
    name="Highland Knitwear Ltd",
    address_lines=("12 Mill Lane", "Hawick TD9 7AA"),
    country="GB",
    identifiers=("VAT GB123456789",),
)
BUYER = Party(
    name="Shanghai Orient Trading Co., Ltd.",
    name_zh="上海东方贸易有限公司",
    address_lines=("浦东新区世纪大道100号",),
    country="CN",
    identifiers=("USCC 91310000MA1FL00001",),
)
SCARF = DocumentLine(
    sku="SCARF-NAVY",
    description_en="Lambswool Scarf",
    description_zh="羊毛围巾",
    hs_code="6117100000",
    origin="GB",
    quantity=250,
    unit_price=Decimal("4.123456"),
    carton=Carton(
        units=40, gross_weight_kg=Decimal("9.5"), length_cm=Decimal(60), width_cm=Decimal(40), height_cm=Decimal(30)
    ),
)
SHORTBREAD = DocumentLine(
    sku="SB-200",
    description_en="All-butter Shortbread 200 g",
    description_zh="全黄油酥饼 200克",
    hs_code="1905.31",
    origin="GB",
    quantity=10000,
    unit_price=Decimal("0.0035"),
)
DOC = ShippingDocument(
    number="INV-TB-000042",
    issued_on=date(2026, 12, 1),
    order_reference="TB-000042",
    seller=SELLER,
    buyer=BUYER,
    currency="GBP",
    incoterm="FOB",
    incoterm_place="Felixstowe",
    lines=(SCARF, SHORTBREAD),
    carrier="Maersk",
    tracking_number="MAEU1234567",
)


def text_of(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_line_totals_round_half_up_and_sum():
    assert SCARF.total("GBP") == Money(Decimal("1030.86"), "GBP")  # 1030.864
    assert SHORTBREAD.total("GBP") == Money(Decimal("35.00"), "GBP")
    assert DOC.goods_total() == Money(Decimal("1065.86"), "GBP")
    with_freight = ShippingDocument(**{**DOC.__dict__, "freight": Money(Decimal("120"), "GBP")})
    assert with_freight.invoice_total() == Money(Decimal("1185.86"), "GBP")


def test_commercial_invoice_prints_parties_terms_lines_and_totals():
    text = text_of(commercial_invoice_pdf(DOC))
    for expected in (
        "Commercial invoice",
        "商业发票",
        "Highland Knitwear Ltd",
        "Shanghai Orient Trading Co., Ltd.",
        "上海东方贸易有限公司",
        "浦东新区世纪大道100号",
        "INV-TB-000042",
        "2026-12-01",
        "FOB Felixstowe",
        "GBP",
        "羊毛围巾",
        "全黄油酥饼",
        "6117100000",
        "1905.31",
        "4.123456",  # six decimals survive
        "0.0035",
        "10000",
        "1030.86",
        "35.00",
        "GBP 1065.86",
        "Maersk MAEU1234567",
    ):
        assert expected in text, expected
    assert "Freight" not in text


def test_invoice_with_freight_shows_it_and_the_grand_total():
    doc = ShippingDocument(**{**DOC.__dict__, "incoterm": "CIF", "freight": Money(Decimal("120.5"), "GBP")})
    text = text_of(commercial_invoice_pdf(doc))
    assert "GBP 120.50" in text and "GBP 1186.36" in text


def test_packing_list_counts_cartons_weights_and_volume_when_known():
    row = packed(SCARF)
    assert (row.cartons, row.gross_weight_kg, row.volume_m3) == (7, Decimal("66.5"), Decimal("0.504"))
    assert packing_totals([packed(SCARF)]) == (7, Decimal("66.5"), Decimal("0.504"))
    assert packing_totals([packed(SCARF), packed(SHORTBREAD)]) == (None, None, None)  # never guessed
    text = text_of(packing_list_pdf(DOC))
    for expected in (
        "Packing list",
        "装箱单",
        "上海东方贸易有限公司",
        "羊毛围巾",
        "60×40×30",
        "66.5",
        "0.504",
        "10250",
    ):
        assert expected in text, expected
    assert "4.123456" not in text  # no prices on a packing list


def test_same_document_gives_the_same_bytes():
    assert commercial_invoice_pdf(DOC) == commercial_invoice_pdf(DOC)


@pytest.mark.parametrize("render", [commercial_invoice_pdf, packing_list_pdf])
def test_text_that_looks_like_markup_is_printed_not_interpreted(render):
    odd = DocumentLine(
        sku="X<1>",
        description_en="Tea & <b>Biscuits</b>",
        description_zh="",
        hs_code="",
        origin="",
        quantity=1,
        unit_price=Decimal("1"),
    )
    doc = ShippingDocument(**{**DOC.__dict__, "lines": (odd,)})
    assert "Tea & <b>Biscuits</b>" in text_of(render(doc))
