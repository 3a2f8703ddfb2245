"""INSERT many rows with one executemany, for the import's hot path.

`bulk_create` prepares every value through its field (about 40 columns per product), which is
most of an import's time. Plain values (text, integers, booleans, foreign keys) need no
preparation; only decimals, datetimes and JSON go through their field, as the ORM would.
"""

from __future__ import annotations

from django.db import connections, models, router
from django.utils import timezone

_PREPARED = (models.DecimalField, models.DateTimeField, models.JSONField, models.FileField)


def insert_many(model: type[models.Model], rows: list[models.Model | dict]) -> None:
    """Insert rows without reading their ids back. A row is an unsaved instance, or a dict of
    column attnames (`product_id`) where missing columns take the field's default."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    # Identifiers come from the model's own metadata, quoted by the backend; values are parameters.
    insert = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES "  # noqa: S608
    prepared = [isinstance(f, _PREPARED) for f in fields]
    values = [_values(model, row, fields) for row in rows]
    params = [
        [
            field.get_db_prep_save(v, connection) if prepare and v is not None else v
            for field, prepare, v in zip(fields, prepared, row, strict=True)
        ]
        for row in values
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command, with no statement to build or parse.
            with cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
                for row in params:
                    copy.write_row(row)
            return
        # SQLite runs in-process, where executemany is the fastest way in.
        cursor.executemany(insert + row_sql, params)


def _values(model, row, fields) -> list:
    if isinstance(row, dict):
        return [
            row[f.attname] if f.attname in row else (timezone.now() if _is_auto_time(f) else f.get_default())
            for f in fields
        ]
    for field in fields:
        if _is_auto_time(field):
            field.pre_save(row, add=True)
    return [getattr(row, f.attname) for f in fields]


def _is_auto_time(field) -> bool:
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
