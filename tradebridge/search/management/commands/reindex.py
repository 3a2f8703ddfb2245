"""`tradebridge reindex`: rebuild the search index from scratch while search stays up."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from tradebridge.search.document_workers import default_workers
from tradebridge.search.services import REBUILD_BATCH, rebuild_index

BAR_WIDTH = 30
LINE_EVERY = 10_000  # listings between progress lines when output is not a terminal
WORKERS_PER_CORE_MAX = 4  # more only queue for the same cores and the one writer


class Command(BaseCommand):
    help = "Rebuild the search index into a new generation, then switch searches to it."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=REBUILD_BATCH, help="Listings per transaction")
        parser.add_argument(
            "--workers", type=int, default=None, help="Processes building documents (default: one per core; 0: none)"
        )

    def handle(self, *args, batch_size: int, workers: int | None, **options):
        most = WORKERS_PER_CORE_MAX * default_workers()
        if workers is not None and not 0 <= workers <= most:
            raise CommandError(f"--workers must be between 0 and {most} ({WORKERS_PER_CORE_MAX} per core).")
        started = time.monotonic()
        progress = _Bar(sys.stderr, started) if sys.stderr.isatty() else _Lines(self.stdout, started)
        count = rebuild_index(progress, batch_size=max(1, min(batch_size, 50_000)), workers=workers)
        progress.finish()
        elapsed = time.monotonic() - started
        rate = count / elapsed if elapsed else 0
        self.stdout.write(f"Indexed {count:,} published listings in {elapsed:.1f} s ({rate:,.0f} listings/s).")


class _Bar:
    def __init__(self, stream, started: float):
        self.stream, self.started, self.shown = stream, started, False

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1
        filled = int(BAR_WIDTH * share)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {share:6.1%} {done:,}/{total:,} ({rate:,.0f}/s)")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")


class _Lines:
    def __init__(self, stdout, started: float):
        self.stdout, self.started, self.next_line = stdout, started, LINE_EVERY

    def __call__(self, done: int, total: int) -> None:
        if done >= self.next_line or done == total:
            rate = done / max(time.monotonic() - self.started, 1e-6)
            self.stdout.write(f"{done:,}/{total:,} listings indexed ({rate:,.0f}/s)")
            while self.next_line <= done:
                self.next_line += LINE_EVERY

    def finish(self) -> None:
        pass
