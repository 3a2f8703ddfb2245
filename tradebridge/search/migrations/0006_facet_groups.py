"""Facet groups: how many documents of the live generation share each combination of the facet
columns (and two projections of them), kept in step by triggers on `search_searchdocument`, so
a browse without text counts its facets from small tables instead of every document (see
models.FacetGroup and facets.Tally.summed).

Only the live generation (IndexState.generation) is maintained: the triggers leave alone the
generation being rebuilt, which the rebuild groups in one INSERT … SELECT per table as it
switches to it, and the old one, whose rows it deletes at the switch (its documents then go
without a trigger doing any work). This adds tables, triggers and indexes only:
`search_searchdocument` is not rebuilt, so 0004's FTS5 triggers stay (see 0005).

SQLite gets row triggers (an upsert per document and table). PostgreSQL gets statement
triggers over the transition tables: one upsert of the statement's net change per group, in
key order, so two statements touching the same groups lock them in the same order.

It also adds the indexes a browse's page is read from in its sort order (see below).
"""

from django.db import migrations, models

# Each table of groups and the columns it groups by.
GROUPINGS = {
    "search_facetgroup": "generation, category_path, origin, cert_mask, supplier_verified, sample_available",
    "search_pathgroup": "generation, category_path, origin, supplier_verified, sample_available",
    "search_flaggroup": "generation, origin, cert_mask, supplier_verified, sample_available",
}
_LIVE = "COALESCE((SELECT generation FROM search_indexstate WHERE id = 1), 1)"


def _columns(key: str) -> list[str]:
    return [c.strip() for c in key.split(",")]


# Constant SQL throughout (no values are interpolated), hence the S608 waivers below.
def _sqlite_add(row: str) -> str:
    return " ".join(
        f"INSERT INTO {table} ({key}, documents) VALUES "  # noqa: S608
        f"({', '.join(f'{row}.{c}' for c in _columns(key))}, 1) "
        f"ON CONFLICT ({key}) DO UPDATE SET documents = documents + 1;"
        for table, key in GROUPINGS.items()
    )


def _sqlite_remove(row: str) -> str:
    return " ".join(
        f"UPDATE {table} SET documents = documents - 1 WHERE "  # noqa: S608
        + " AND ".join(f"{c} = {row}.{c}" for c in _columns(key))
        + ";"
        for table, key in GROUPINGS.items()
    )


_SQLITE_UPDATED = "AFTER UPDATE OF " + GROUPINGS["search_facetgroup"] + " ON search_searchdocument"
SQLITE_FORWARD = [
    "CREATE TRIGGER search_facet_insert AFTER INSERT ON search_searchdocument "
    f"WHEN new.generation = {_LIVE} BEGIN {_sqlite_add('new')} END",
    "CREATE TRIGGER search_facet_delete AFTER DELETE ON search_searchdocument "
    f"WHEN old.generation = {_LIVE} BEGIN {_sqlite_remove('old')} END",
    f"CREATE TRIGGER search_facet_update_old {_SQLITE_UPDATED} "
    f"WHEN old.generation = {_LIVE} BEGIN {_sqlite_remove('old')} END",
    f"CREATE TRIGGER search_facet_update_new {_SQLITE_UPDATED} "
    f"WHEN new.generation = {_LIVE} BEGIN {_sqlite_add('new')} END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_facet_insert",
    "DROP TRIGGER IF EXISTS search_facet_delete",
    "DROP TRIGGER IF EXISTS search_facet_update_old",
    "DROP TRIGGER IF EXISTS search_facet_update_new",
]

_KEY = GROUPINGS["search_facetgroup"]
_PG_OLD = f"SELECT {_KEY}, -1 AS change FROM old_rows"  # noqa: S608
_PG_NEW = f"SELECT {_KEY}, 1 AS change FROM new_rows"  # noqa: S608


