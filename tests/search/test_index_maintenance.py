"""The index follows the catalog in the same transaction: publish, edit, reprice, unpublish,
delete, import; `tradebridge reindex` rebuilds it while search stays up."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.catalog.test_imports import TEMPLATE
from tradebridge.catalog import services as catalog
from tradebridge.catalog.importers.reader import open_catalog
from tradebridge.catalog.imports import run_import
from tradebridge.catalog.models import Product
from tradebridge.search import services
from tradebridge.search.models import IndexState, SearchDocument
from tradebridge.search.query import ProductQuery
from tradebridge.search.selectors import search_products

pytestmark = pytest.mark.django_db


def found(text):
    return {h.product_id for h in search_products(ProductQuery(text=text), language="en").items}


@pytest.fixture
def listing(supplier):
    product = catalog.create_product(membership=supplier, data={"title_en": "Copper Kettle", "title_zh": "铜水壶"})
    catalog.add_variant(membership=supplier, product_id=product.pk, sku="KETTLE-1")
    catalog.set_tiers(membership=supplier, product_id=product.pk, tiers=[(1, "20.00")], moq=2)
    return product


def test_a_draft_is_not_indexed_and_publishing_indexes_it(supplier, listing):
    assert found("kettle") == set()
    catalog.set_published(membership=supplier, product_id=listing.pk, published=True)
    assert found("kettle") == {listing.pk}
    assert found("水壶") == {listing.pk}


def test_edits_and_prices_are_searchable_at_once(supplier, listing):
    catalog.set_published(membership=supplier, product_id=listing.pk, published=True)
    catalog.update_product(
        membership=supplier, product_id=listing.pk, data={"title_en": "Enamel Jug", "title_zh": "搪瓷罐"}
    )
    assert found("enamel") == {listing.pk}
    assert found("kettle") == set()
    catalog.set_tiers(membership=supplier, product_id=listing.pk, tiers=[(1, "15.00")], moq=5)
    document = SearchDocument.objects.get(product=listing)
    assert (document.price_at_moq, document.moq) == (15, 5)


def test_unpublishing_and_deleting_remove_the_listing(supplier, listing):
    catalog.set_published(membership=supplier, product_id=listing.pk, published=True)
    catalog.set_published(membership=supplier, product_id=listing.pk, published=False)
    assert found("kettle") == set()
    catalog.set_published(membership=supplier, product_id=listing.pk, published=True)
    Product.objects.filter(pk=listing.pk).delete()
    assert found("kettle") == set()
    assert not SearchDocument.objects.exists()


def test_a_refused_edit_leaves_the_index_as_it_was(supplier, listing):
    catalog.set_published(membership=supplier, product_id=listing.pk, published=True)
    with pytest.raises(Exception):  # noqa: B017 - the domain refuses; what matters is the index after
        catalog.update_product(membership=supplier, product_id=listing.pk, data={"title_en": "x" * 400})
    assert found("kettle") == {listing.pk}


def test_imports_index_their_published_rows_in_the_batch(supplier, tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text(TEMPLATE, encoding="utf-8")
    source = open_catalog(path)
    report = run_import(supplier=supplier.company, records=source.records(), file_format=source.format)
    assert report.products_created >= 2
    straws = Product.objects.get(handle="drinking-straws")
    assert found("straws") == {straws.pk}  # published in the file
    assert found("scarf") == set()  # the scarf is a draft


def test_a_dry_run_import_leaves_no_documents(supplier, tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text(TEMPLATE, encoding="utf-8")
    source = open_catalog(path)
    run_import(supplier=supplier.company, records=source.records(), file_format=source.format, dry_run=True)
    assert not SearchDocument.objects.exists()


def test_reindex_builds_a_new_generation_and_drops_the_old(catalog):
    before = IndexState.objects.get(pk=1).generation
    SearchDocument.objects.filter(product=catalog["whisky"]).delete()  # the index drifted
    out = io.StringIO()
    call_command("reindex", stdout=out, stderr=io.StringIO())
    state = IndexState.objects.get(pk=1)
    assert state.generation == before + 1 and state.building is None
    assert set(SearchDocument.objects.values_list("generation", flat=True)) == {state.generation}
    assert SearchDocument.objects.count() == Product.objects.filter(status="published").count()
    assert found("whisky") == {catalog["whisky"].pk}
    assert "Indexed 9 published listings" in out.getvalue()
    assert "9/9 listings indexed" in out.getvalue()  # a line per batch off a terminal


@pytest.mark.parametrize("workers", ["-1", "100000"])
def test_reindex_refuses_a_worker_count_out_of_range_in_one_line(catalog, workers):
    before = IndexState.objects.get(pk=1).generation
    with pytest.raises(CommandError, match=r"^--workers must be between 0 and \d+ \(4 per core\)\.$"):
        call_command("reindex", "--workers", workers, stdout=io.StringIO(), stderr=io.StringIO())
    state = IndexState.objects.get(pk=1)
    assert state.generation == before and state.building is None  # nothing started


def test_edits_during_a_rebuild_reach_both_generations(catalog, supplier):
    state = services.index_state()
    state.building = state.generation + 1
    state.save()
    teapot = catalog["teapot"]
    Product.objects.filter(pk=teapot.pk).update(title_en="Porcelain Teapot")
    services.index_products([teapot.pk])
    titles = dict(SearchDocument.objects.filter(product=teapot).values_list("generation", "title"))
    assert set(titles) == {state.generation, state.building}
    assert all("porcelain" in title for title in titles.values())


def test_a_rebuild_that_died_is_started_over(catalog):
    state = services.index_state()
    stale = state.generation + 1
    state.building = stale
    state.save()
    SearchDocument.objects.filter(generation=state.generation).update(generation=stale)  # half-built rows
    services.rebuild_index()
    state.refresh_from_db()
    assert state.building is None and state.generation == stale + 1
    assert SearchDocument.objects.filter(generation=state.generation).count() == 9
    assert not SearchDocument.objects.exclude(generation=state.generation).exists()


def _needs_bulk_fill():
    if not services.for_connection().fills_in_bulk:
        pytest.skip("this engine indexes each document as it is written (PostgreSQL's generated tsvector)")


def _engine_in_step():
    """SQLite: FTS5 holds exactly the documents' tokens (integrity-check with rank 1 compares
    the index with its content table and raises when they differ). PostgreSQL: always true."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    return True


