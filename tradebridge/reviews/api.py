"""Review endpoints under /api/v1: the buyer posts one for a completed order; anyone reads a
supplier's stars and latest reviews; the parties read an order's review."""

from __future__ import annotations

from decimal import Decimal

from ninja import Router, Schema, Status

from tradebridge.core.errors import NotFound
from tradebridge.orders.transitions import order_for
from tradebridge.reviews import selectors, services
from tradebridge.reviews.models import Review

router = Router(tags=["reviews"])


class ReviewIn(Schema):
    product_quality: int
    communication: int
    shipping: int
    comment: str = ""


class ReviewOut(Schema):
    id: int
    order_id: int
    supplier_id: int
    buyer_name: str
    product_quality: int
    communication: int
    shipping: int
    comment: str
    created_at: str


class RatingOut(Schema):
    supplier_id: int
    count: int
    overall: Decimal
    product_quality: Decimal
    communication: Decimal
    shipping: Decimal
    latest: list[ReviewOut]


def _review(review: Review) -> dict:
    return {
        "id": review.pk,
        "order_id": review.order_id,
        "supplier_id": review.supplier_id,
        "buyer_name": review.buyer.name,
        "product_quality": review.product_quality,
        "communication": review.communication,
        "shipping": review.shipping,
        "comment": review.comment,
        "created_at": review.created_at.isoformat(),
    }


@router.post("/orders/{order_id}/review", response={201: ReviewOut})
def post_review(request, order_id: int, payload: ReviewIn):
    review = services.post_review(membership=request.membership, order_id=order_id, **payload.dict())
    return Status(201, _review(review))


@router.get("/orders/{order_id}/review", response=ReviewOut)
def order_review(request, order_id: int):
    review = selectors.review_of(order_for(request.membership, order_id))
    if review is None:
        raise NotFound("review_not_found", "This order has no review.", "order_id")
    return _review(review)


@router.get("/suppliers/{supplier_id}/reviews", response=RatingOut, auth=None)
def supplier_reviews(request, supplier_id: int, limit: int = 10):
    """Public, like the supplier's profile: the stars and the latest reviews."""
    rating = selectors.supplier_rating(supplier_id)
    return {
        "supplier_id": supplier_id,
        "count": rating.count,
        "overall": rating.overall,
        "product_quality": rating.product_quality,
        "communication": rating.communication,
        "shipping": rating.shipping,
        "latest": [_review(r) for r in selectors.latest_reviews(supplier_id, max(1, min(limit, 50)))],
    }
