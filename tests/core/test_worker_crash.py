"""Nothing is lost when a worker dies: kill -9 one mid-import, and the next one finishes the job.

Real processes on a real SQLite file: the test suite's own database plays no part.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from bench.import_catalog import generate

SCRIPT = """
import shutil
from django.conf import settings
from django.db import transaction
from tradebridge.companies.models import Company
from tradebridge.core.jobs import start_job
import tradebridge.catalog.tasks
supplier = Company.objects.create(
    kind="supplier", name="Crash Test Ltd", country="GB", companies_house_number="01234567"
)
(settings.MEDIA_ROOT / "imports").mkdir(parents=True, exist_ok=True)
shutil.copy({source!r}, settings.MEDIA_ROOT / "imports" / "big.csv")
with transaction.atomic():
    params = {{"path": "imports/big.csv", "filename": "big.csv"}}
    job = start_job(kind="catalog.import", company=supplier, params=params)
print("JOB", job.pk)
"""


def _env(tmp_path):
    hidden = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY"}
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    return env | {"TRADEBRIDGE_ENV": "development", "TRADEBRIDGE_DATA_DIR": str(tmp_path), "JOB_STALE_SECONDS": "3"}


def _cli(args, env, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "tradebridge.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        **kwargs,
    )


def _job(db, job_id):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT status, progress_done, attempts FROM core_job WHERE id = ?", (job_id,)).fetchone()


def _worker(env):
    return subprocess.Popen(
        [sys.executable, "-m", "tradebridge.cli", "worker", "--interval", "0.2", "--no-startup-delay", "-v", "0"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_a_killed_worker_loses_nothing(tmp_path):
    env = _env(tmp_path)
    source = tmp_path / "big.csv"
    rows = 12_000
    products = generate(source, rows)
    _cli(["migrate", "-v0"], env)
    out = _cli(["shell", "-c", SCRIPT.format(source=str(source))], env).stdout
    job_id = int(out.split("JOB")[1].split()[0])
    db = tmp_path / "tradebridge.sqlite3"

    first = _worker(env)
    try:
        assert _wait(lambda: (_job(db, job_id) or ("", 0, 0))[1] > 0, 120), "the first worker never made progress"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    status, done, _attempts = _job(db, job_id)
    assert status == "running" and 0 < done < rows, "the worker must die mid-import for this test to mean anything"

    second = _worker(env)
    try:
        assert _wait(lambda: _job(db, job_id)[0] in ("succeeded", "failed"), 240), "the job was never finished"
    finally:
        second.terminate()
        second.wait(timeout=20)
    status, done, attempts = _job(db, job_id)
    with sqlite3.connect(db) as conn:
        tasks = conn.execute("SELECT status, worker_ids FROM django_tasks_database_dbtaskresult").fetchall()
    assert (status, attempts) == ("succeeded", 2), tasks
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM catalog_product").fetchone()[0] == products
        assert conn.execute("SELECT count(*) FROM catalog_variant").fetchone()[0] == rows


pytestmark = pytest.mark.slow
