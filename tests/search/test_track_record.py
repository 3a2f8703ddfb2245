"""A supplier's track record ranks its listings: each document carries the supplier's orders
completed and buyers' stars, read for a whole batch in a fixed number of queries; completing an
order or reviewing one queues, in its own transaction, a background reindex of the supplier's
listings, which the worker runs."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.catalog.factories import product as make_product
from tests.orders import factories as orders
from tradebridge.catalog import services as catalog
from tradebridge.orders import disputes
from tradebridge.orders import services as order_services
from tradebridge.reviews import services as reviews
from tradebridge.search import ranking, services
from tradebridge.search.index import build_documents
from tradebridge.search.models import SearchDocument
from tradebridge.search.query import ProductQuery
from tradebridge.search.selectors import search_products
from tradebridge.search.tasks import reindex_supplier

pytestmark = pytest.mark.django_db

REINDEX = reindex_supplier.module_path
FIVE = {"product_quality": 5, "communication": 5, "shipping": 5}


def queued_reindexes(company_id: int) -> int:
    return DBTaskResult.objects.filter(
        task_path=REINDEX, status=TaskResultStatus.READY, args_kwargs__args=[company_id]
    ).count()


def ranked(text: str) -> list[int]:
    return [h.product_id for h in search_products(ProductQuery(text=text), language="en").items]


def drain() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def _engine_in_step() -> bool:
    """SQLite: FTS5 holds exactly the documents' tokens (raises otherwise). PostgreSQL: always."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    return True


def test_documents_carry_the_suppliers_completed_orders_and_stars(buyer, supplier):
    first = orders.completed(buyer, supplier, handle="first")
    second = orders.completed(buyer, supplier, handle="second")
    orders.delivered(buyer, supplier, handle="third")  # not completed: does not count
    other = factories.member(kind="supplier")
    orders.completed(buyer, other, handle="elsewhere")  # another supplier's
    reviews.post_review(membership=buyer, order_id=first.pk, product_quality=5, communication=4, shipping=3)
    reviews.post_review(membership=buyer, order_id=second.pk, **FIVE)
    services.index_supplier(supplier.company_id)
    documents = SearchDocument.objects.filter(supplier_id=supplier.company_id)
    assert documents.count() == 3
    for document in documents:
        assert (document.completed_orders, document.review_count, document.stars) == (2, 2, 4.5)
        assert document.response_rate == 0
        assert document.boost == pytest.approx(ranking.boost(verified=False, completed_orders=2, stars=4.5, reviews=2))
    assert _engine_in_step()


def test_a_supplier_without_a_record_is_neutral(supplier):
    listing = orders.scarf(supplier.company)
    services.index_products([listing.pk])
    document = SearchDocument.objects.get(product=listing)
    assert (document.completed_orders, document.review_count, document.stars, document.boost) == (0, 0, 0, 1)


def _queries_to_build(suppliers: int, buyer) -> int:
    ids = []
    for _ in range(suppliers):
        company = factories.member(kind="supplier")
        ids += [make_product(company.company, handle=f"p-{i}", skus=(f"P-{i}",), status="published").pk for i in (1, 2)]
    reviewed = orders.completed(buyer, company, handle=f"reviewed-{suppliers}")
    reviews.post_review(membership=buyer, order_id=reviewed.pk, **FIVE)
    ids.append(reviewed.lines.get().product_id)
    with CaptureQueriesContext(connection) as queries:
        documents = build_documents(ids, generation=1)
    assert len(documents) == len(ids)
    assert documents[-1]["completed_orders"] == 1 and documents[-1]["review_count"] == 1
    return len(queries)


def test_building_documents_takes_the_same_queries_however_many_suppliers(buyer):
    counts = {n: _queries_to_build(n, buyer) for n in (1, 4, 12)}
    # Products, tiers, completed orders, ratings (no categories here).
    assert counts[1] == counts[4] == counts[12] == 4, counts


def _delivered(buyer, supplier):
    return orders.delivered(buyer, supplier)


def _confirm_receipt(order, buyer):
    order_services.confirm_receipt(membership=buyer, order_id=order.pk)


def _auto_confirm(order, buyer):
    assert order_services.confirm_if_due(order_id=order.pk, now=order.delivered_at.replace(year=2100))


def _release_after_dispute(order, buyer):
    disputes.open_dispute(membership=buyer, order_id=order.pk, reason="Late")
    disputes.resolve_dispute(membership=orders.operator(), order_id=order.pk, resolution="release", note="Fine")


