"""Database triggers that refuse UPDATE and DELETE on ledger transactions and postings."""

from django.db import migrations

from tradebridge.ledger import guard


def create(apps, schema_editor):
    statements = guard.postgres_create() if schema_editor.connection.vendor == "postgresql" else guard.sqlite_create()
    for sql in statements:
        schema_editor.execute(sql, params=None)


def drop(apps, schema_editor):
    statements = guard.postgres_drop() if schema_editor.connection.vendor == "postgresql" else guard.sqlite_drop()
    for sql in statements:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
