"""What the order page shows about reviews: the buyer's form on a completed order, or the
review once given. The order page includes `reviews/_order_review.html` with this context."""

from __future__ import annotations

from tradebridge.orders.domain import State
from tradebridge.reviews import selectors
from tradebridge.reviews.forms import ReviewForm


def order_review_context(membership, order, viewer: str, form: ReviewForm | None = None) -> dict | None:
    if order.state != State.COMPLETED.value:
        return None
    review = selectors.review_of(order)
    if review is None and viewer != "buyer":
        return None
    return {"review": review, "form": form or (ReviewForm() if review is None else None), "order": order}
