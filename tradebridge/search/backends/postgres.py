"""PostgreSQL: the generated `tsv` column (GIN-indexed), ranked by ts_rank.

The query is tsquery syntax built from our tokens: `'a':ABC <-> 'b':ABC` for a phrase in the
text weights, `:D` for pinyin, `:*` for a prefix, `|` inside a term, `&` between terms, passed
to to_tsquery('simple', …) as a parameter.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import connection
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from tradebridge.search.ranking import COLUMN_WEIGHTS
from tradebridge.search.understanding import Clause, Term

_WEIGHTS = {"text": "ABC", "pinyin": "D"}
# ts_rank takes the weights of D, C, B, A, each at most 1.
_RANK_WEIGHTS = "{" + ",".join(str(w / max(COLUMN_WEIGHTS)) for w in reversed(COLUMN_WEIGHTS)) + "}"
_QUERY = "to_tsquery('simple'::regconfig, %s)"
_WRITERS = (
    "SELECT backend_xid::text FROM pg_stat_activity "
    "WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
)
_WRITERS_LEFT = _WRITERS + " AND backend_xid::text = ANY(%s)"
WRITERS_POLL_SECONDS = 0.05
_SCORE = f"ts_rank('{_RANK_WEIGHTS}', search_searchdocument.tsv, {_QUERY}) * search_searchdocument.boost"


def _lexeme(token: str, weights: str, prefix: bool) -> str:
    return "'" + token.replace("'", "''").replace("\\", "") + "':" + ("*" if prefix else "") + weights


def _clause(clause: Clause) -> str:
    weights = _WEIGHTS[clause.field]
    if not clause.adjacent:
        return "(" + " & ".join(_lexeme(t, weights, clause.prefix) for t in clause.tokens) + ")"
    last = len(clause.tokens) - 1
    return (
        "(" + " <-> ".join(_lexeme(t, weights, clause.prefix and i == last) for i, t in enumerate(clause.tokens)) + ")"
    )


class PostgresBackend:
    vendor = "postgresql"
    fills_in_bulk = False
    generation_unindexed_under_match = False

    def compile(self, terms: Sequence[Term], *, any_term: bool = False) -> str:
        parts = ["(" + " | ".join(_clause(c) for c in term.clauses) + ")" for term in terms if term.clauses]
        return (" | " if any_term else " & ").join(parts)

    def _matching(self, documents: QuerySet, compiled: str) -> QuerySet:
        # The SQL is constant; the compiled query travels as a parameter.
        return documents.extra(where=[f"search_searchdocument.tsv @@ {_QUERY}"], params=[compiled])  # noqa: S610

    def scored_sql(self, documents: QuerySet, compiled: str, columns: dict) -> tuple[str, list]:
        score = RawSQL(_SCORE, [compiled], output_field=FloatField())  # noqa: S611 (constant SQL)
        rows = self._matching(documents, compiled).annotate(score=score, **columns).values_list("score", *columns)
        return rows.query.get_compiler(using=rows.db).as_sql()

    @contextmanager
    def rebuilding(self) -> Iterator[None]:
        """Fresh statistics around a rebuild. After a bulk import autovacuum may not have analysed
        the catalog yet; planned for an empty table, every batch of the rebuild scanned and sorted
        the whole catalog (a 1,000,000-listing rebuild went quadratic). After it, a VACUUM marks
        the new generation's pages all-visible, so facet counts over a range can read the
        covering index alone (index-only scans) without waiting for autovacuum; inside a
        transaction (tests) VACUUM cannot run, and ANALYZE does what it can."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE catalog_product")
        yield
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                cursor.execute("ANALYZE search_searchdocument")
            else:
                cursor.execute("VACUUM (ANALYZE) search_searchdocument")

    def compact(self) -> None:
        """Nothing more: the `VACUUM` that ends `rebuilding` reclaims the old generation's rows
        and their GIN entries."""

    def wait_for_writers(self) -> None:
        """Poll until the transactions of this database that held a transaction id (had written)
        at the call have ended. Those that had not written yet read the index state after it
        changed: `index_products` runs after the change it indexes."""
        with connection.cursor() as cursor:
            cursor.execute(_WRITERS)
            writers = [xid for (xid,) in cursor.fetchall()]
            while writers:
                time.sleep(WRITERS_POLL_SECONDS)
                # Inside a transaction the statistics read first would be read again.
                cursor.execute("SELECT pg_stat_clear_snapshot()")
                cursor.execute(_WRITERS_LEFT, [writers])
                writers = [xid for (xid,) in cursor.fetchall()]

    def fill(self, generation: int, *, after: int, up_to: int | None = None) -> None:
        """Nothing to do: the tsvector is a generated column, written with each document."""

    def ranked(self, documents: QuerySet, compiled: str, *, start: int, stop: int) -> list[tuple[int, float]]:
        """(product id, score) of `documents` matching `compiled`, best first, [start:stop]."""
        matches = self._matching(documents, compiled).extra(select={"score": _SCORE}, select_params=[compiled])  # noqa: S610
        rows = matches.order_by("-score", "product_id").values_list("product_id", "score")[start:stop]
        return [(pk, float(score)) for pk, score in rows]
