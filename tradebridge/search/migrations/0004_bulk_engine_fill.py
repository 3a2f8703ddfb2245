"""SQLite: the FTS5 triggers leave alone the documents of a generation being rebuilt, which the
rebuild adds to FTS5 in bulk (one INSERT … SELECT per slice, see services.rebuild_index): row by
row through triggers, the engine's index was most of a rebuild's time.

`IndexState.engine_through` records how far the bulk fill has got: documents of the building
generation with an id up to it are in FTS5, so the triggers keep those in step again.
A rebuild in progress when this runs (its rows were indexed by the old triggers) is dropped
first; the next rebuild starts over, as after any rebuild that died.
"""

from django.db import migrations, models

# Constant SQL throughout (no values are interpolated), hence the S608 waivers below.
# A row is in FTS5 unless it belongs to the generation being built and lies beyond the bulk fill.
_IN_ENGINE = (
    "{row}.generation IS NOT (SELECT building FROM search_indexstate WHERE id = 1) "
    "OR {row}.id <= COALESCE((SELECT engine_through FROM search_indexstate WHERE id = 1), 0)"
)
SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument "  # noqa: S608
    f"WHEN {_IN_ENGINE.format(row='new')} BEGIN "
    "INSERT INTO search_fts(rowid, title, attrs, body, pinyin) "
    "VALUES (new.id, new.title, new.attrs, new.body, new.pinyin); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument "  # noqa: S608
    f"WHEN {_IN_ENGINE.format(row='old')} BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, attrs, body, pinyin) "
    "VALUES ('delete', old.id, old.title, old.attrs, old.body, old.pinyin); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE OF title, attrs, body, pinyin ON search_searchdocument "  # noqa: S608
    f"WHEN {_IN_ENGINE.format(row='old')} BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, attrs, body, pinyin) "
    "VALUES ('delete', old.id, old.title, old.attrs, old.body, old.pinyin); "
    "INSERT INTO search_fts(rowid, title, attrs, body, pinyin) "
    "VALUES (new.id, new.title, new.attrs, new.body, new.pinyin); END",
]
# Back to the triggers of 0002_engine.
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(rowid, title, attrs, body, pinyin) "
    "VALUES (new.id, new.title, new.attrs, new.body, new.pinyin); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, attrs, body, pinyin) "
    "VALUES ('delete', old.id, old.title, old.attrs, old.body, old.pinyin); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE OF title, attrs, body, pinyin ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, attrs, body, pinyin) "
    "VALUES ('delete', old.id, old.title, old.attrs, old.body, old.pinyin); "
    "INSERT INTO search_fts(rowid, title, attrs, body, pinyin) "
    "VALUES (new.id, new.title, new.attrs, new.body, new.pinyin); END",
]


def _drop_unfinished_rebuild(apps, schema_editor):
    IndexState = apps.get_model("search", "IndexState")
    SearchDocument = apps.get_model("search", "SearchDocument")
    for state in IndexState.objects.filter(building__isnull=False):
        SearchDocument.objects.filter(generation=state.building).delete()
        state.building = None
        state.save(update_fields=["building"])


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_facet_indexes")]

    operations = [
        migrations.RunPython(_drop_unfinished_rebuild, migrations.RunPython.noop),
        migrations.AddField(
            model_name="indexstate",
            name="engine_through",
            field=models.BigIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(_run(SQLITE_FORWARD), _run(SQLITE_BACKWARD)),
    ]
