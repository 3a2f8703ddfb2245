"""The full-text structures of the engine in use, beside `search_searchdocument`.

SQLite: an FTS5 table over the document's token columns, with external content (the tokens are
stored once, in the document table) kept in step by triggers. A later migration that makes
Django rebuild `search_searchdocument` on SQLite drops these triggers: it must recreate them.

PostgreSQL: a stored generated tsvector (title A, attributes B, body C, pinyin D, the 'simple'
configuration since the text is already tokenised) with a GIN index; pg_trgm indexes on company
names for supplier search by any part of a name.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, attrs, body, pinyin, "
    "content='search_searchdocument', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
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
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE search_searchdocument ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, attrs), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'C') || "
    "setweight(to_tsvector('simple'::regconfig, pinyin), 'D')) STORED",
    "CREATE INDEX search_document_tsv ON search_searchdocument USING GIN (tsv)",
    "CREATE INDEX search_company_name_trgm ON companies_company USING GIN (lower(name) gin_trgm_ops)",
    "CREATE INDEX search_company_name_zh_trgm ON companies_company USING GIN (name_zh gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_company_name_zh_trgm",
    "DROP INDEX IF EXISTS search_company_name_trgm",
    "DROP INDEX IF EXISTS search_document_tsv",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS tsv",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial"), ("companies", "0002_company_slug")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
