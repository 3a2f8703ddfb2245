"""`tradebridge load-categories` and `tradebridge import-taxonomy`, run as Django commands,
including a full import of the real Google taxonomy files."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tradebridge.catalog.models import Category

pytestmark = pytest.mark.django_db


def run(*args: str, **options) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_load_categories():
    out, _err = run("load-categories")
    assert out == "Default categories: 135 created, 0 updated, 0 unchanged.\n"
    out, _err = run("load-categories")
    assert out == "Default categories: 0 created, 0 updated, 135 unchanged.\n"


def test_import_taxonomy_needs_the_english_file(tmp_path):
    with pytest.raises(CommandError, match="--en"):
        run("import-taxonomy")
    missing = tmp_path / "nope.txt"
    with pytest.raises(CommandError) as excinfo:
        run("import-taxonomy", "--en", str(missing))
    assert str(excinfo.value) == f"English taxonomy file not found: {missing}"
    (tmp_path / "en.txt").write_text("1 - A\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Chinese taxonomy file not found"):
        run("import-taxonomy", "--en", str(tmp_path / "en.txt"), "--zh", str(missing))
    assert not Category.objects.exists()


def test_import_taxonomy_reports_bad_lines(tmp_path):
    en = tmp_path / "en.txt"
    en.write_text("1 - A\nrubbish\n2 - A > B\n", encoding="utf-8")
    out, err = run("import-taxonomy", "--en", str(en))
    assert "en.txt:2: expected 'id - A > B', got 'rubbish'" in err
    assert out == (
        "Google taxonomy (en ?) under 'google': 2 nodes read, 2 created, 0 renamed, "
        "0 unchanged, 2 without a Chinese name, 1 errors.\n"
    )


def test_import_real_taxonomy_twice(taxonomy_files):
    en, zh = taxonomy_files
    out, err = run("import-taxonomy", "--en", str(en), "--zh", str(zh))

    assert out == (
        "Google taxonomy (en 2015-02-19, zh 2012-01-13) under 'google': 5,427 nodes read, "
        "5,427 created, 0 renamed, 0 unchanged, 2,217 without a Chinese name, 0 errors.\n"
    )
    assert err.splitlines()[:2] == ["  500 nodes read", "  1,000 nodes read"]
    assert Category.objects.filter(google_id__isnull=False).count() == 5427
    assert Category.objects.get(google_id=1).name_zh == "宠物/宠物用品"
    apparel = Category.objects.get(google_id=166)
    assert (apparel.path, apparel.name_en, apparel.name_zh) == (
        "google/apparel-accessories",
        "Apparel & Accessories",
        "服饰",
    )
    deepest = Category.objects.filter(google_id__isnull=False).order_by("-depth").first()
    assert deepest.depth == 7
    assert len(set(Category.objects.values_list("path", flat=True))) == 5428

    out, _err = run("import-taxonomy", "--en", str(en), "--zh", str(zh))
    assert "0 created, 0 renamed, 5,427 unchanged" in out
    assert Category.objects.count() == 5428
