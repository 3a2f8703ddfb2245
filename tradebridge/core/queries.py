"""Query helpers shared by the apps' services and selectors."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, cached_property

from django.db import connection
from django.db.models import Model, QuerySet


def one(rows: QuerySet) -> Model | None:
    """The row a lookup by a unique key finds, or None.

    `first()` would add an ORDER BY (the model's ordering, else the primary key), and Django
    compiles each ORDER BY term by comparing it with every selected column: about 0.5 ms of CPU
    on a wide select_related query, on every request, to order a single row."""
    for row in rows.order_by()[:1]:
        return row
    return None


def is_key(value) -> bool:
    """Whether `value` can be a primary key, so a hand-written lookup can answer "not found" for
    an out-of-range id as the ORM does, instead of the database refusing the parameter."""
    return isinstance(value, int) and -(2**63) <= value < 2**63


def page_of(rows: QuerySet, *, limit: int, offset: int, most: int) -> list:
    """One page of `rows` for a list endpoint: `limit` held to 1..`most`, `offset` to 0 and up.
    An offset no 64-bit row count reaches is an empty page; the engines would refuse it."""
    limit, offset = max(1, min(limit, most)), max(0, offset)
    if offset + limit >= 2**63:
        return []
    return list(rows[offset : offset + limit])


def among(column: str, ids: Sequence[int]) -> tuple[str, list]:
    """`column` is one of `ids` (not empty), as SQL and its parameters. On PostgreSQL one array
    parameter, so the statement's text, which `_cursor` prepares it by, is the same however
    many ids there are (an IN list would prepare one statement per length)."""
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [list(ids)]
    return f"{column} IN ({', '.join(['%s'] * len(ids))})", list(ids)


class Columns:
    """Every concrete column of a model under a table alias, for a hand-written SELECT.

    For the few reads on every API request or every step of a purchase, where the ORM spends
    about a millisecond of CPU compiling a wide select_related query, several times what the
    database spends running it. `select` loads the rows into the same model instances the ORM
    builds, through the same database converters, so callers cannot tell the difference.
    Declared once at module level; the SQL is written on first use."""

    def __init__(self, model: type[Model], alias: str):
        self.model, self.alias = model, alias
        self.fields = model._meta.concrete_fields

    @cached_property
    def sql(self) -> str:
        quote = connection.ops.quote_name  # double quotes on both engines
        return ", ".join(f"{self.alias}.{quote(f.column)}" for f in self.fields)

    @cached_property
    def name(self) -> str:
        return connection.ops.quote_name(self.model._meta.db_table)

    @cached_property
    def table(self) -> str:
        return f"{self.name} {self.alias}"

    def load(self, values: Sequence) -> Model:
        converted = list(values)
        for index, column, converters in _converters(self.model, connection.vendor):
            value = converted[index]
            for convert in converters:
                value = convert(value, column, connection)
            converted[index] = value
        return self.model.from_db(connection.alias, None, converted)


@cache
def _converters(model: type[Model], vendor: str) -> list[tuple[int, object, list]]:
    """(position, column, converters) for the columns whose raw value needs converting."""
    found = []
    for index, field in enumerate(model._meta.concrete_fields):
        column = field.get_col(model._meta.db_table)
        converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if converters:
            found.append((index, column, converters))
    return found


def select(shapes: Sequence[Columns], rest: str, params: Sequence = (), extra: Sequence[str] = ()) -> list[tuple]:
    """Run `SELECT <every shape's columns>, <extra> <rest>` and split each row into one instance
    per shape, followed by the extra values as they came back."""
    select_list = ", ".join([s.sql for s in shapes] + list(extra))
    with _cursor() as cursor:
        cursor.execute(f"SELECT {select_list} {rest}", params)
        rows = cursor.fetchall()
    loaded = []
    for row in rows:
        start, values = 0, []
        for shape in shapes:
            end = start + len(shape.fields)
            values.append(shape.load(row[start:end]))
            start = end
        loaded.append((*values, *row[start:]))
    return loaded


def select_one(shape: Columns, rest: str, params: Sequence = ()) -> Model | None:
    """The instance a lookup by a unique key finds, or None."""
    found = select((shape,), rest, params)
    return found[0][0] if found else None


def for_update(lock: bool = True, *, of: str = "") -> str:
    """The clause that holds the selected rows (of the table aliased `of`, else all) until the
    commit, or "" where the engine has none: SQLite's transactions are immediate, so the whole
    database is held already."""
    if not lock or not connection.features.has_select_for_update:
        return ""
    if of and connection.features.has_select_for_update_of:
        return f" FOR UPDATE OF {of}"
    return " FOR UPDATE"


def _cursor():
    """Django's cursor, so query logging, execute wrappers and error translation apply. On
    PostgreSQL it wraps a cursor that binds parameters on the server and prepares each statement
    on its connection: these few statements run on nearly every request, and PostgreSQL spent
    more CPU parsing and planning their joins (~0.3 ms each) than running them. Everything else
    keeps Django's client-side binding, under which search's statements get a plan made for
    their own terms every time (a generic plan, prepared once, served them worse)."""
    if connection.vendor != "postgresql" or connection.queries_logged:
        # Logged queries (DEBUG, a test counting them) need the text a client-side cursor
        # keeps; a prepared statement's is not kept.
        return connection.cursor()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    if connection.connection.prepare_threshold is None:
        # Django switches preparing off for the whole connection; let a statement be prepared
        # when its cursor asks. Django's own cursors bind on the client and never ask.
        connection.connection.prepare_threshold = _ONLY_WHEN_ASKED
    with connection.wrap_database_errors:
        raw = _prepared_cursor_class()(connection.connection)
    connection.validate_thread_sharing()
    return connection.make_cursor(raw)


_ONLY_WHEN_ASKED = 2**31 - 1


@cache
def _prepared_cursor_class():
    import psycopg

    class PreparedCursor(psycopg.Cursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    return PreparedCursor
