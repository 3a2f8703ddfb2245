"""A text search's facet groups and its page of hits from one pass over the matches.

Finding the matches (the engine's match, then each matching document fetched) is most of a
search's cost. Counted once and paged once, a search cost twice the bare engine query. Here the
matches that pass the filters that are not facets are fetched once, into a materialised CTE
with their facet columns, their sort keys and whether they pass the facet filters too; one
statement then returns the groups a `Tally` counts every facet from, and the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When

from tradebridge.search.facets import TALLY_COLUMNS, Tally
from tradebridge.search.query import ProductQuery


@dataclass(frozen=True)
class SortKey:
    expression: object  # a column or expression of SearchDocument
    descending: bool = False
    nulls_last: bool = False


def _group_columns() -> dict[str, F]:
    return {f"m_{name}": F(name) for name in TALLY_COLUMNS}


def tally_and_page(
    query: ProductQuery,
    documents,
    backend,
    compiled: str,
    *,
    facet_conditions: list,
    sort: list[SortKey] | None,
    start: int,
    stop: int,
) -> tuple[Tally, list[tuple[int, float]]]:
    """The `Tally` of `documents` (filtered by everything but the facet filters) matching
    `compiled`, and (product id, score) of rows [start:stop] of those that also meet
    `facet_conditions`, best first (`sort` None) or in `sort` order, ties by product id."""
    passes = (
        Case(When(Q(*facet_conditions), then=Value(1)), default=Value(0), output_field=IntegerField())
        if facet_conditions
        else Value(1, output_field=IntegerField())
    )
    keys = sort or []
    annotations = {"m_product": F("product_id"), **_group_columns(), "m_passes": passes}
    annotations |= {f"m_key{i}": key.expression for i, key in enumerate(keys)}
    inner, params = backend.scored_sql(documents, compiled, annotations)
    groups = ", ".join(_group_columns())
    order = ", ".join(
        (f"(m_key{i} IS NULL), " if key.nulls_last else "") + f"m_key{i}" + (" DESC" if key.descending else "")
        for i, key in enumerate(keys)
    )
    order = (order or "score DESC") + ", m_product"
    keys_selected = "".join(f", m_key{i}" for i in range(len(keys)))
    # Page rows have no count. They are numbered (after the LIMIT, so the sort stays a top-N
    # one), as a UNION ALL need not keep their order.
    sql = (
        f"WITH m AS MATERIALIZED ({inner}) "  # noqa: S608 (column names only; values are parameters)
        f"SELECT {groups}, COUNT(*), NULL, NULL, NULL FROM m GROUP BY {groups} "
        f"UNION ALL SELECT {groups}, CAST(NULL AS BIGINT), m_product, score, ROW_NUMBER() OVER (ORDER BY {order}) "
        f"FROM (SELECT {groups}, m_product, score{keys_selected} FROM m WHERE m_passes = 1 "
        f"ORDER BY {order} LIMIT %s OFFSET %s) AS page"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, stop - start, start])
        result = cursor.fetchall()
    width = len(TALLY_COLUMNS)
    tally = Tally.grouped(query, (row[: width + 1] for row in result if row[width] is not None))
    page = sorted((row for row in result if row[width] is None), key=lambda row: row[-1])
    return tally, [(row[width + 1], float(row[width + 2])) for row in page]
