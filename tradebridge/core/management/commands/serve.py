"""`tradebridge serve`: the production server, gunicorn with several workers."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve TradeBridge with gunicorn (honours DATABASE_URL; static files via WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}"))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", 0)) or None,
            help="Worker processes (default: 2 × CPUs + 1, or WEB_CONCURRENCY).",
        )
        parser.add_argument("--timeout", type=int, default=60)
        parser.add_argument("--migrate", action="store_true", help="Apply migrations before serving.")
        parser.add_argument("--no-collectstatic", action="store_true")

    def handle(
        self,
        *args,
        bind: str,
        workers: int | None,
        timeout: int,
        migrate: bool,
        no_collectstatic: bool,
        **options,
    ):
        workers = workers or (2 * (os.cpu_count() or 1) + 1)
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        if migrate:
            call_command("migrate", interactive=False, verbosity=1)
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(
            f"TradeBridge on http://{bind} with {workers} workers "
            f"({settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]})"
        )
        from tradebridge.core.gunicorn_app import run

        run(bind=bind, workers=workers, timeout=timeout)
