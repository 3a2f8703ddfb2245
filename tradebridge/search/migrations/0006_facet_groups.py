"""Facet groups: how many documents of the live generation share each combination of the facet
columns, kept in step by triggers on `search_searchdocument`, so a browse without text counts
its facets from a few thousand rows instead of every document (see search/facet_groups.py).

Only the live generation (IndexState.generation) is maintained: the triggers leave alone the
generation being rebuilt, which the rebuild groups in one INSERT … SELECT as it switches to it,
and the old one, whose rows it deletes at the switch (its documents then go without a trigger
doing any work). This adds a table and triggers only: `search_searchdocument` is not rebuilt,
so 0004's FTS5 triggers stay (see 0005).

SQLite gets row triggers (an upsert per document). PostgreSQL gets statement triggers over the
transition tables: one upsert of the statement's net change per group, in key order, so two
statements touching the same groups lock them in the same order.
"""

from django.db import migrations, models

_KEY = "generation, category_path, origin, cert_mask, supplier_verified, sample_available"
_LIVE = "COALESCE((SELECT generation FROM search_indexstate WHERE id = 1), 1)"

# Constant SQL throughout (no values are interpolated), hence the S608 waivers below.
_SQLITE_ADD = (
    f"INSERT INTO search_facetgroup ({_KEY}, documents) VALUES "  # noqa: S608
    "({row}.generation, {row}.category_path, {row}.origin, {row}.cert_mask, {row}.supplier_verified, "
    "{row}.sample_available, 1) "
    f"ON CONFLICT ({_KEY}) DO UPDATE SET documents = documents + 1"
)
_SQLITE_REMOVE = (
    "UPDATE search_facetgroup SET documents = documents - 1 WHERE generation = {row}.generation "
    "AND category_path = {row}.category_path AND origin = {row}.origin AND cert_mask = {row}.cert_mask "
    "AND supplier_verified = {row}.supplier_verified AND sample_available = {row}.sample_available"
)
_SQLITE_UPDATED = "AFTER UPDATE OF " + _KEY + " ON search_searchdocument"
SQLITE_FORWARD = [
    "CREATE TRIGGER search_facet_insert AFTER INSERT ON search_searchdocument "  # noqa: S608
    f"WHEN new.generation = {_LIVE} BEGIN {_SQLITE_ADD.format(row='new')}; END",
    "CREATE TRIGGER search_facet_delete AFTER DELETE ON search_searchdocument "  # noqa: S608
    f"WHEN old.generation = {_LIVE} BEGIN {_SQLITE_REMOVE.format(row='old')}; END",
    f"CREATE TRIGGER search_facet_update_old {_SQLITE_UPDATED} "  # noqa: S608
    f"WHEN old.generation = {_LIVE} BEGIN {_SQLITE_REMOVE.format(row='old')}; END",
    f"CREATE TRIGGER search_facet_update_new {_SQLITE_UPDATED} "  # noqa: S608
    f"WHEN new.generation = {_LIVE} BEGIN {_SQLITE_ADD.format(row='new')}; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_facet_insert",
    "DROP TRIGGER IF EXISTS search_facet_delete",
    "DROP TRIGGER IF EXISTS search_facet_update_old",
    "DROP TRIGGER IF EXISTS search_facet_update_new",
]

