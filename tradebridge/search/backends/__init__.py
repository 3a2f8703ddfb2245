"""The full-text engines behind one interface: SQLite FTS5 (embedded) and PostgreSQL tsvector.

`for_connection()` picks the engine of the database in use. The selectors never write engine
syntax themselves: they hand a backend the understood terms and get back a queryset of
`SearchDocument` restricted to the matches, with a `score` (higher is better) when asked.
"""

from __future__ import annotations

from django.db import connection

from tradebridge.search.backends.base import SearchBackend
from tradebridge.search.backends.postgres import PostgresBackend
from tradebridge.search.backends.sqlite import SqliteBackend

BACKENDS: dict[str, SearchBackend] = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}


def for_connection() -> SearchBackend:
    try:
        return BACKENDS[connection.vendor]
    except KeyError:
        raise RuntimeError(f"search has no backend for the {connection.vendor} database") from None


__all__ = ["BACKENDS", "SearchBackend", "for_connection"]
