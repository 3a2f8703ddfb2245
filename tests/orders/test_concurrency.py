"""No oversell: confirmations race for one SKU from many threads (SQLite and PostgreSQL) and from
several processes (PostgreSQL, and SQLite's file database too). Stock never goes negative, exactly
as many orders are accepted as the stock covers, and every accepted order holds its units.

SQLite runs against a database file in a data directory of its own, so the hammering leaves the
suite's database alone; PostgreSQL runs against the suite's test database, committed, so other
processes see the same rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.orders import stock_hammer

ROOT = Path(__file__).resolve().parents[2]
HAMMER = (sys.executable, "-m", "tests.orders.stock_hammer")
STOCK, ORDERS, QUANTITY = 50, 30, 5  # room for 10 of the 30 orders


def _env(**extra) -> dict:
    hidden = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "TEST_DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    return env | {"TRADEBRIDGE_ENV": "development", "PYTHONPATH": str(ROOT), "LOG_LEVEL": "WARNING"} | extra


def _run(env, *args) -> dict:
    done = subprocess.run(
        [*HAMMER, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _race(env, membership: int, ids: list[int], processes: int, threads: int) -> list[dict]:
    slices = [ids[i::processes] for i in range(processes)]
    running = [
        subprocess.Popen(
            [*HAMMER, "confirm", "--membership", str(membership), "--threads", str(threads), *map(str, chunk)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for chunk in slices
    ]
    outcomes = []
    for process in running:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-3000:]
        outcomes.append(json.loads(out.strip().splitlines()[-1]))
    return outcomes


def _check(outcomes: list[dict], figures: dict) -> None:
    errors = [e for o in outcomes for e in o["errors"]]
    confirmed = sum(len(o["confirmed"]) for o in outcomes)
    refused = sum(len(o["refused"]) for o in outcomes)
    assert errors == []
    assert confirmed == STOCK // QUANTITY and refused == ORDERS - confirmed
    assert figures["stock"] == STOCK - confirmed * QUANTITY >= 0
    assert figures["confirmed_orders"] == confirmed
    assert figures["reserved"] == figures["confirmed_units"] == confirmed * QUANTITY
    assert figures["orders_without_reservation"] == 0


@pytest.mark.slow
def test_sqlite_threads_and_processes_never_oversell(tmp_path):
    env = _env(TRADEBRIDGE_DATA_DIR=str(tmp_path))
    subprocess.run(
        [sys.executable, "-m", "tradebridge.cli", "migrate", "-v", "0"], env=env, cwd=ROOT, check=True, timeout=300
    )
    data = _run(env, "setup", "--stock", str(STOCK), "--orders", str(ORDERS), "--quantity", str(QUANTITY))
    outcomes = _race(env, data["supplier_membership"], data["orders"], processes=2, threads=4)
    _check(outcomes, _run(env, "report", "--variant", str(data["variant"])))


def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run with TEST_DATABASE_URL=postgres://…")


@pytest.mark.django_db(transaction=True)
def test_postgres_threads_never_oversell():
    _postgres_only()
    data = stock_hammer.setup(stock=STOCK, orders=ORDERS, quantity=QUANTITY)
    outcome = stock_hammer.confirm_all(data["supplier_membership"], data["orders"], threads=8)
    _check([outcome], stock_hammer.report(data["variant"]))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_postgres_processes_never_oversell():
    _postgres_only()
    data = stock_hammer.setup(stock=STOCK, orders=ORDERS, quantity=QUANTITY)
    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    outcomes = _race(_env(DATABASE_URL=url), data["supplier_membership"], data["orders"], processes=3, threads=4)
    _check(outcomes, stock_hammer.report(data["variant"]))
