"""`tradebridge worker`: run background tasks, and queue again jobs whose worker died."""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from tradebridge.core.jobs import recover_stale_jobs, recover_stale_tasks

log = logging.getLogger(__name__)


def _watch_for_stale_jobs(stop: threading.Event) -> None:
    while not stop.wait(settings.JOB_STALE_SECONDS / 2):
        try:
            recover_stale_jobs()
            recover_stale_tasks()
        except Exception:  # the watchdog must outlive a passing database error
            log.exception("Stale job check failed")
        finally:
            close_old_connections()


class Command(DbWorkerCommand):
    help = "Run background tasks (imports, translation, emails, webhooks, timers). Safe to run several at once."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The autoreloader runs tasks in a child process, so stopping "the worker" would leave
        # an orphan running them; reload only when asked for.
        parser.set_defaults(reload=False)

    def handle(self, *args, **options):
        recover_stale_jobs()
        recover_stale_tasks()
        close_old_connections()
        stop = threading.Event()
        watchdog = threading.Thread(target=_watch_for_stale_jobs, args=(stop,), daemon=True)
        watchdog.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
