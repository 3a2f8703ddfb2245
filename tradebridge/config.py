"""Reads the deployment's configuration from the environment, with safe production defaults.

Kept apart from settings.py so the rules (what counts as insecure, where data lives) can be
tested without importing Django settings.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ENVIRONMENTS = ("production", "demo", "development", "test")
# Keys that must never reach production: Django's generated placeholder prefix and ours.
INSECURE_KEY_MARKERS = ("django-insecure", "insecure", "changeme", "change-me", "secret")
MIN_SECRET_KEY_LENGTH = 40


class ConfigError(Exception):
    """The environment cannot run TradeBridge; the message says which variable to fix."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = env_str(name)
    if not raw:
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = env_str(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env_str(name)
    if not raw:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def environment() -> str:
    env = env_str("TRADEBRIDGE_ENV", "production").lower()
    if env not in ENVIRONMENTS:
        raise ConfigError(f"TRADEBRIDGE_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    return env


def data_dir() -> Path:
    return Path(env_str("TRADEBRIDGE_DATA_DIR", "var")).expanduser().resolve()


def is_insecure_secret_key(key: str) -> bool:
    lowered = key.lower()
    return len(key) < MIN_SECRET_KEY_LENGTH or any(m in lowered for m in INSECURE_KEY_MARKERS)


def secret_key(env: str, directory: Path) -> str:
    """Production must bring its own strong key; other environments keep one per data dir.

    A per-directory key (rather than a shared default) means no two demo installs can forge
    each other's sessions, and a restarted demo keeps its users logged in.
    """
    key = env_str("SECRET_KEY")
    if env == "production":
        if not key:
            raise ConfigError(
                "SECRET_KEY is not set. Production needs a long random SECRET_KEY "
                "(or set TRADEBRIDGE_ENV=development to run locally)."
            )
        if is_insecure_secret_key(key):
            raise ConfigError(
                f"SECRET_KEY looks insecure (needs {MIN_SECRET_KEY_LENGTH}+ random characters, "
                "no placeholder words); refusing to start in production."
            )
        return key
    return key or _local_secret(env, directory / "secret_key", nbytes=50)


def payment_simulator_secret(env: str, directory: Path) -> str:
    """The key the simulated payment gateway signs its webhooks with.

    Like SECRET_KEY: from PAYMENT_SIMULATOR_SECRET when set, else one per data directory (a
    fresh one per test run). Production without the variable gets "" and the simulator
    refuses to run, so a live site never trusts a key anyone could read from the docs.
    """
    key = env_str("PAYMENT_SIMULATOR_SECRET")
    if key or env == "production":
        return key
    return _local_secret(env, directory / "payment_simulator_secret", nbytes=32)


def _local_secret(env: str, path: Path, *, nbytes: int) -> str:
    """A fresh secret per test run; elsewhere one kept in the data directory, readable by its
    owner only, so restarts keep sessions and signatures valid."""
    if env == "test":
        return secrets.token_urlsafe(nbytes)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(nbytes))
        path.chmod(0o600)
    return path.read_text().strip()


def database(env: str, directory: Path) -> dict:
    """DATABASE_URL picks the engine; without it, SQLite in the data directory."""
    import dj_database_url

    url = env_str("DATABASE_URL") or f"sqlite:///{directory / 'tradebridge.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    except ValueError as exc:
        raise ConfigError(f"DATABASE_URL is not a database URL this build supports: {exc}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers run beside one writer; IMMEDIATE takes the write lock when the
        # transaction starts, so concurrent writers wait (busy timeout) instead of failing
        # with "database is locked" halfway through. Connections persist like PostgreSQL's:
        # opening one and running these pragmas cost ~3 ms of CPU on every request.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;PRAGMA foreign_keys=ON;"
            ),
        }
        if config["NAME"] != ":memory:":
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    elif config["ENGINE"] in {
        "django.db.backends.postgresql",
        "django.db.backends.postgresql_psycopg2",
    }:
        config["ENGINE"] = "django.db.backends.postgresql"
        config["CONN_HEALTH_CHECKS"] = True
        # JIT compiles a plan's expressions once its estimated cost is high, as a broad search's
        # is: ~20 ms of compiling added to a query that runs in a few hundred, measured at a
        # million listings. Nothing here runs long enough to win it back.
        config.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    else:
        raise ConfigError("DATABASE_URL must point at PostgreSQL (postgres://…) or SQLite (sqlite:///…)")
    return config
