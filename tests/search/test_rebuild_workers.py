"""A rebuild whose documents are built by worker processes: edits made while it runs are kept,
and a worker that fails stops the rebuild with a clear error while the live index serves.

The workers read the database through their own connections, so these tests commit for real."""

import os

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
    assert found("porcelain") == {teapot.pk}
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
