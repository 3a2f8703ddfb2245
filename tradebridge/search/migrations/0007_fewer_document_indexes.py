"""Four indexes on the documents that others already serve, dropped: every one is written for
every document a rebuild or an edit writes. (generation, category_path) is the prefix of 0006's
search_doc_facet_ranges; (generation, published_at) and (generation, moq) are served by
search_doc_newest and search_doc_moq; (supplier) repeated the foreign key's own index."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_facet_groups"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="searchdocument",
            name="search_sear_generat_dfed88_idx",
        ),
        migrations.RemoveIndex(
            model_name="searchdocument",
            name="search_sear_generat_844649_idx",
        ),
        migrations.RemoveIndex(
            model_name="searchdocument",
            name="search_sear_generat_f26daf_idx",
        ),
        migrations.RemoveIndex(
            model_name="searchdocument",
            name="search_sear_supplie_1e2628_idx",
        ),
    ]
