"""Each document carries its supplier's stars and review count, which ranking reads.

On SQLite, Django adds a NOT NULL column with a default by copying the table into a new one,
which would drop the FTS5 triggers of 0004 with the old table (and copy every document).
SQLite's own ALTER TABLE ADD COLUMN adds such a column in place when its default is a constant,
so there the columns are added with it and the triggers stay as they are. PostgreSQL gets
Django's AddField, which adds a column with a constant default without rewriting the table.
Documents written before this say 0 stars from 0 reviews until they are next indexed.
"""

from django.db import migrations, models


class AddFieldInPlace(migrations.AddField):
    """AddField that never rebuilds the table on SQLite."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        model = to_state.apps.get_model(app_label, self.model_name)
        field = model._meta.get_field(self.name)
        definition, params = schema_editor.column_sql(model, field, include_default=True)
        check = field.db_parameters(connection=schema_editor.connection)["check"]
        if check:
            definition += " " + schema_editor.sql_check_constraint % {"check": check}
        quote = schema_editor.quote_name
        schema_editor.execute(
            f"ALTER TABLE {quote(model._meta.db_table)} ADD COLUMN {quote(field.column)} {definition}", params
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_bulk_engine_fill")]

    operations = [
        AddFieldInPlace(model_name="searchdocument", name="stars", field=models.FloatField(default=0)),
        AddFieldInPlace(model_name="searchdocument", name="review_count", field=models.PositiveIntegerField(default=0)),
    ]
