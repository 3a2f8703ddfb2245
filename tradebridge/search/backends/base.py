"""What a search engine provides: turning understood terms into a restriction of the index.

Each backend compiles `Term`s (see `understanding`) into its own query language from our own
tokens, each one quoted, so no user text ever reaches MATCH or to_tsquery as syntax.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from django.db.models import QuerySet

from tradebridge.search.understanding import Term


class SearchBackend(Protocol):
    vendor: str
    fills_in_bulk: bool  # a rebuilt generation reaches the engine's index through `fill`
    # The planner must be kept off the generation indexes for the match to lead (selectors).
    generation_unindexed_under_match: bool

    def compile(self, terms: Sequence[Term], *, any_term: bool = False) -> str:
        """The engine's query string: the terms AND-ed (OR-ed when `any_term`), each term's
        clauses OR-ed."""
        ...

    def scored_sql(self, documents: QuerySet, compiled: str, columns: dict) -> tuple[str, list]:
        """SQL and parameters selecting `score` (as `ranked` scores) and the named `columns`
        (expressions of the document) of the `documents` matching `compiled`."""
        ...

    def rebuilding(self) -> AbstractContextManager[None]:
        """Settings for the connection while a rebuild writes many documents."""
        ...

    def wait_for_writers(self) -> None:
        """Return once every transaction that was writing when a rebuild marked its generation
        has ended: such a transaction may have read the index state before the mark, so it
        writes only the live generation, and the rebuild must read what it commits."""
        ...

    def fill(self, generation: int, *, after: int, up_to: int | None = None) -> None:
        """Put the documents of a generation being rebuilt with after < id <= up_to (None: all)
        into the engine's index, for engines that index them in bulk rather than row by row."""
        ...

    def compact(self) -> None:
        """Reclaim the engine's index after a rebuild deleted the old generation, in slices
        short enough not to hold up edits."""
        ...

    def ranked(self, documents: QuerySet, compiled: str, *, start: int, stop: int) -> list[tuple[int, float]]:
        """(product id, score) of the `documents` matching `compiled`, best first (score is text
        relevance × the document's boost; ties by product id), rows [start:stop]."""
        ...
