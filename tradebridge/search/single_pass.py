"""Facet counts, and a text search's page of hits, each from one statement.

Finding the matches (the engine's match, then each matching document fetched) is most of a
search's cost. Counted once and paged once, a search cost twice the bare engine query. Here the
matches that pass the filters that are not facets are fetched once, into a materialised CTE
with their facet columns, their sort keys and whether they pass the facet filters too; one
statement then returns the sums a `Tally` counts every facet from, and the page
(`tally_and_page`). A browse without text that a range filter narrows is counted the same way
from the documents in range (`tally`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When

from tradebridge.search.facets import FACET_FILTERS, NARROWING_FILTERS, TALLY_COLUMNS, Tally
from tradebridge.search.filters import Conditions
from tradebridge.search.query import ProductQuery


@dataclass(frozen=True)
class SortKey:
    expression: object  # a column or expression of SearchDocument
    descending: bool = False
    nulls_last: bool = False


def _flag(conditions: list):
    """1 where a row meets every condition (or there are none), else 0, as a column."""
    if not conditions:
        return Value(1, output_field=IntegerField())
    return Case(When(Q(*conditions), then=Value(1)), default=Value(0), output_field=IntegerField())


# The two sets of groups a `Tally` counts every facet from, summed from `g`: groups of the rows
# that pass the narrowing filters by the five facet columns and whether they are in the
# category filtered for. Summed here, not in Python: a broad query has tens of thousands of
# (path, origin, certifications, flags) groups but at most a thousand of each kind summed.
_GROUPS = "g(category_path, origin, cert_mask, supplier_verified, sample_available, in_category, n)"
_TALLIES = (
    # Typed NULLs for the page's columns: PostgreSQL settles a UNION's types branch by branch.
    "SELECT 0, category_path, origin, NULL, NULL, NULL, CAST(SUM(n) AS BIGINT), "
    "CAST(NULL AS BIGINT), CAST(NULL AS FLOAT), CAST(NULL AS BIGINT) FROM g GROUP BY category_path, origin "
    "UNION ALL SELECT 1, NULL, origin, cert_mask, supplier_verified, sample_available, CAST(SUM(n) AS BIGINT), "
    "NULL, NULL, NULL FROM g WHERE in_category = 1 GROUP BY origin, cert_mask, supplier_verified, sample_available"
)
PATHS, FLAGS, PAGE = 0, 1, 2


def _tally(query: ProductQuery, rows: list[tuple]) -> Tally:
    paths = [row[1:3] + row[6:7] for row in rows if row[0] == PATHS]
    flags = [row[2:7] for row in rows if row[0] == FLAGS]
    return Tally(query, paths, flags)


def tally(query: ProductQuery, documents, conditions: Conditions) -> Tally:
    """The `Tally` of `documents`, filtered by everything but the facet filters, with no text."""
    narrowed = documents.filter(*_narrowing(conditions))
    groups = (
        narrowed.annotate(in_category=_flag(conditions.by_name.get("category", [])))
        # COUNT(*), not of a column: every column here is in search_doc_facet_ranges, so
        # PostgreSQL counts from that index alone (an index-only scan).
        .values_list(*TALLY_COLUMNS, "in_category")
        .annotate(n=Count("*"))
        .order_by()
    )
    inner, params = groups.query.get_compiler(using=groups.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {_GROUPS} AS MATERIALIZED ({inner}) {_TALLIES}", params)
        return _tally(query, cursor.fetchall())


def _narrowing(conditions: Conditions) -> list:
    return [arg for name in NARROWING_FILTERS for arg in conditions.by_name.get(name, ())]


def tally_and_page(
    query: ProductQuery,
    documents,
    backend,
    compiled: str,
    *,
    conditions: Conditions,
    sort: list[SortKey] | None,
    start: int,
    stop: int,
) -> tuple[Tally, list[tuple[int, float]]]:
    """The `Tally` of `documents` (filtered by everything but the facet filters) matching
    `compiled`, and (product id, score) of rows [start:stop] of those that also meet the facet
    filters, best first (`sort` None) or in `sort` order, ties by product id."""
    facet_conditions = [arg for name in FACET_FILTERS for arg in conditions.by_name.get(name, ())]
    keys = sort or []
    annotations = {
        "m_product": F("product_id"),
        **{f"m_{name}": F(name) for name in TALLY_COLUMNS},
        "m_narrowed": _flag(_narrowing(conditions)),
        "m_in_category": _flag(conditions.by_name.get("category", [])),
        "m_passes": _flag(facet_conditions),
    }
    annotations |= {f"m_key{i}": key.expression for i, key in enumerate(keys)}
    inner, params = backend.scored_sql(documents, compiled, annotations)
    columns = ", ".join(f"m_{name}" for name in TALLY_COLUMNS)
    order = ", ".join(
        (f"(m_key{i} IS NULL), " if key.nulls_last else "") + f"m_key{i}" + (" DESC" if key.descending else "")
        for i, key in enumerate(keys)
    )
    order = (order or "score DESC") + ", m_product"
    keys_selected = "".join(f", m_key{i}" for i in range(len(keys)))
    # Page rows are numbered (after the LIMIT, so the sort stays a top-N one), as a UNION ALL
    # need not keep their order.
    sql = (
        f"WITH m AS MATERIALIZED ({inner}), "  # noqa: S608 (column names only; values are parameters)
        f"{_GROUPS} AS MATERIALIZED (SELECT {columns}, m_in_category, COUNT(*) FROM m WHERE m_narrowed = 1 "
        f"GROUP BY {columns}, m_in_category) "
        f"{_TALLIES} "
        f"UNION ALL SELECT {PAGE}, NULL, NULL, NULL, NULL, NULL, NULL, m_product, score, "
        f"ROW_NUMBER() OVER (ORDER BY {order}) "
        f"FROM (SELECT m_product, score{keys_selected} FROM m WHERE m_passes = 1 "
        f"ORDER BY {order} LIMIT %s OFFSET %s) AS page"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, stop - start, start])
        rows = cursor.fetchall()
    page = sorted((row for row in rows if row[0] == PAGE), key=lambda row: row[-1])
    return _tally(query, rows), [(row[7], float(row[8])) for row in page]
