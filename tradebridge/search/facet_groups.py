"""Writes to the facet groups (models.FacetGroup and its projections) at a rebuild's switch; triggers keep them in
step otherwise (migration 0006), and a browse without text reads them (selectors).

The triggers leave alone a generation being rebuilt: the switch groups its documents in one
statement instead, and drops the old generation's groups, whose documents the triggers then
leave alone too.
"""

from __future__ import annotations

from django.db import connection

_KEY = "generation, category_path, origin, cert_mask, supplier_verified, sample_available"
_FILL = (
    f"INSERT INTO search_facetgroup ({_KEY}, documents) "  # noqa: S608 (constant SQL)
    f"SELECT {_KEY}, COUNT(*) FROM search_searchdocument WHERE generation = %s GROUP BY {_KEY}"
)
# The projections, summed from the full groups rather than from the documents again.
_PROJECTIONS = {
    "search_pathgroup": "generation, category_path, origin, supplier_verified, sample_available",
    "search_flaggroup": "generation, origin, cert_mask, supplier_verified, sample_available",
}
_TABLES = ("search_facetgroup", *_PROJECTIONS)


def hold_writers() -> None:
    """First thing in the switch's transaction: wait for the index writes in flight and hold new
    ones until it commits. A write to the new generation that committed after the groups were
    counted, its triggers having skipped it as not yet live, would be missing from them. SQLite
    has one writer at a time already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("LOCK TABLE search_searchdocument IN SHARE MODE")


def switch(generation: int, *, old: int) -> None:
    """In the switch's transaction, after `hold_writers`: group the new generation's documents
    and drop the old generation's groups."""
    with connection.cursor() as cursor:
        for table in _TABLES:
            cursor.execute(f"DELETE FROM {table} WHERE generation IN (%s, %s)", [generation, old])  # noqa: S608
        cursor.execute(_FILL, [generation])
        for table, key in _PROJECTIONS.items():
            cursor.execute(
                f"INSERT INTO {table} ({key}, documents) SELECT {key}, SUM(documents) "  # noqa: S608
                f"FROM search_facetgroup WHERE generation = %s GROUP BY {key}",
                [generation],
            )
