"""The commercial invoice and packing list of a shipped order: the order's snapshot turned into
the documents app's plain `ShippingDocument`, which renders the PDFs.

Only the two parties and the operator may read them (a foreign order is 404), and only once
the order has shipped (before that the carrier and tracking number are unknown).
"""

from __future__ import annotations

from tradebridge.companies.models import Company, Membership
from tradebridge.core.errors import Conflict
from tradebridge.documents.invoice import commercial_invoice_pdf
from tradebridge.documents.packing_list import packing_list_pdf
from tradebridge.documents.snapshot import Carton, DocumentLine, Party, ShippingDocument
from tradebridge.orders.models import Order
from tradebridge.orders.transitions import order_for

KINDS = {"invoice": commercial_invoice_pdf, "packing-list": packing_list_pdf}


def _party(company: Company) -> Party:
    identifiers = []
    if company.vat_number:
        identifiers.append(f"VAT {company.vat_number}")
    if company.companies_house_number:
        identifiers.append(f"Companies House {company.companies_house_number}")
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


def shipping_document(order: Order) -> ShippingDocument:
    lines = order.lines.select_related("product").order_by("position", "pk")
    return ShippingDocument(
        number=order.reference,
        issued_on=(order.shipped_at or order.placed_at).date(),
        order_reference=order.reference,
        seller=_party(order.supplier),
        buyer=_party(order.buyer),
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


def document_pdf(membership: Membership, order_id: int, kind: str) -> tuple[str, bytes]:
    """(file name, PDF bytes) of one of the order's shipping documents."""
    order = order_for(membership, order_id)
    if order.shipped_at is None:
        raise Conflict("not_shipped", "The shipping documents exist once the order has shipped.", "order_id")
    render = KINDS[kind]
    return f"{order.reference}-{kind}.pdf", render(shipping_document(order))