def _pg_change(rows: str) -> str:
    """The net change of a statement per group: -1 per old row, +1 per new row, of the live
    generation."""
    return " ".join(
        f"INSERT INTO {table} ({key}, documents) "  # noqa: S608
        f"SELECT {key}, SUM(change) FROM ({rows}) AS changed WHERE generation = live "
        f"GROUP BY {key} HAVING SUM(change) <> 0 ORDER BY {key} "
        f"ON CONFLICT ({key}) DO UPDATE SET documents = {table}.documents + EXCLUDED.documents;"
        for table, key in GROUPINGS.items()
    )


POSTGRES_FORWARD = [
    "CREATE FUNCTION search_facet_groups_follow() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"DECLARE live bigint := {_LIVE}; "
    "BEGIN "
    f"IF TG_OP = 'INSERT' THEN {_pg_change(_PG_NEW)} "
    f"ELSIF TG_OP = 'DELETE' THEN {_pg_change(_PG_OLD)} "
    f"ELSE {_pg_change(_PG_OLD + ' UNION ALL ' + _PG_NEW)} "
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
# A browse with a range filter groups the documents passing it by the facet columns: from
# search_doc_facet_ranges alone, in its order, rather than a lookup per document and a sort
# (100,000 listings, MOQ <= 100: 290-480 ms to 25 ms on SQLite).
_SORT_INDEXES = {
    "search_doc_newest": ("generation, published_at DESC{nulls_last}, product_id", ("sqlite", "postgresql")),
    "search_doc_moq": ("generation, moq, product_id", ("sqlite", "postgresql")),
    "search_doc_boosted": ("generation, boost DESC, published_at DESC{nulls_last}, product_id", ("postgresql",)),
    "search_doc_facet_ranges": (
        "generation, category_path, origin, cert_mask, supplier_verified, sample_available, "
        "moq, lead_time_days, currency, price_at_moq",
        ("sqlite", "postgresql"),
    ),
}
_NULLS_LAST = {"sqlite": "", "postgresql": " NULLS LAST"}


def _sort_indexes(vendor):
    return [
        f"CREATE INDEX {name} ON search_searchdocument ({columns.format(nulls_last=_NULLS_LAST[vendor])})"
        for name, (columns, vendors) in _SORT_INDEXES.items()
        if vendor in vendors
    ]


# The live generation's groups as they stand (what facet_groups.switch does at a rebuild).
FILL = [
    f"INSERT INTO {table} ({key}, documents) "  # noqa: S608
    f"SELECT {key}, COUNT(*) FROM search_searchdocument WHERE generation = %s GROUP BY {key}"
    for table, key in GROUPINGS.items()
]


def _forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}[vendor] + _sort_indexes(vendor)
    for statement in statements:
        schema_editor.execute(statement)
    IndexState = apps.get_model("search", "IndexState")
    live = IndexState.objects.filter(pk=1).values_list("generation", flat=True).first() or 1
    for statement in FILL:
        schema_editor.execute(statement, [live])


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
                ("origin", models.CharField(blank=True, max_length=2)),
                ("supplier_verified", models.BooleanField()),
                ("sample_available", models.BooleanField()),
                ("documents", models.BigIntegerField()),
                ("category_path", models.CharField(blank=True, max_length=500)),
                ("cert_mask", models.BigIntegerField()),
            ],
            options={
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
                    )
                ],
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
            },
        ),
        migrations.CreateModel(
            name="FlagGroup",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("generation", models.PositiveIntegerField()),
                ("origin", models.CharField(blank=True, max_length=2)),
                ("supplier_verified", models.BooleanField()),
                ("sample_available", models.BooleanField()),
                ("documents", models.BigIntegerField()),
                ("cert_mask", models.BigIntegerField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("generation", "origin", "cert_mask", "supplier_verified", "sample_available"),
                        name="search_flag_group_key",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="PathGroup",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("generation", models.PositiveIntegerField()),
                ("origin", models.CharField(blank=True, max_length=2)),
                ("supplier_verified", models.BooleanField()),
                ("sample_available", models.BooleanField()),
                ("documents", models.BigIntegerField()),
                ("category_path", models.CharField(blank=True, max_length=500)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("generation", "category_path", "origin", "supplier_verified", "sample_available"),
                        name="search_path_group_key",
                    )
                ],
            },
        ),
        migrations.RunPython(_forward, _backward),
    ]
