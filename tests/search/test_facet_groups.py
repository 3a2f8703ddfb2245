"""The facet groups (models.FacetGroup) that browses without text count from: triggers keep
them equal to a count of the live generation's documents through every kind of change, and a
rebuild regroups its generation as it switches."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tradebridge.catalog import services as catalog_services
from tradebridge.catalog.models import Product
from tradebridge.search import services
from tradebridge.search.models import FacetGroup, FlagGroup, PathGroup, SearchDocument
from tradebridge.search.query import ProductQuery
from tradebridge.search.selectors import search_products

pytestmark = pytest.mark.django_db

GROUPINGS = {
    FacetGroup: ("category_path", "origin", "cert_mask", "supplier_verified", "sample_available"),
    PathGroup: ("category_path", "origin", "supplier_verified", "sample_available"),
    FlagGroup: ("origin", "cert_mask", "supplier_verified", "sample_available"),
}


def assert_groups_count_the_documents():
    live = services.index_state().generation
    for model, key in GROUPINGS.items():
        documents = Counter(SearchDocument.objects.filter(generation=live).values_list(*key))
        groups = {
            tuple(row[:-1]): row[-1]
            for row in model.objects.filter(generation=live, documents__gt=0).values_list(*key, "documents")
        }
        assert groups == dict(documents), model.__name__
        assert not model.objects.filter(documents__lt=0).exists()
        assert not model.objects.exclude(generation=live).exists()


@pytest.fixture
def listing(supplier):
    product = catalog_services.create_product(
        membership=supplier, data={"title_en": "Copper Kettle", "origin_country": "GB"}
    )
    catalog_services.add_variant(membership=supplier, product_id=product.pk, sku="KETTLE-1")
    catalog_services.set_tiers(membership=supplier, product_id=product.pk, tiers=[(1, "20.00")], moq=2)
    return product


def test_the_groups_follow_publish_edit_unpublish_and_delete(catalog, supplier, listing):
    assert_groups_count_the_documents()
    catalog_services.set_published(membership=supplier, product_id=listing.pk, published=True)
    assert_groups_count_the_documents()
    catalog_services.update_product(
        membership=supplier, product_id=listing.pk, data={"origin_country": "FR", "certifications": ["organic", "ce"]}
    )
    assert SearchDocument.objects.get(product=listing).origin == "FR"
    assert_groups_count_the_documents()
    catalog_services.set_published(membership=supplier, product_id=listing.pk, published=False)
    assert_groups_count_the_documents()
    catalog_services.set_published(membership=supplier, product_id=listing.pk, published=True)
    Product.objects.filter(pk=listing.pk).delete()
    assert_groups_count_the_documents()
    Product.objects.filter(pk=catalog["teapot"].pk).delete()
    assert_groups_count_the_documents()


def test_the_groups_follow_a_suppliers_verification(supplier, listing, operator_member):
    from tradebridge.companies import services as companies

    catalog_services.set_published(membership=supplier, product_id=listing.pk, published=True)
    supplier.company.companies_house_number = "01234567"
    supplier.company.verification_status = "pending"
    supplier.company.save()
    companies.move_verification(membership=operator_member, company_id=supplier.company_id, status="verified")
    assert SearchDocument.objects.get(product=listing).supplier_verified
    assert_groups_count_the_documents()
    companies.update_company(membership=supplier, data={"companies_house_number": "07654321"})  # back to review
    assert not SearchDocument.objects.get(product=listing).supplier_verified
    assert_groups_count_the_documents()


def test_an_update_of_a_facet_column_moves_the_document_between_groups(catalog):
    SearchDocument.objects.filter(product=catalog["teapot"]).update(origin="NZ", sample_available=True)
    assert_groups_count_the_documents()


def test_a_rebuild_regroups_its_generation_and_drops_the_old_groups(catalog):
    before = services.index_state().generation
    SearchDocument.objects.filter(product=catalog["whisky"]).delete()  # the index drifted
    services.rebuild_index()
    assert services.index_state().generation == before + 1
    assert_groups_count_the_documents()
    assert FacetGroup.objects.filter(documents__gt=0).exists()


def test_edits_during_a_rebuild_are_grouped_at_its_switch(catalog):
    """The triggers leave the building generation to the switch; an edit written to both
    generations between the batches and the switch is counted in each."""
    teapot = catalog["teapot"]

    def edit_after_the_last_batch(done, total):
        if done == total:
            Product.objects.filter(pk=teapot.pk).update(origin_country="IE")
            services.index_products([teapot.pk])
            assert_groups_count_the_documents()  # the live generation, by trigger

    services.rebuild_index(edit_after_the_last_batch, batch_size=4)
    assert SearchDocument.objects.get(product=teapot).origin == "IE"
    assert_groups_count_the_documents()


def test_a_browse_with_facet_filters_only_counts_from_the_groups(catalog):
    query = ProductQuery(category="food", origin=("GB",), sort="newest")
    with CaptureQueriesContext(connection) as queries:
        results = search_products(query, language="en")
    counted_from = [q["sql"] for q in queries if "GROUP BY" in q["sql"]]
    assert counted_from and not any("search_searchdocument" in sql for sql in counted_from)
    assert results.total == sum(
        1
        for d in SearchDocument.objects.values_list("category_path", "origin")
        if d[0].startswith("food") and d[1] == "GB"
    )


def test_the_group_triggers_outlive_every_migration():
    """Like 0004's FTS5 triggers, these would go with the documents' table if a migration
    rebuilt it on SQLite."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_searchdocument'"
            )
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'search_searchdocument'::regclass AND NOT tgisinternal"
            )
        names = {row[0] for row in cursor.fetchall()}
    expected = {
        "sqlite": {"search_facet_insert", "search_facet_delete", "search_facet_update_old", "search_facet_update_new"},
        "postgresql": {"search_facet_insert", "search_facet_delete", "search_facet_update"},
    }[connection.vendor]
    assert expected <= names
