"""The database side of append-only: SQL for the triggers, and the one sanctioned way past them.

PostgreSQL refuses UPDATE and DELETE on ledger rows with a PL/pgSQL trigger. SQLite's triggers
ask a function, `tradebridge_ledger_locked()`, registered on every connection Django opens; a
client without it (the sqlite3 shell) gets "no such function" and is refused just the same.
`unlocked()` lifts the SQLite guard for the current thread; only `flush` uses it, because
erasing a whole database (PostgreSQL's TRUNCATE) is not an edit of the ledger.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

SQLITE_FUNCTION = "tradebridge_ledger_locked"
GUARDED_TABLES = ("ledger_posting", "ledger_ledgertransaction")
_unlocked: ContextVar[bool] = ContextVar("ledger_unlocked", default=False)


def _locked() -> int:
    return 0 if _unlocked.get() else 1


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """connection_created receiver: give each SQLite connection the guard's function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 0, _locked)


@contextmanager
def unlocked() -> Iterator[None]:
    token = _unlocked.set(True)
    try:
        yield
    finally:
        _unlocked.reset(token)


def sqlite_create() -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} WHEN {SQLITE_FUNCTION}() "
        f"BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: post a reversal instead'); END"
        for table in GUARDED_TABLES
        for op in ("UPDATE", "DELETE")
    ]


def sqlite_drop() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_{op.lower()}" for table in GUARDED_TABLES for op in ("UPDATE", "DELETE")
    ]


POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only: post a reversal instead (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$
"""


def postgres_create() -> list[str]:
    return [POSTGRES_FUNCTION] + [
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()"
        for table in GUARDED_TABLES
    ]


def postgres_drop() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}" for table in GUARDED_TABLES] + [
        "DROP FUNCTION IF EXISTS ledger_refuse_change()"
    ]