def test_a_rebuild_fills_the_engine_in_slices_and_keeps_edits_made_between_them(catalog, supplier, monkeypatch):
    """Edits land before, between and after the engine's bulk slices: each one is findable once
    the rebuild switches, the withdrawn listing is not, and the engine's index matches the rows."""
    _needs_bulk_fill()
    monkeypatch.setattr(services, "ENGINE_FILL_SLICE", 3)
    backend = services.for_connection()
    fill = backend.fill
    teapot, whisky = catalog["teapot"], catalog["whisky"]
    slices = []

    def edit_between_slices(generation, *, after, up_to=None):
        fill(generation, after=after, up_to=up_to)
        slices.append(up_to)
        if len(slices) == 1:
            Product.objects.filter(pk=teapot.pk).update(title_en="Porcelain Teapot")
            services.index_products([teapot.pk])
            Product.objects.filter(pk=whisky.pk).update(status="draft")
            services.index_products([whisky.pk])

    monkeypatch.setattr(backend, "fill", edit_between_slices)
    services.rebuild_index(batch_size=4)
    assert len(slices) >= 3 and slices[-1] is None  # several slices, then the rest at the switch
    assert found("porcelain") == {teapot.pk}
    assert found("whisky") == set()
    assert SearchDocument.objects.count() == Product.objects.filter(status="published").count()
    assert _engine_in_step()


def test_a_rebuild_after_one_that_died_leaves_the_engine_in_step(catalog, monkeypatch):
    _needs_bulk_fill()
    monkeypatch.setattr(services, "ENGINE_FILL_SLICE", 2)
    backend = services.for_connection()
    fill = backend.fill

    calls = []

    def die_in_second_slice(generation, *, after, up_to=None):
        calls.append(up_to)
        if len(calls) == 2:
            raise RuntimeError("killed")  # the first slice committed, this one rolls back
        fill(generation, after=after, up_to=up_to)

    monkeypatch.setattr(backend, "fill", die_in_second_slice)
    with pytest.raises(RuntimeError):
        services.rebuild_index()
    state = IndexState.objects.get(pk=1)
    assert state.building is not None and state.engine_through is not None
    assert found("whisky") == {catalog["whisky"].pk}  # the live generation answered throughout
    monkeypatch.setattr(backend, "fill", fill)
    services.rebuild_index()
    assert found("whisky") == {catalog["whisky"].pk}
    assert _engine_in_step()


def test_the_progress_bar_draws_in_place():
    from tradebridge.search.management.commands.reindex import _Bar

    stream = io.StringIO()
    bar = _Bar(stream, started=0)
    bar(500, 1000)
    bar(1000, 1000)
    bar.finish()
    lines = stream.getvalue().split("\r")
    assert "[###############---------------]  50.0% 500/1,000" in lines[1]
    assert lines[2].startswith("[##############################] 100.0% 1,000/1,000") and lines[2].endswith("\n")


