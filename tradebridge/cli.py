"""The `tradebridge` console script: Django's manage.py for this project.

`tradebridge demo` runs in the demo environment unless TRADEBRIDGE_ENV says otherwise, so a
newcomer needs no configuration at all.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradebridge.settings")
    if len(argv) > 1 and argv[1] == "demo":
        os.environ.setdefault("TRADEBRIDGE_ENV", "demo")

    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as exc:
        # A misconfigured deployment deserves one line that names the fix, not a traceback.
        print(f"tradebridge: configuration error: {exc}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