# The net change of a statement per group: -1 per old row, +1 per new row, of the live generation.
_PG_CHANGE = (
    f"INSERT INTO search_facetgroup ({_KEY}, documents) "  # noqa: S608
    f"SELECT {_KEY}, SUM(change) FROM ({{rows}}) AS changed WHERE generation = live "
    f"GROUP BY {_KEY} HAVING SUM(change) <> 0 ORDER BY {_KEY} "
    f"ON CONFLICT ({_KEY}) DO UPDATE SET documents = search_facetgroup.documents + EXCLUDED.documents"
)
_PG_OLD = f"SELECT {_KEY}, -1 AS change FROM old_rows"  # noqa: S608
_PG_NEW = f"SELECT {_KEY}, 1 AS change FROM new_rows"  # noqa: S608
POSTGRES_FORWARD = [
    "CREATE FUNCTION search_facet_groups_follow() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"DECLARE live bigint := {_LIVE}; "
    "BEGIN "
    f"IF TG_OP = 'INSERT' THEN {_PG_CHANGE.format(rows=_PG_NEW)}; "
    f"ELSIF TG_OP = 'DELETE' THEN {_PG_CHANGE.format(rows=_PG_OLD)}; "
    f"ELSE {_PG_CHANGE.format(rows=_PG_OLD + ' UNION ALL ' + _PG_NEW)}; "
    "END IF; RETURN NULL; END $$",
    "CREATE TRIGGER search_facet_insert AFTER INSERT ON search_searchdocument "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_groups_follow()",
    "CREATE TRIGGER search_facet_delete AFTER DELETE ON search_searchdocument "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_groups_follow()",
    # Transition tables rule out a column list: every UPDATE fires it, and nets out to nothing
    # unless a facet column or the generation changed.
    "CREATE TRIGGER search_facet_update AFTER UPDATE ON search_searchdocument "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_facet_groups_follow()",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_facet_update ON search_searchdocument",
    "DROP TRIGGER IF EXISTS search_facet_delete ON search_searchdocument",
    "DROP TRIGGER IF EXISTS search_facet_insert ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_facet_groups_follow()",
]
# A browse's page in the order of its sort (selectors._sort_keys, ties by product id) read off an
# index instead of sorting the generation. PostgreSQL puts NULLs first in a DESC index unless
# told; SQLite puts them last and refuses to be told. Price sorts convert each currency at
# the rates in force, which no index can hold. Relevance without text (boost, then newest):
# 0003's search_doc_browse serves SQLite, not PostgreSQL (NULLs first), which gets its own.
_SORT_INDEXES = {
    "search_doc_newest": ("generation, published_at DESC{nulls_last}, product_id", ("sqlite", "postgresql")),
    "search_doc_moq": ("generation, moq, product_id", ("sqlite", "postgresql")),
    "search_doc_boosted": ("generation, boost DESC, published_at DESC{nulls_last}, product_id", ("postgresql",)),
}
_NULLS_LAST = {"sqlite": "", "postgresql": " NULLS LAST"}


def _sort_indexes(vendor):
    return [
        f"CREATE INDEX {name} ON search_searchdocument ({columns.format(nulls_last=_NULLS_LAST[vendor])})"
        for name, (columns, vendors) in _SORT_INDEXES.items()
        if vendor in vendors
    ]


# The live generation's groups as they stand; the statement the rebuild runs at its switch.
FILL = (
    f"INSERT INTO search_facetgroup ({_KEY}, documents) "  # noqa: S608
    f"SELECT {_KEY}, COUNT(*) FROM search_searchdocument WHERE generation = %s GROUP BY {_KEY}"
)


def _forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}[vendor] + _sort_indexes(vendor)
    for statement in statements:
        schema_editor.execute(statement)
    IndexState = apps.get_model("search", "IndexState")
    live = IndexState.objects.filter(pk=1).values_list("generation", flat=True).first() or 1
    schema_editor.execute(FILL, [live])


def _backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}[schema_editor.connection.vendor]
    statements += [f"DROP INDEX IF EXISTS {name}" for name in _SORT_INDEXES]
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_supplier_stars")]

    operations = [
        migrations.CreateModel(
            name="FacetGroup",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("generation", models.PositiveIntegerField()),
                ("category_path", models.CharField(blank=True, max_length=500)),
                ("origin", models.CharField(blank=True, max_length=2)),
                ("cert_mask", models.BigIntegerField()),
                ("supplier_verified", models.BooleanField()),
                ("sample_available", models.BooleanField()),
                ("documents", models.BigIntegerField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=(
                            "generation",
                            "category_path",
                            "origin",
                            "cert_mask",
                            "supplier_verified",
                            "sample_available",
                        ),
                        name="search_facet_group_key",
                    )
                ],
                "indexes": [
                    models.Index(
                        fields=[
                            "generation",
                            "category_path",
                            "origin",
                            "cert_mask",
                            "supplier_verified",
                            "sample_available",
                            "documents",
                        ],
                        name="search_facet_paths",
                    ),
                    models.Index(
                        fields=[
                            "generation",
                            "origin",
                            "cert_mask",
                            "supplier_verified",
                            "sample_available",
                            "category_path",
                            "documents",
                        ],
                        name="search_facet_flags",
                    ),
                ],
            },
        ),
        migrations.RunPython(_forward, _backward),
    ]
