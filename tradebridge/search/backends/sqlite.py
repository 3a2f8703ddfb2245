"""SQLite FTS5: `search_fts` over the documents' token columns, ranked by bm25.

The query is FTS5 syntax built from our tokens: a phrase per clause, `"tok"*` for a prefix, a
column filter for text ({title attrs body}) or pinyin, OR inside a term, AND between terms.

The full-text match must drive every query (evaluated once, then documents fetched by id): joined
naively, SQLite's planner may walk the documents and re-run the match for each. So matches are
an `id IN (SELECT rowid … MATCH …)` restriction, and the ranked page is one statement with the
FTS table first in a CROSS JOIN, which SQLite keeps as the outer loop.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from tradebridge.search.ranking import COLUMN_WEIGHTS
from tradebridge.search.understanding import Clause, Term

_COLUMNS = {"text": "{title attrs body}", "pinyin": "{pinyin}"}
_BM25 = "bm25(search_fts, {})".format(", ".join(str(w) for w in COLUMN_WEIGHTS))
REBUILD_CACHE_KIB = 262_144
MERGE_PAGES = 2_000  # FTS5 leaf pages merged a transaction while compacting (~8 MB)
_FILL = (
    "INSERT INTO search_fts(rowid, title, attrs, body, pinyin) "
    "SELECT id, title, attrs, body, pinyin FROM search_searchdocument WHERE generation = %s AND id > %s"
)
_JOINED_MATCH = "search_searchdocument.id = search_fts.rowid AND search_fts MATCH %s"
_DOCUMENTS = ' FROM "search_searchdocument" '


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _clause(clause: Clause) -> str:
    if not clause.adjacent:
        star = " *" if clause.prefix else ""
        return f"{_COLUMNS[clause.field]} : (" + " AND ".join(_quote(t) + star for t in clause.tokens) + ")"
    phrase = " + ".join(_quote(t) for t in clause.tokens)
    return f"{_COLUMNS[clause.field]} : ({phrase}{' *' if clause.prefix else ''})"


class SqliteBackend:
    vendor = "sqlite"
    fills_in_bulk = True
    generation_unindexed_under_match = True

    def compile(self, terms: Sequence[Term], *, any_term: bool = False) -> str:
        parts = ["(" + " OR ".join(_clause(c) for c in term.clauses) + ")" for term in terms if term.clauses]
        return (" OR " if any_term else " AND ").join(parts)

    def scored_sql(self, documents: QuerySet, compiled: str, columns: dict) -> tuple[str, list]:
        # bm25() needs the FTS table in the FROM clause, first, as in `ranked`: the ORM cannot
        # write that join, so the query's one FROM is rewritten (refused if not exactly one).
        score = RawSQL(f"-{_BM25} * search_searchdocument.boost", [], output_field=FloatField())  # noqa: S611 (constant SQL)
        rows = (
            documents.extra(where=[_JOINED_MATCH], params=[compiled])  # noqa: S610
            .annotate(score=score, **columns)
            .values_list("score", *columns)
        )
        sql, params = rows.query.get_compiler(using=rows.db).as_sql()
        if sql.count(_DOCUMENTS) != 1:
            raise RuntimeError("scored_sql expects one FROM of the documents table")
        return sql.replace(_DOCUMENTS, ' FROM search_fts CROSS JOIN "search_searchdocument" '), params

    @contextmanager
    def rebuilding(self) -> Iterator[None]:
        """A page cache big enough for the documents' indexes while a rebuild writes them: with
        the default 2 MB every row re-reads the pages of its ten b-trees (100k: 145 → 88 s)."""
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            before = int(cursor.fetchone()[0])
            cursor.execute(f"PRAGMA cache_size = -{REBUILD_CACHE_KIB}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {before}")

    def wait_for_writers(self) -> None:
        """Nothing to wait for: every transaction takes the write lock as it begins (IMMEDIATE),
        so the mark itself waited for the writers before it, and the ones after read it."""

    def compact(self) -> None:
        """Merge the FTS5 index's segments into one, a slice a transaction. Until then the old
        generation's postings and the entries deleting them stay in it: after a rebuild of a
        million listings it held 640 MB instead of 266, and searches took 70% longer.

        FTS5's incremental optimize: a negative page count puts every segment on one level and
        starts merging them; positive ones carry that merge on (another negative one would
        start it over). A merge that changes fewer than two rows found nothing left to do."""
        pages = -MERGE_PAGES
        while True:
            with transaction.atomic():
                raw = connection.connection
                before = raw.total_changes
                with connection.cursor() as cursor:
                    cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('merge', %s)", [pages])
                if raw.total_changes - before < 2:
                    return
            pages = MERGE_PAGES

    def fill(self, generation: int, *, after: int, up_to: int | None = None) -> None:
        """Add the documents of `generation` with after < id <= up_to (None: all) to FTS5 in one
        statement; the triggers leave a generation being rebuilt to this (migration 0004)."""
        sql = _FILL if up_to is None else _FILL + " AND id <= %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [generation, after] + ([] if up_to is None else [up_to]))

    def ranked(self, documents: QuerySet, compiled: str, *, start: int, stop: int) -> list[tuple[int, float]]:
        """(product id, score) of `documents` matching `compiled`, best first, [start:stop]."""
        query = documents.query
        where, params = query.get_compiler(using=documents.db).compile(query.where)
        sql = (
            f"SELECT search_searchdocument.product_id, -{_BM25} * search_searchdocument.boost AS score "  # noqa: S608
            "FROM search_fts CROSS JOIN search_searchdocument "
            "WHERE search_searchdocument.id = search_fts.rowid AND search_fts MATCH %s "
            f"AND ({where or '1 = 1'}) "
            "ORDER BY score DESC, search_searchdocument.product_id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [compiled, *params, stop - start, start])
            return [(pk, float(score)) for pk, score in cursor.fetchall()]
