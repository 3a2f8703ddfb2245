"""A rebuild whose documents are built by worker processes: edits made while it runs are kept,
and a worker that fails stops the rebuild with a clear error while the live index serves.

The workers read the database through their own connections, so these tests commit for real."""

import os
import threading

import pytest

from tests.search import builders
from tradebridge.catalog.models import Product
from tradebridge.search import document_workers, services
from tradebridge.search.models import IndexState, SearchDocument
from tradebridge.search.query import ProductQuery
from tradebridge.search.selectors import search_products

pytestmark = pytest.mark.django_db(transaction=True)


def found(text):
    return {h.product_id for h in search_products(ProductQuery(text=text), language="en").items}


@pytest.fixture
def catalog():
    return builders.catalog()


def test_worker_processes_build_every_published_listing(catalog):
    before = services.index_state().generation
    count = services.rebuild_index(batch_size=2, workers=2)
    state = services.index_state()
    assert state.generation == before + 1 and state.building is None
    assert count == Product.objects.filter(status="published").count()
    assert set(SearchDocument.objects.values_list("generation", flat=True)) == {state.generation}
    assert found("whisky") == {catalog["whisky"].pk}
    assert found("茶壶") == {catalog["teapot"].pk}


def test_edits_between_a_workers_read_and_the_write_are_not_lost(catalog, monkeypatch):
    """The teapot's batch was read by a worker before the edit: the edit's own document in the
    new generation stands, and the whisky withdrawn meanwhile gets none."""
    teapot, whisky = catalog["teapot"], catalog["whisky"]
    write = services._write_built
    edited = []

    def edit_before_the_first_write(ids, documents, target):
        if not edited:
            assert {teapot.pk, whisky.pk} <= {d["product_id"] for d in documents}  # read before the edits
            Product.objects.filter(pk=teapot.pk).update(title_en="Porcelain Teapot")
            services.index_products([teapot.pk])
            Product.objects.filter(pk=whisky.pk).update(status="draft")
            services.index_products([whisky.pk])
            edited.append(True)
        write(ids, documents, target)

    monkeypatch.setattr(services, "_write_built", edit_before_the_first_write)
    services.rebuild_index(batch_size=100, workers=1)
    assert edited
    assert "porcelain" in SearchDocument.objects.get(product=teapot).title
    assert found("whisky") == set()
    assert SearchDocument.objects.count() == Product.objects.filter(status="published").count()


def _dies(ids, *, generation):
    os._exit(3)  # as a worker killed by the kernel would


def _raises(ids, *, generation):
    raise ValueError("a listing the analysis cannot read")


@pytest.mark.parametrize("failure", [_dies, _raises])
def test_a_failed_worker_stops_the_rebuild_and_the_live_index_serves(catalog, monkeypatch, failure):
    live = services.index_state().generation
    monkeypatch.setattr(document_workers, "build_batch", failure)
    with pytest.raises(document_workers.WorkerFailed, match="live index is unchanged"):
        services.rebuild_index(batch_size=2, workers=1)
    state = IndexState.objects.get(pk=1)
    assert state.generation == live and state.building is not None
    assert found("whisky") == {catalog["whisky"].pk}
    monkeypatch.undo()
    services.rebuild_index(workers=1)  # the next rebuild starts over
    assert found("whisky") == {catalog["whisky"].pk}
    assert not SearchDocument.objects.exclude(generation=services.index_state().generation).exists()


def test_a_rebuild_waits_for_an_edit_that_began_before_it_marked_its_generation(catalog, monkeypatch):
    """The edit read the index state before the rebuild marked its generation, so it writes only
    the live one: the rebuild must read the teapot after the edit commits, or it would index the
    title the edit replaced."""
    from django.db import connection, connections, transaction

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's mark takes the write lock, which waits for the edit by itself")
    teapot = catalog["teapot"]
    indexed, release, errors = threading.Event(), threading.Event(), []
    write = services._write_built

    def release_the_edit_at_the_first_write(*args):
        release.set()  # without the wait, the batches get here before the edit commits
        write(*args)

    monkeypatch.setattr(services, "_write_built", release_the_edit_at_the_first_write)
    backend = services.for_connection()
    wait = backend.wait_for_writers

    def release_the_edit_while_waiting():
        threading.Timer(0.5, release.set).start()
        wait()

    monkeypatch.setattr(backend, "wait_for_writers", release_the_edit_while_waiting)

    def edit():
        try:
            with transaction.atomic():
                Product.objects.filter(pk=teapot.pk).update(title_en="Porcelain Teapot")
                services.index_products([teapot.pk])
                indexed.set()
                release.wait(timeout=60)
        except Exception as exc:  # the test reports it
            errors.append(exc)
        finally:
            connections.close_all()

    editor = threading.Thread(target=edit)
    editor.start()
    assert indexed.wait(timeout=30)
    services.rebuild_index(batch_size=100, workers=1)
    editor.join()
    assert errors == []
    assert "porcelain" in SearchDocument.objects.get(product=teapot).title
