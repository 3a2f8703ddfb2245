"""Writes to the search index: keep documents in step with the catalog, and rebuild it.

The catalog calls `index_products` inside its own transaction whenever a product is published,
edited, repriced, unpublished or imported, so the index is never behind what committed (no lag,
nothing to lose). A deleted product's documents go with it (the foreign key cascades).

A supplier's track record (orders completed, buyers' stars) is on all its documents. An order's
completion or a review queues their reindex in its own transaction (`queue_supplier_reindex`),
and a worker runs `index_supplier`: seconds behind, and never lost.

`rebuild_index` (the `tradebridge reindex` command) builds the next generation beside the one
searches read, batch by batch, then switches to it in one short transaction: search stays up
throughout. While it runs, `index_products` writes both generations, so an edit made during a
rebuild is in the new index too. Worker processes build the batches' documents (see
`document_workers`); this process writes each batch under its products' locks, keeping what an
edit wrote since the worker's read.

Engines that index in bulk (SQLite FTS5) get the new generation's documents after the batches,
in slices of one INSERT … SELECT each, instead of row by row through triggers: ten times
faster. The slices keep each write transaction short, so edits never wait long for one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from tradebridge.catalog.bulk import insert_many
from tradebridge.catalog.models import Product
from tradebridge.search import facet_groups
from tradebridge.search.backends import for_connection
from tradebridge.search.document_workers import DocumentBuilder, default_workers
from tradebridge.search.index import build_documents, write_documents
from tradebridge.search.models import IndexState, SearchDocument

# A rebuild's batch is built outside any lock (by the workers) and only written under one: 5,000
# a transaction, as each commit writes every index page its random keys touched (1,000 a
# transaction wrote ~250 MB/s to the WAL; 1M listings on SQLite built at 4,326 -> 5,592/s).
REBUILD_BATCH = 5_000
# A supplier's listings are analysed inside the transaction that locks them: smaller batches.
SUPPLIER_BATCH = 1_000
DELETE_BATCH = 20_000
ENGINE_FILL_SLICE = 50_000

Progress = Callable[[int, int], None]
logger = logging.getLogger(__name__)


def index_state() -> IndexState:
    state = IndexState.objects.filter(pk=1).first()
    return state or IndexState.objects.get_or_create(pk=1)[0]


def _write(ids: list[int], generations: list[int]) -> None:
    documents = build_documents(ids, generation=generations[0])
    for generation in generations:
        for document in documents:
            document["generation"] = generation
        write_documents(ids, documents, generation=generation)


def _generations(state: IndexState) -> list[int]:
    return [state.generation] + ([state.building] if state.building else [])


@transaction.atomic
def index_products(product_ids: Iterable[int]) -> None:
    """(Re)index these products: published ones get a fresh document, others lose theirs."""
    ids = sorted({int(pk) for pk in product_ids})
    if not ids:
        return
    generations = _generations(index_state())
    _write(ids, generations)
    # A rebuild may have switched generations meanwhile (PostgreSQL reads what committed).
    latest = index_state()
    if latest.generation not in generations:
        _write(ids, [latest.generation])


def index_supplier(company_id: int) -> None:
    """Reindex a supplier's listings after something every one of them carries changed: its
    verification (a filter and ranking input; in that change's transaction) or its track record
    (orders completed, buyers' stars; in the background, see `queue_supplier_reindex`)."""
    for ids in _batches(Product.objects.filter(supplier_id=company_id), SUPPLIER_BATCH):
        with transaction.atomic():
            # Locked as a catalog edit locks its product: otherwise, on PostgreSQL, this would
            # delete the old document under an edit in flight and insert a second one once the
            # edit commits (a unique violation). A batch at a time, so no edit waits for long.
            list(Product.objects.filter(pk__in=ids).select_for_update(no_key=True).values_list("pk", flat=True))
            index_products(ids)


def queue_supplier_reindex(company_id: int) -> None:
    """Have a worker reindex the supplier's listings (`tasks.reindex_supplier`), inside the
    caller's transaction: the task row commits with the change that calls for it or not at all,
    so no change is left unindexed by a process dying after its commit (as an on-commit hook
    could), and the worker, which sees the row only once it has committed, reads the change.
    Each task reads the track record when it runs, so tasks running in any order end in step."""
    from tradebridge.search.tasks import reindex_supplier

    reindex_supplier.enqueue(company_id)


def rebuild_index(
    progress: Progress | None = None, *, batch_size: int = REBUILD_BATCH, workers: int | None = None
) -> int:
    """Rebuild every published listing's document into a new generation and switch to it.
    Returns the number of documents in the new generation.

    `workers` processes build the documents (default: one per core) while this one writes
    them; 0 builds them here. Inside a transaction they are always built here: other
    processes cannot see what it has not committed."""
    if connection.in_atomic_block:
        workers = 0
    elif workers is None:
        workers = default_workers()
    backend = for_connection()
    with backend.rebuilding(), DocumentBuilder(workers) as builder:
        return _rebuild(backend, builder, progress, batch_size)


def _rebuild(backend, builder: DocumentBuilder, progress: Progress | None, batch_size: int) -> int:
    with transaction.atomic():
        state = IndexState.objects.select_for_update().filter(pk=1).first() or IndexState.objects.create(pk=1)
        if state.building:
            # A rebuild that died half-way left its rows: start over.
            SearchDocument.objects.filter(generation=state.building).delete()
        target = max(state.generation, state.building or 0) + 1
        state.building, state.engine_through = target, None
        state.save(update_fields=["building", "engine_through"])
    # From here every edit writes the new generation too; the batches read after the edits
    # that began before (and so write only the live one) have committed.
    backend.wait_for_writers()
    published = Product.objects.filter(status=Product.Status.PUBLISHED)
    total = published.count()
    done = 0
    for ids, documents in builder.built(_batches(published, batch_size), generation=target):
        _write_built(ids, documents, target)
        done += len(ids)
        if progress:
            progress(done, max(total, done))
    if backend.fills_in_bulk:
        _fill_engine(backend, target)
    with transaction.atomic():
        state = IndexState.objects.select_for_update().get(pk=1)
        facet_groups.hold_writers()
        _reconcile(target)
        if backend.fills_in_bulk:
            # The last slice: what the slices left, what _reconcile wrote, edits since.
            backend.fill(target, after=state.engine_through or 0)
        old = state.generation
        facet_groups.switch(target, old=old)
        state.generation, state.building, state.engine_through = target, None, None
        state.rebuilt_at = timezone.now()
        state.save(update_fields=["generation", "building", "engine_through", "rebuilt_at"])
    if _drop_generation(old):
        try:
            backend.compact()
        except DatabaseError:
            # Only an optimisation, after the switch: the new generation is live and whole, and
            # the next rebuild or FTS5's own merging reclaims the space.
            logger.warning("search: compacting the index after a rebuild failed", exc_info=True)
    return SearchDocument.objects.filter(generation=target).count()


def _batches(products, batch_size: int) -> Iterator[list[int]]:
    """The ids of `products` in ascending batches, each read by its own short query."""
    last = 0
    while True:
        ids = list(products.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not ids:
            return
        yield ids
        last = ids[-1]


@transaction.atomic
def _write_built(ids: list[int], documents: list[dict], target: int) -> None:
    """Write a batch's documents, built from a read outside this transaction, under the locks
    of its products (edits wait for the batch, the batch for edits in flight). A product edited
    since that read has written its document into the new generation itself (`index_products`
    writes both), and one unpublished since has none: neither is given the batch's older one."""
    in_range = {"pk__gte": ids[0], "pk__lte": ids[-1]}
    published = set(
        Product.objects.filter(status=Product.Status.PUBLISHED, **in_range)
        .select_for_update(no_key=True)
        .values_list("pk", flat=True)
    )
    published -= set(
        SearchDocument.objects.filter(generation=target, product_id__gte=ids[0], product_id__lte=ids[-1]).values_list(
            "product_id", flat=True
        )
    )
    insert_many(SearchDocument, [d for d in documents if d["product_id"] in published])


def _fill_engine(backend, target: int) -> None:
    """Put the new generation's documents into the engine's index, a slice per transaction,
    moving `engine_through` with each slice so the triggers keep filled rows in step."""
    while True:
        with transaction.atomic():
            state = IndexState.objects.select_for_update().get(pk=1)
            after = state.engine_through or 0
            documents = SearchDocument.objects.filter(generation=target, pk__gt=after).order_by("pk")
            edge = list(documents.values_list("pk", flat=True)[ENGINE_FILL_SLICE - 1 : ENGINE_FILL_SLICE])
            if not edge:
                return  # fewer than a slice left: the switch fills them
            backend.fill(target, after=after, up_to=edge[0])
            state.engine_through = edge[0]
            state.save(update_fields=["engine_through"])


def _reconcile(target: int) -> None:
    """Catch what changed behind the batches: listings published in an import that committed
    after its ids were read, and listings unpublished since their batch."""
    indexed = SearchDocument.objects.filter(generation=target).values("product_id")
    missing = list(
        Product.objects.filter(status=Product.Status.PUBLISHED).exclude(pk__in=indexed).values_list("pk", flat=True)
    )
    if missing:
        write_documents(missing, build_documents(missing, generation=target), generation=target)
    SearchDocument.objects.filter(generation=target).exclude(product__status=Product.Status.PUBLISHED).delete()


def _drop_generation(generation: int) -> int:
    """Delete an old generation in slices, so no single transaction holds the table long.
    Returns how many documents it had."""
    dropped = 0
    while True:
        with transaction.atomic():
            ids = list(SearchDocument.objects.filter(generation=generation).values_list("pk", flat=True)[:DELETE_BATCH])
            if not ids:
                return dropped
            SearchDocument.objects.filter(pk__in=ids).delete()
            dropped += len(ids)
