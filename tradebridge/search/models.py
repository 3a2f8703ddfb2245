"""The search index: one `SearchDocument` per published product and index generation.

A document holds the product's text as space-separated index tokens (see `text`) in four
columns the engines match (title, attributes, body, pinyin), and copies of everything filters,
facets and sorts read, so a search never joins the catalog until it shows a page of hits.

The engine structures live beside the table and are created by migration 0001 for the engine
in use: on SQLite an FTS5 table `search_fts` over these columns (external content, kept in step
by triggers); on PostgreSQL a stored generated tsvector column `tsv` with a GIN index.

`IndexState` says which generation searches read. `tradebridge reindex` fills generation
N+1 while searches read N, then switches in one transaction (see services.rebuild_index).
"""

from __future__ import annotations

from django.db import models

from tradebridge.catalog.models import UNIT_PRICE


class IndexState(models.Model):
    """One row (id 1): the generation searches read, and the one a rebuild is filling."""

    generation = models.PositiveIntegerField(default=1)
    building = models.PositiveIntegerField(null=True, blank=True)
    # SQLite: documents of `building` with an id up to this are in FTS5; the rest are added in
    # bulk by the rebuild, and the triggers leave them alone until then (migration 0004).
    engine_through = models.BigIntegerField(null=True, blank=True)
    rebuilt_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"generation {self.generation}"


class SearchDocument(models.Model):
    generation = models.PositiveIntegerField(default=1)
    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE, related_name="+")
    # Index tokens, weighted title > attributes > body by both engines; pinyin of the titles.
    title = models.TextField(blank=True)
    attrs = models.TextField(blank=True)
    body = models.TextField(blank=True)
    pinyin = models.TextField(blank=True)

    supplier = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="+")
    supplier_verified = models.BooleanField(default=False)
    category = models.ForeignKey("catalog.Category", on_delete=models.SET_NULL, null=True, related_name="+")
    category_path = models.CharField(max_length=500, blank=True)
    origin = models.CharField(max_length=2, blank=True)
    # Certification i of catalog.domain.CERTIFICATIONS is bit i (see search.filters).
    cert_mask = models.BigIntegerField(default=0)
    moq = models.PositiveIntegerField(default=1)
    lead_time_days = models.PositiveIntegerField(null=True)
    sample_available = models.BooleanField(default=False)
    price_at_moq = models.DecimalField(**UNIT_PRICE, null=True)  # in `currency`
    currency = models.CharField(max_length=3)
    published_at = models.DateTimeField(null=True)
    # The supplier's track record, ranking inputs beside text relevance (see ranking.py):
    # response rate (0 until enquiries exist), orders completed, and its buyers' stars (the
    # overall average, 0 without reviews) over how many reviews. Migration 0005 explains how
    # the last two were added without rebuilding the table.
    response_rate = models.FloatField(default=0)
    completed_orders = models.PositiveIntegerField(default=0)
    stars = models.FloatField(default=0)
    review_count = models.PositiveIntegerField(default=0)
    boost = models.FloatField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["generation", "product"], name="search_document_one_per_generation")
        ]
        # Facets and sorts read these without touching the table (covering index scans), beside
        # the sort and range indexes of migration 0006 (search_doc_newest, search_doc_moq,
        # search_doc_boosted, search_doc_facet_ranges), which also serve what (generation,
        # category_path), (generation, published_at) and (generation, moq) did until 0007.
        # The supplier's own index is its foreign key's.
        indexes = [
            models.Index(fields=["generation", "price_at_moq"]),
            models.Index(fields=["generation", "origin"], name="search_doc_origin"),
            models.Index(
                fields=["generation", "cert_mask", "supplier_verified", "sample_available"], name="search_doc_flags"
            ),
            models.Index(fields=["generation", "-boost", "-published_at", "product_id"], name="search_doc_browse"),
        ]

    def __str__(self) -> str:
        return f"product {self.product_id} (generation {self.generation})"


class _Groups(models.Model):
    """How many documents of the live generation share one combination of some facet columns.

    A browse without text counts every facet from these rows instead of the documents
    (facets.Tally.summed). Triggers on `search_searchdocument` keep the live generation's rows
    in step (migration 0006); a rebuild groups its generation as it switches to it
    (facet_groups.switch). A group whose documents all went stays, at 0."""

    generation = models.PositiveIntegerField()
    origin = models.CharField(max_length=2, blank=True)
    supplier_verified = models.BooleanField()
    sample_available = models.BooleanField()
    documents = models.BigIntegerField()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.documents} documents (generation {self.generation})"


class FacetGroup(_Groups):
    """By all five facet columns: tens of thousands of rows at a million listings (categories ×
    origins × combinations of certifications), so read for a category's subtree or under a
    certification filter; the two projections below answer the rest."""

    category_path = models.CharField(max_length=500, blank=True)
    cert_mask = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "category_path", "origin", "cert_mask", "supplier_verified", "sample_available"],
                name="search_facet_group_key",
            )
        ]
        # Both of a browse's sums in the order of their GROUP BY, covered.
        indexes = [
            models.Index(
                fields=[
                    "generation",
                    "category_path",
                    "origin",
                    "cert_mask",
                    "supplier_verified",
                    "sample_available",
                    "documents",
                ],
                name="search_facet_paths",
            ),
        ]


class PathGroup(_Groups):
    """By category, origin and the flags: the category and origin facets without a
    certification filter."""

    category_path = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "category_path", "origin", "supplier_verified", "sample_available"],
                name="search_path_group_key",
            )
        ]


class FlagGroup(_Groups):
    """By origin, certifications and the flags: the total, flags and certifications without a
    category filter."""

    cert_mask = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "origin", "cert_mask", "supplier_verified", "sample_available"],
                name="search_flag_group_key",
            )
        ]
