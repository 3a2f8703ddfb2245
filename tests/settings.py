"""Settings for the test suite: the real settings, in the test environment.

SQLite by default; PostgreSQL when TEST_DATABASE_URL is given (pytest-django creates and drops
its own test_… database there). Data and media go to a throwaway directory.
"""

import os
import tempfile

os.environ["TRADEBRIDGE_ENV"] = "test"
os.environ.setdefault("TRADEBRIDGE_DATA_DIR", tempfile.mkdtemp(prefix="tradebridge-test-"))
if os.environ.get("TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["TEST_DATABASE_URL"]
else:
    os.environ.pop("DATABASE_URL", None)

from tradebridge.settings import *  # noqa: F403

# Argon2 is deliberately slow; tests that are about hashing switch it back on.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as in production, not Django's shared in-memory database: with that, the live
    # server's request threads and the test thread all share one connection, so the browser
    # tests' concurrent requests (a POST while htmx checks are in flight) ran on one
    # connection's transaction state. pytest-xdist suffixes the name per worker.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(os.environ["TRADEBRIDGE_DATA_DIR"], "test.sqlite3")}  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
