"""`tradebridge ledger-check` as an operator runs it: a real process, its exit status and its
output, against a SQLite file that another client (Python's sqlite3) has written to."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def tradebridge(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY"}}
    env.update(TRADEBRIDGE_ENV="development", TRADEBRIDGE_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "tradebridge.cli", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("ledger-cli")
    migrated = tradebridge(directory, "migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    return directory


def test_exit_status_is_0_for_a_sound_ledger_and_1_with_one_line_per_breach(data_dir):
    sound = tradebridge(data_dir, "ledger-check")
    assert sound.returncode == 0, sound.stderr
    assert "Ledger OK: 0 transactions" in sound.stdout

    with sqlite3.connect(data_dir / "tradebridge.sqlite3") as db:
        now = "2026-12-01 12:00:00"
        db.execute(
            "INSERT INTO ledger_ledgeraccount (kind, currency, created_at) VALUES ('escrow_held', 'CNY', ?)", [now]
        )
        db.execute("INSERT INTO ledger_ledgeraccount (kind, currency, created_at) VALUES ('fx', 'CNY', ?)", [now])
        db.execute(
            "INSERT INTO ledger_ledgertransaction (kind, reference, order_id, memo, created_at) "
            "VALUES ('payment', 'forged', 7, '', ?)",
            [now],
        )
        db.execute("INSERT INTO ledger_posting (transaction_id, account_id, amount, currency) VALUES (1, 1, 10, 'CNY')")
        db.execute("INSERT INTO ledger_posting (transaction_id, account_id, amount, currency) VALUES (1, 2, -9, 'CNY')")
        # Outside Django the append-only guard still holds: the trigger's function is missing.
        with pytest.raises(sqlite3.OperationalError, match="tradebridge_ledger_locked"):
            db.execute("UPDATE ledger_posting SET amount = -10 WHERE id = 2")

    broken = tradebridge(data_dir, "ledger-check")
    assert broken.returncode == 1
    assert "transaction 1 (payment forged) does not balance in CNY: postings sum to +1" in broken.stderr
    assert "Traceback" not in broken.stderr
