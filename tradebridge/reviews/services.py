"""Writing reviews: only the buyer company of a completed order, once per order. A review
queues the reindex of the supplier's listings, whose ranking reads its stars."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from tradebridge.companies.models import Membership
from tradebridge.core.errors import Conflict, DomainError, Forbidden
from tradebridge.orders.domain import Actor, State
from tradebridge.orders.transitions import order_for, party_of
from tradebridge.reviews.domain import MAX_COMMENT, score_errors
from tradebridge.reviews.models import Review
from tradebridge.search.services import queue_supplier_reindex


@transaction.atomic
def post_review(
    *, membership: Membership, order_id: int, product_quality: int, communication: int, shipping: int, comment: str = ""
) -> Review:
    """The buyer rates the supplier of one of its completed orders (404 for another company's)."""
    order = order_for(membership, order_id, lock=True)
    if party_of(membership, order).actor is not Actor.BUYER:
        raise Forbidden("review_buyer_only", "Only the buyer of an order can review it.", "order_id")
    if order.state != State.COMPLETED.value:
        raise Conflict("review_not_completed", "An order can be reviewed once it is completed.", "order_id")
    scores = {"product_quality": product_quality, "communication": communication, "shipping": shipping}
    errors = score_errors(scores)
    if errors:
        raise DomainError.many(errors)
    if Review.objects.filter(order=order).exists():
        raise Conflict("review_exists", "This order has been reviewed already.", "order_id")
    try:
        with transaction.atomic():
            review = Review.objects.create(
                order=order,
                buyer_id=order.buyer_id,
                supplier_id=order.supplier_id,
                comment=(comment or "").strip()[:MAX_COMMENT],
                author=membership.user,
                **scores,
            )
    except IntegrityError:  # the order row is locked, so only a constraint can get here
        raise Conflict("review_exists", "This order has been reviewed already.", "order_id") from None
    # The supplier's stars rank its listings: a worker reindexes them once this commits.
    queue_supplier_reindex(order.supplier_id)
    return review