@pytest.mark.parametrize("complete", [_confirm_receipt, _auto_confirm, _release_after_dispute])
def test_each_way_an_order_completes_queues_one_reindex_of_its_supplier(buyer, supplier, complete):
    order = _delivered(buyer, supplier)
    assert queued_reindexes(supplier.company_id) == 0  # placing, paying, shipping do not
    complete(order, buyer)
    order.refresh_from_db()
    assert order.state == "completed"
    assert queued_reindexes(supplier.company_id) == 1


def test_a_refunded_dispute_queues_no_reindex(buyer, supplier):
    order = _delivered(buyer, supplier)
    disputes.open_dispute(membership=buyer, order_id=order.pk, reason="Broken")
    disputes.resolve_dispute(membership=orders.operator(), order_id=order.pk, resolution="refund", note="Refund")
    assert queued_reindexes(supplier.company_id) == 0


def test_a_review_queues_a_reindex_with_it_or_not_at_all(buyer, supplier):
    order = orders.completed(buyer, supplier)
    DBTaskResult.objects.filter(task_path=REINDEX).delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        reviews.post_review(membership=buyer, order_id=order.pk, **FIVE)
        raise RuntimeError("the request failed after the review")
    assert queued_reindexes(supplier.company_id) == 0
    reviews.post_review(membership=buyer, order_id=order.pk, **FIVE)
    assert queued_reindexes(supplier.company_id) == 1


@pytest.mark.django_db(transaction=True)  # the worker closes its connection: commit for real
def test_completed_orders_and_good_reviews_rank_the_listing_above_an_identical_one(buyer, supplier, client):
    orders.market()
    plain = orders.scarf(factories.member(kind="supplier").company, handle="plain")  # first: ties go to it
    order = orders.delivered(buyer, supplier, handle="reputed")
    reputed = order.lines.get().product_id
    services.index_products([plain.pk, reputed])
    assert ranked("scarf") == [plain.pk, reputed]
    drain()  # what placing and paying queued

    order_services.confirm_receipt(membership=buyer, order_id=order.pk)
    assert ranked("scarf") == [plain.pk, reputed]  # until the worker runs
    drain()
    after_order = SearchDocument.objects.get(product_id=reputed)
    assert (after_order.completed_orders, after_order.review_count) == (1, 0)
    assert ranked("scarf") == [reputed, plain.pk]

    reviews.post_review(membership=buyer, order_id=order.pk, **FIVE)
    drain()
    after_review = SearchDocument.objects.get(product_id=reputed)
    assert (after_review.completed_orders, after_review.review_count, after_review.stars) == (1, 1, 5.0)
    assert after_review.boost > after_order.boost > SearchDocument.objects.get(product=plain).boost == 1
    assert ranked("scarf") == [reputed, plain.pk]
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).filter(task_path=REINDEX).exists()
    assert _engine_in_step()

    profile = client.get(f"/companies/{supplier.company_id}/").content.decode()
    assert 'data-rating-count="1"' in profile and 'data-overall="5.0"' in profile
    summary = profile.split('class="rating-summary"')[1].split("</p>")[0]
    assert summary.count("star star-on") == 5


@pytest.mark.django_db(transaction=True)
def test_a_supplier_reindex_waits_for_an_edit_in_flight_and_neither_fails(supplier):
    """Without the reindex taking the products' locks, it would delete the old document while the
    edit's new one is uncommitted, then insert a second one for the product once the edit commits
    (PostgreSQL: a unique violation, and the reindex task lost)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: the reindex cannot start under an edit in flight")
    listing = catalog.create_product(membership=supplier, data={"title_en": "Copper Kettle"})
    catalog.add_variant(membership=supplier, product_id=listing.pk, sku="KETTLE-1")
    catalog.set_tiers(membership=supplier, product_id=listing.pk, tiers=[(1, "20.00")], moq=2)
    catalog.set_published(membership=supplier, product_id=listing.pk, published=True)
    edited, release, errors = threading.Event(), threading.Event(), []

    def in_thread(work):
        def run():
            try:
                work()
            except Exception as exc:  # the test reports whatever either side raised
                errors.append(exc)
            finally:
                connections.close_all()

        return threading.Thread(target=run)

    def edit():
        with transaction.atomic():
            catalog.update_product(membership=supplier, product_id=listing.pk, data={"title_en": "Enamel Jug"})
            edited.set()
            release.wait(30)

    editor = in_thread(edit)
    reindexer = in_thread(lambda: services.index_supplier(supplier.company_id))
    editor.start()
    assert edited.wait(30)
    reindexer.start()
    reindexer.join(0.5)
    assert reindexer.is_alive()  # waiting for the edit's lock on the product
    release.set()
    editor.join(30)
    reindexer.join(30)
    assert errors == []
    assert ranked("enamel") == [listing.pk] and ranked("kettle") == []
    assert SearchDocument.objects.filter(product=listing).count() == 1
