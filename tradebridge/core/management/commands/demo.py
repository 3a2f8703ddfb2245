"""`tradebridge demo`: migrate the embedded database, load the demo data, serve on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from tradebridge.demo.dataset import AGENCY, BUYERS, DEMO_PASSWORD, OPERATOR, SUPPLIERS
from tradebridge.demo.loader import load_demo


class Command(BaseCommand):
    help = "Set up the demo marketplace in TRADEBRIDGE_DATA_DIR (default ./var) and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port on 127.0.0.1 (default 8000).")
        parser.add_argument("--fresh", action="store_true", help="Delete the demo database and start over.")
        parser.add_argument("--no-serve", action="store_true", help="Prepare the data, then exit.")

    def handle(self, *args, port: int, fresh: bool, no_serve: bool, **options):
        if not 1 <= port <= 65535:
            raise CommandError(f"--port must be between 1 and 65535, not {port}")
        database = settings.DATABASES["default"]
        if fresh:
            if database["ENGINE"] != "django.db.backends.sqlite3":
                raise CommandError("--fresh only deletes the embedded SQLite database; unset DATABASE_URL.")
            self._delete_sqlite(database["NAME"])
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        self.stdout.write(f"Data directory: {settings.DATA_DIR}")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        created = load_demo()
        self.stdout.write(
            f"Demo data ready ({created['companies']} companies, {created['users']} users, "
            f"{created['products']} products added)."
        )
        self._print_logins(port)
        if not no_serve:
            worker = self._start_worker()
            # SIGTERM would otherwise end the process without running `finally`, leaving the
            # worker behind; as SystemExit it unwinds and stops the worker too.
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            try:
                call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)
            finally:
                worker.terminate()
                worker.wait(timeout=10)

    def _start_worker(self) -> subprocess.Popen:
        """Imports and translations run in the background; the demo brings its own worker."""
        self.stdout.write("Starting a background worker.")
        return subprocess.Popen(
            [sys.executable, "-m", "tradebridge.cli", "worker", "--interval", "0.5", "--no-startup-delay", "-v", "0"],
            env=os.environ.copy(),
        )

    def _delete_sqlite(self, name) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
        self.stdout.write("Removed the old demo database.")

    def _print_logins(self, port: int) -> None:
        self.stdout.write(self.style.SUCCESS(f"\nTradeBridge demo: http://127.0.0.1:{port}/"))
        self.stdout.write(f"Every demo login uses the password: {DEMO_PASSWORD}")
        for label, spec in (
            ("Supplier", SUPPLIERS[0]),
            ("Buyer", BUYERS[0]),
            ("Agency adviser", AGENCY),
            ("Operator (admin)", OPERATOR),
        ):
            self.stdout.write(f"  {label:18} {spec.users[0].email}")
        self.stdout.write("")
