"""Configuration from the environment, and the `tradebridge` command as an operator meets it."""

import os
import sqlite3
import subprocess
import sys

import pytest

from tradebridge import config


@pytest.mark.parametrize(
    "key",
    ["", "short", "django-insecure-" + "x" * 50, "changeme" + "y" * 40, "my-secret-" + "z" * 40],
)
def test_production_refuses_missing_or_insecure_keys(monkeypatch, tmp_path, key):
    monkeypatch.setenv("SECRET_KEY", key)
    with pytest.raises(config.ConfigError):
        config.secret_key("production", tmp_path)


def test_production_accepts_a_strong_key(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "q8Jf2LkP0x" * 5)
    assert config.secret_key("production", tmp_path) == "q8Jf2LkP0x" * 5


def test_demo_keeps_one_generated_key_per_data_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = config.secret_key("demo", tmp_path)
    assert first == config.secret_key("demo", tmp_path)
    assert not config.is_insecure_secret_key(first)
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert first != config.secret_key("demo", tmp_path / "other")


def test_database_url_selects_postgres_or_refuses_others(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tradebridge")
    assert config.database("production", tmp_path)["ENGINE"] == "django.db.backends.postgresql"
    assert config.database("production", tmp_path)["OPTIONS"]["options"] == "-c jit=off"
    # Options the URL gives are the operator's: kept as they are.
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tb?options=-c%20statement_timeout%3D5000")
    assert config.database("production", tmp_path)["OPTIONS"]["options"] == "-c statement_timeout=5000"
    monkeypatch.setenv("DATABASE_URL", "mysql://root@localhost/x")
    with pytest.raises(config.ConfigError):
        config.database("production", tmp_path)


@pytest.mark.parametrize(("raw", "value"), [("true", True), ("0", False), ("", True)])
def test_env_bool(monkeypatch, raw, value):
    monkeypatch.setenv("X_FLAG", raw)
    assert config.env_bool("X_FLAG", True) is value


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(config.ConfigError):
        config.env_bool("X_FLAG", True)


def _clean_env(overrides: dict[str, str]) -> dict[str, str]:
    """What a fresh process would see: not the test suite's own database, key or settings."""
    hidden = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DATABASE_URL"}
    return {k: v for k, v in os.environ.items() if k not in hidden} | overrides


def _run_cli(*args, env_overrides, cwd):
    return subprocess.run(
        [sys.executable, "-m", "tradebridge.cli", *args],
        env=_clean_env(env_overrides),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_refuses_production_without_a_key_in_one_line(tmp_path):
    result = _run_cli(
        "check",
        env_overrides={"TRADEBRIDGE_ENV": "production", "TRADEBRIDGE_DATA_DIR": str(tmp_path)},
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_migrates_sqlite_in_wal_mode_and_writers_wait_for_each_other(tmp_path):
    env = {"TRADEBRIDGE_ENV": "development", "TRADEBRIDGE_DATA_DIR": str(tmp_path)}
    result = _run_cli("migrate", "-v0", env_overrides=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    db = tmp_path / "tradebridge.sqlite3"
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # Two processes write at once through Django: with IMMEDIATE transactions and a busy
    # timeout, the second waits for the first instead of failing with "database is locked".
    script = (
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE']='tradebridge.settings';django.setup();"
        "from django.db import transaction;from tradebridge.accounts.models import LoginAttempt;"
        "from django.utils import timezone;import time\n"
        "for i in range(40):\n"
        "    with transaction.atomic():\n"
        "        LoginAttempt.objects.create(email='w', attempted_at=timezone.now())\n"
        "        time.sleep(0.005)\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script],
            env=_clean_env(env),
            cwd=tmp_path,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert sqlite3.connect(db).execute("SELECT count(*) FROM accounts_loginattempt").fetchone()[0] == 120


def test_unknown_command_is_one_readable_line(tmp_path):
    result = _run_cli(
        "no-such-command",
        env_overrides={"TRADEBRIDGE_ENV": "development", "TRADEBRIDGE_DATA_DIR": str(tmp_path)},
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "Unknown command" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_postgres_connections_do_not_jit_compile():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
