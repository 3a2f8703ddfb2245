"""Who may download an order's commercial invoice and packing list, and when.

Only the two parties and the operator may read them (a foreign order is 404), and only once
the order has shipped (before that the carrier and tracking number are unknown). The documents
themselves are built by the one adapter, `documents.from_order`.
"""

from __future__ import annotations

from tradebridge.companies.models import Membership
from tradebridge.core.errors import Conflict
from tradebridge.documents import from_order
from tradebridge.orders.transitions import order_for

KINDS = {"invoice": from_order.commercial_invoice, "packing-list": from_order.packing_list}


def document_pdf(membership: Membership, order_id: int, kind: str) -> tuple[str, bytes]:
    """(file name, PDF bytes) of one of the order's shipping documents."""
    order = order_for(membership, order_id)
    if order.shipped_at is None:
        raise Conflict("not_shipped", "The shipping documents exist once the order has shipped.", "order_id")
    return f"{order.reference}-{kind}.pdf", KINDS[kind](order)
