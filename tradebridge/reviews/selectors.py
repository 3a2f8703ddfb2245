"""Reading reviews: a supplier's stars (one aggregate query for any number of suppliers, which
search ranking reads), its latest reviews, and the review of one order."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Sum

from tradebridge.core.queries import is_key
from tradebridge.reviews.domain import DIMENSIONS, NO_RATING, Rating, rating_from
from tradebridge.reviews.models import Review


def supplier_ratings(supplier_ids: Iterable[int]) -> dict[int, Rating]:
    """{supplier id: Rating} for every id asked for; a supplier without reviews gets NO_RATING."""
    ids = {int(i) for i in supplier_ids}
    if not ids:
        return {}
    rows = (
        Review.objects.filter(supplier_id__in=[i for i in ids if is_key(i)])
        .values("supplier_id")
        .annotate(n=Count("id"), **{name: Sum(name) for name in DIMENSIONS})
    )
    found = {row["supplier_id"]: rating_from(row["n"], row) for row in rows}
    return {i: found.get(i, NO_RATING) for i in ids}


def supplier_rating(supplier_id: int) -> Rating:
    return supplier_ratings([supplier_id])[supplier_id]


def latest_reviews(supplier_id: int, limit: int = 5) -> list[Review]:
    if not is_key(supplier_id):
        return []
    return list(Review.objects.filter(supplier_id=supplier_id).select_related("buyer")[:limit])


def review_of(order) -> Review | None:
    return Review.objects.filter(order_id=order.pk).first()
