"""Building a rebuild's documents in worker processes while the rebuilding process writes them.

Text analysis (jieba, bigrams, stems, pinyin) and reading the products are most of a rebuild's
cost and need no lock, so batches are built by a pool of processes and handed back in order.
The workers are spawned (none inherits the parent's database connection); each sets Django up
once, on the parent's database, and loads the dictionaries before its first batch, while the
parent is still counting and marking. At most a few batches per worker are in flight, so memory
stays bounded however far ahead of the writes the workers get.

Without workers (`workers=0`) the same batches are built in this process, one at a time.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from django.db import connection

BATCHES_IN_FLIGHT_PER_WORKER = 2

Batch = list[int]


class WorkerFailed(RuntimeError):
    """A worker process could not build a batch: the rebuild stops, the live generation stays."""


def default_workers() -> int:
    """One worker per core this process may run on: the writing process mostly waits on the
    database, and analysis is the larger share of the work."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class DocumentBuilder:
    """`with DocumentBuilder(workers) as builder: for ids, documents in builder.built(batches, generation=…)`."""

    def __init__(self, workers: int):
        self.workers, self.build = workers, build_batch
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> DocumentBuilder:
        if self.workers > 0:
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(dict(connection.settings_dict),),
            )
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def built(self, batches: Iterable[Batch], *, generation: int) -> Iterator[tuple[Batch, list[dict]]]:
        """(ids, documents) for each batch of product ids, in the order given."""
        if self.pool is None:
            for ids in batches:
                yield ids, self.build(ids, generation=generation)
            return
        pending: deque[tuple[Batch, Future]] = deque()
        window = self.workers * BATCHES_IN_FLIGHT_PER_WORKER
        for ids in batches:
            pending.append((ids, self.pool.submit(self.build, ids, generation=generation)))
            if len(pending) >= window:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _result(ids: Batch, future: Future) -> tuple[Batch, list[dict]]:
    try:
        return ids, future.result()
    except BrokenProcessPool as exc:
        raise WorkerFailed(
            f"a worker process building search documents died (listings {ids[0]}–{ids[-1]}); "
            "the live index is unchanged, run the rebuild again"
        ) from exc
    except Exception as exc:
        raise WorkerFailed(
            f"a worker process could not build the search documents of listings {ids[0]}–{ids[-1]}: {exc!r}; "
            "the live index is unchanged"
        ) from exc


def build_batch(ids: Batch, *, generation: int) -> list[dict]:
    # Imported here: a worker unpickles this module before Django is set up in it.
    from tradebridge.search.index import build_documents

    return build_documents(ids, generation=generation)


def _start_worker(database: dict) -> None:
    """Set Django up on the parent's database (a test database has its own name) and load the
    analysis dictionaries, once per worker."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradebridge.settings")
    django.setup()
    from django.db import connections

    connections["default"].settings_dict.update(database)
    from tradebridge.search import text

    text.warm_up()
