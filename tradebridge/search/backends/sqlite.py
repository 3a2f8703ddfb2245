"""SQLite FTS5: `search_fts` over the documents' token columns, ranked by bm25.

The query is FTS5 syntax built from our tokens: a phrase per clause, `"tok"*` for a prefix, a
column filter for text ({title attrs body}) or pinyin, OR inside a term, AND between terms.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import QuerySet

from tradebridge.search.ranking import COLUMN_WEIGHTS
from tradebridge.search.understanding import Clause, Term

_COLUMNS = {"text": "{title attrs body}", "pinyin": "{pinyin}"}
_BM25 = "bm25(search_fts, {})".format(", ".join(str(w) for w in COLUMN_WEIGHTS))


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

    def compile(self, terms: Sequence[Term], *, any_term: bool = False) -> str:
        parts = ["(" + " OR ".join(_clause(c) for c in term.clauses) + ")" for term in terms if term.clauses]
        return (" OR " if any_term else " AND ").join(parts)

    def matching(self, documents: QuerySet, compiled: str, *, scored: bool = False) -> QuerySet:
        select = {"score": f"-{_BM25} * search_searchdocument.boost"} if scored else None
        # The SQL is constant; the compiled query travels as a parameter.
        return documents.extra(  # noqa: S610
            tables=["search_fts"],
            where=["search_fts.rowid = search_searchdocument.id", "search_fts MATCH %s"],
            params=[compiled],
            select=select,
        )
