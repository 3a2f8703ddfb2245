"""The one place that reads an Order to build a ShippingDocument; the PDFs themselves never
touch the database. Figures come from the order's snapshot (unit prices, HS codes, titles), so
a document printed later says what was agreed, not today's catalog."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from tradebridge.documents.invoice import commercial_invoice_pdf
from tradebridge.documents.packing_list import packing_list_pdf
from tradebridge.documents.snapshot import Carton, DocumentLine, Party, ShippingDocument


def party(company) -> Party:
    identifiers = []
    if company.companies_house_number:
        identifiers.append(f"Company No. {company.companies_house_number}")
    if company.vat_number:
        identifiers.append(f"VAT {company.vat_number}")
    if company.uscc:
        identifiers.append(f"USCC {company.uscc}")
    return Party(
        name=company.name,
        name_zh=company.name_zh,
        address_lines=tuple(line for line in (company.region,) if line),
        country=company.country,
        identifiers=tuple(identifiers),
    )


def _carton(product) -> Carton | None:
    if not product.units_per_carton:
        return None
    return Carton(
        units=product.units_per_carton,
        gross_weight_kg=product.carton_weight_kg,
        length_cm=product.carton_length_cm,
        width_cm=product.carton_width_cm,
        height_cm=product.carton_height_cm,
    )


def shipping_document(order, *, issued_on: date | None = None) -> ShippingDocument:
    lines = order.lines.select_related("product").order_by("position", "id")
    if issued_on is None:  # the shipping date, once the order has shipped
        issued_on = timezone.localdate(order.shipped_at) if order.shipped_at else timezone.localdate()
    return ShippingDocument(
        number=f"INV-{order.reference}",
        issued_on=issued_on,
        order_reference=order.reference,
        seller=party(order.supplier),
        buyer=party(order.buyer),
        currency=order.currency,
        incoterm=order.incoterm,
        incoterm_place=order.destination_city,
        lines=tuple(
            DocumentLine(
                sku=line.sku,
                description_en=line.title_en,
                description_zh=line.title_zh,
                hs_code=line.hs_code,
                origin=line.product.origin_country,
                quantity=line.quantity,
                unit_price=line.unit_price,
                carton=_carton(line.product),
            )
            for line in lines
        ),
        carrier=order.carrier,
        tracking_number=order.tracking_number,
    )


def commercial_invoice(order) -> bytes:
    return commercial_invoice_pdf(shipping_document(order))


def packing_list(order) -> bytes:
    return packing_list_pdf(shipping_document(order))