def test_the_engine_triggers_outlive_every_migration():
    """A migration that rebuilt the documents' table on SQLite would drop 0004's triggers with
    it (0005 adds its columns in place for that reason): the triggers are there, with their
    conditions."""
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 triggers are SQLite's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_searchdocument'"
        )
        triggers = {name: sql for name, sql in cursor.fetchall() if name.startswith("search_fts_")}
    assert set(triggers) == {"search_fts_insert", "search_fts_delete", "search_fts_update"}
    assert all(" WHEN " in sql and "engine_through" in sql for sql in triggers.values())


def test_a_suppliers_verification_reaches_its_listings(supplier, listing, operator_member):
    from tradebridge.companies import services as companies

    catalog.set_published(membership=supplier, product_id=listing.pk, published=True)
    assert found_with(verified_only=True) == set()
    supplier.company.companies_house_number = "01234567"
    supplier.company.verification_status = "pending"
    supplier.company.save()
    companies.move_verification(membership=operator_member, company_id=supplier.company_id, status="verified")
    assert found_with(verified_only=True) == {listing.pk}
    assert SearchDocument.objects.get(product=listing).boost > 1
    companies.update_company(membership=supplier, data={"companies_house_number": "07654321"})  # back to review
    assert found_with(verified_only=True) == set()


def found_with(**filters):
    return {h.product_id for h in search_products(ProductQuery(**filters), language="en").items}


def test_a_rebuild_gives_the_connection_back_its_page_cache(catalog):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the page cache setting is SQLite's")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        services.rebuild_index()
        cursor.execute("PRAGMA cache_size")
        assert cursor.fetchone()[0] == before


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5's segments are SQLite's")
def test_a_rebuild_leaves_fts5_one_segment_without_the_old_generation(catalog):
    def segments():
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(DISTINCT segid) FROM search_fts_idx")
            return cursor.fetchone()[0]

    services.rebuild_index()  # the catalog's documents were written one by one: now a generation to drop
    # Compacted: the old generation's postings and the entries deleting them are merged away.
    assert segments() == 1
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    assert found("whisky") == {catalog["whisky"].pk}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5's segments are SQLite's")
def test_compacting_in_slices_carries_one_merge_on_to_the_end(catalog, monkeypatch):
    from tradebridge.search.backends import sqlite

    merges = []
    real_atomic = sqlite.transaction.atomic

    def counted_atomic(*args, **kwargs):
        merges.append(1)
        assert len(merges) < 500, "compacting does not converge"
        return real_atomic(*args, **kwargs)

    monkeypatch.setattr(sqlite, "MERGE_PAGES", 1)
    services.rebuild_index()
    monkeypatch.setattr(sqlite.transaction, "atomic", counted_atomic)
    with connection.cursor() as cursor:
        # A second segment, of many pages: 2,000 rows of the engine's index alone, each with
        # its own token (the merge flushes them first).
        rows = [(10_000_000 + n, f"extra{n:05d}token") for n in range(2_000)]
        cursor.executemany("INSERT INTO search_fts(rowid, title) VALUES (%s, %s)", rows)
    sqlite.SqliteBackend().compact()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(DISTINCT segid) FROM search_fts_idx")
        assert cursor.fetchone()[0] == 1
    assert len(merges) > 2  # a page a slice: the merge took several


def test_a_compaction_that_fails_after_the_switch_leaves_the_rebuild_done(catalog, monkeypatch, caplog):
    from django.db import OperationalError

    from tradebridge.search.backends import for_connection

    def locked(self):
        raise OperationalError("database is locked")

    monkeypatch.setattr(type(for_connection()), "compact", locked)
    before = IndexState.objects.get(pk=1).generation
    assert services.rebuild_index() == Product.objects.filter(status="published").count()
    assert IndexState.objects.get(pk=1).generation == before + 1
    assert found("whisky") == {catalog["whisky"].pk}
    assert "compacting the index after a rebuild failed" in caplog.text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_a_rebuild_gives_postgresql_statistics_for_the_catalog_and_the_documents(catalog):
    def estimated_rows(table):
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return cursor.fetchone()[0]

    services.rebuild_index()
    published = Product.objects.filter(status="published").count()
    assert estimated_rows("catalog_product") >= published > 0
    assert estimated_rows("search_searchdocument") >= published
