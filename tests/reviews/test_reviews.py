"""Reviews: only the buyer company of a completed order, once; the supplier's stars from them,
on its profile and through `supplier_ratings` for search; the API and the order page."""

from decimal import Decimal

import pytest

from tests import factories
from tests.orders import factories as orders
from tradebridge.core.errors import Conflict, DomainError, Forbidden, NotFound
from tradebridge.reviews import selectors, services
from tradebridge.reviews.domain import NO_RATING, Rating, rating_from, score_errors
from tradebridge.reviews.models import Review

pytestmark = pytest.mark.django_db
SCORES = {"product_quality": 5, "communication": 4, "shipping": 3}


# -- pure rules ---------------------------------------------------------------------------------


def test_scores_are_whole_stars_from_one_to_five():
    assert score_errors(SCORES) == []
    bad = score_errors({"product_quality": 0, "communication": 6, "shipping": True})
    assert [e.field for e in bad] == ["product_quality", "communication", "shipping"]
    assert [e.field for e in score_errors({"product_quality": "5", "communication": 4.0, "shipping": 3})] == [
        "product_quality",
        "communication",
    ]


def test_a_rating_averages_each_dimension_to_a_tenth_half_up():
    rating = rating_from(3, {"product_quality": 14, "communication": 10, "shipping": 13})
    assert rating == Rating(3, Decimal("4.7"), Decimal("3.3"), Decimal("4.3"))
    assert rating.overall == Decimal("4.1") and rating.stars == 4
    assert rating_from(2, {"product_quality": 9, "communication": 9, "shipping": 9}).stars == 5  # 4.5 draws 5
    assert rating_from(0, {}) is NO_RATING and NO_RATING.count == 0


# -- service ------------------------------------------------------------------------------------


def test_the_buyer_reviews_a_completed_order_once(completed, buyer, supplier):
    review = services.post_review(membership=buyer, order_id=completed.pk, comment="  Lovely wool ", **SCORES)
    assert (review.buyer_id, review.supplier_id, review.comment) == (
        buyer.company_id,
        supplier.company_id,
        "Lovely wool",
    )
    with pytest.raises(Conflict) as caught:
        services.post_review(membership=buyer, order_id=completed.pk, **SCORES)
    assert caught.value.code == "review_exists" and Review.objects.count() == 1


def test_another_company_cannot_review_the_order(completed, supplier):
    with pytest.raises(NotFound):
        services.post_review(membership=factories.member(kind="buyer"), order_id=completed.pk, **SCORES)
    with pytest.raises(Forbidden) as caught:
        services.post_review(membership=supplier, order_id=completed.pk, **SCORES)
    assert caught.value.code == "review_buyer_only"
    assert not Review.objects.exists()


def test_an_order_that_is_not_completed_cannot_be_reviewed(buyer, supplier):
    orders.market()
    variant = orders.variant_of(orders.scarf(supplier.company))
    [order] = orders.place(buyer, (variant, 20))
    with pytest.raises(Conflict) as caught:
        services.post_review(membership=buyer, order_id=order.pk, **SCORES)
    assert caught.value.code == "review_not_completed" and not Review.objects.exists()


def test_bad_scores_are_refused_by_field(completed, buyer):
    with pytest.raises(DomainError) as caught:
        services.post_review(membership=buyer, order_id=completed.pk, product_quality=9, communication=4, shipping=0)
    assert [e.field for e in caught.value.errors] == ["product_quality", "shipping"]
    assert not Review.objects.exists()


# -- selectors ----------------------------------------------------------------------------------


def test_supplier_ratings_for_search_in_one_query(buyer, supplier, supplier_b, django_assert_num_queries):
    first = orders.completed(buyer, supplier, handle="a")
    second = orders.completed(buyer, supplier, handle="b")
    services.post_review(membership=buyer, order_id=first.pk, **SCORES)
    services.post_review(membership=buyer, order_id=second.pk, product_quality=4, communication=4, shipping=4)
    with django_assert_num_queries(1):
        ratings = selectors.supplier_ratings([supplier.company_id, supplier_b.company_id])
    assert ratings[supplier.company_id] == Rating(2, Decimal("4.5"), Decimal("4.0"), Decimal("3.5"))
    assert ratings[supplier_b.company_id] is NO_RATING
    assert selectors.supplier_ratings([]) == {}


# -- pages and API ------------------------------------------------------------------------------


def test_the_order_page_offers_the_form_and_the_profile_shows_the_stars(completed, buyer, supplier, client_for):
    client = client_for(buyer)
    page = client.get(f"/orders/{completed.pk}/").content.decode()
    assert 'data-form="review"' in page
    assert 'data-form="review"' not in client_for(supplier).get(f"/orders/{completed.pk}/").content.decode()
    bad = client.post(f"/reviews/orders/{completed.pk}/", {"product_quality": 7, "communication": 4, "shipping": 4})
    assert bad.status_code == 400 and "field-error" in bad.content.decode() and not Review.objects.exists()
    done = client.post(f"/reviews/orders/{completed.pk}/", {**SCORES, "comment": "Fast and well packed"})
    assert done.status_code == 302 and Review.objects.count() == 1
    assert 'data-review="' in client.get(f"/orders/{completed.pk}/").content.decode()
    again = client.post(f"/reviews/orders/{completed.pk}/", SCORES)
    assert again.status_code == 409 and Review.objects.count() == 1
    profile = client.get(f"/companies/{supplier.company_id}/").content.decode()
    assert 'data-rating-count="1"' in profile and 'data-overall="4.0"' in profile
    assert "Fast and well packed" in profile


def test_review_pages_refuse_other_companies(completed, client_for):
    stranger = client_for(factories.member(kind="buyer"))
    assert stranger.post(f"/reviews/orders/{completed.pk}/", SCORES).status_code == 404
    assert (
        client_for(factories.member(kind="supplier")).post(f"/reviews/orders/{completed.pk}/", SCORES).status_code
        == 403
    )


def test_review_api(completed, buyer, supplier, client_for, client):
    api = client_for(buyer)
    url = f"/api/v1/orders/{completed.pk}/review"
    assert api.get(url).status_code == 404
    bad = api.post(url, {"product_quality": 0, "communication": 4, "shipping": 4}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "product_quality"
    created = api.post(url, SCORES, content_type="application/json")
    assert created.status_code == 201 and created.json()["product_quality"] == 5
    assert api.post(url, SCORES, content_type="application/json").status_code == 409
    assert client_for(supplier).get(url).json()["communication"] == 4
    stranger = client_for(factories.member(kind="buyer"))
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, SCORES, content_type="application/json").status_code == 404
    public = client.get(f"/api/v1/suppliers/{supplier.company_id}/reviews").json()
    assert public["count"] == 1 and public["overall"] == "4.0" and len(public["latest"]) == 1
    for huge in (2**63, -(2**63) - 1, 10**30):  # no supplier has such an id: no stars, not a crash
        nobody = client.get(f"/api/v1/suppliers/{huge}/reviews")
        assert nobody.status_code == 200 and (nobody.json()["count"], nobody.json()["latest"]) == (0, [])
