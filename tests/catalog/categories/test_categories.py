"""The category services against the database: loading the default tree, importing a Google
taxonomy, and reading a subtree."""

from __future__ import annotations

import pytest

from tradebridge.catalog.categories import import_google_taxonomy, load_default_tree, subtree_ids
from tradebridge.catalog.models import Category
from tradebridge.catalog.taxonomy import CategoryTree

pytestmark = pytest.mark.django_db

SMALL_TREE = {
    "categories": [
        {
            "slug": "food-drink",
            "name_en": "Food & Drink",
            "name_zh": "食品饮料",
            "children": [
                {"slug": "tea", "name_en": "Tea", "name_zh": "茶叶", "hs_headings": ["0902"]},
                {"slug": "honey", "name_en": "Honey", "name_zh": "蜂蜜", "hs_headings": ["0409"]},
            ],
        }
    ]
}

EN = """# Google_Product_Taxonomy_Version: 2015-02-19
1 - Animals & Pet Supplies
2 - Animals & Pet Supplies > Pet Supplies
3 - Animals & Pet Supplies > Pet Supplies > Bird Supplies
7385 - Animals & Pet Supplies > Pet Supplies > Bird-Supplies
166 - Apparel & Accessories
bad line
"""
ZH = """1 - 宠物/宠物用品
2 - 宠物/宠物用品 > 宠物用品
"""


def test_default_tree_is_created_then_left_alone():
    tree = CategoryTree.default()
    first = load_default_tree()
    assert first == {"created": len(tree), "updated": 0, "unchanged": 0, "not_in_file": 0}
    assert Category.objects.count() == len(tree) == 135

    whisky = Category.objects.get(path="alcoholic-drinks/whisky/single-malt")
    assert (whisky.slug, whisky.depth, whisky.name_zh) == ("single-malt", 2, "单一麦芽威士忌")
    assert whisky.parent.path == "alcoholic-drinks/whisky"
    assert whisky.parent.parent.parent is None
    assert whisky.hs_headings == ["2208"]
    assert Category.objects.get(path="food-drink").position == 0
    assert Category.objects.get(path="electronics-accessories").position == 11

    second = load_default_tree()
    assert second == {"created": 0, "updated": 0, "unchanged": 135, "not_in_file": 0}


def test_file_names_and_headings_win_and_nothing_is_deleted():
    tree = CategoryTree.from_data(SMALL_TREE)
    load_default_tree(tree=tree)
    tea = Category.objects.get(path="food-drink/tea")
    tea.name_zh, tea.hs_headings, tea.position = "茶", ["2101"], 7  # an operator's edits
    tea.save()
    extra = Category.objects.create(
        parent=tea.parent, slug="coffee", path="food-drink/coffee", depth=1, name_en="Coffee"
    )

    result = load_default_tree(tree=tree)

    assert result == {"created": 0, "updated": 1, "unchanged": 2, "not_in_file": 1}
    tea.refresh_from_db()
    assert (tea.name_zh, tea.hs_headings) == ("茶叶", ["0902"])
    assert tea.position == 7  # order is the operator's once the node exists
    assert Category.objects.filter(pk=extra.pk).exists()


def test_google_import_builds_the_tree_under_its_root(write):
    result = import_google_taxonomy(write("en.txt", EN), write("zh.txt", ZH))

    assert result["read"] == 5 and result["created"] == 5
    assert (result["updated"], result["unchanged"], result["zh_missing"]) == (0, 0, 3)
    assert result["errors"] == ["en.txt:7: expected 'id - A > B', got 'bad line'"]
    root = Category.objects.get(path="google")
    assert (root.parent, root.depth, root.google_id) == (None, 0, None)
    birds = Category.objects.get(google_id=3)
    assert birds.path == "google/animals-pet-supplies/pet-supplies/bird-supplies"
    assert (birds.depth, birds.parent.google_id, birds.name_en) == (3, 2, "Bird Supplies")
    assert birds.name_zh == "Bird Supplies"  # no Chinese in the file: English stands in
    assert Category.objects.get(google_id=2).name_zh == "宠物用品"
    # Two names that slugify alike: the later one is told apart by its id.
    assert Category.objects.get(google_id=7385).slug == "bird-supplies-7385"


def test_google_import_is_idempotent_and_only_renames(write):
    en, zh = write("en.txt", EN), write("zh.txt", ZH)
    import_google_taxonomy(en, zh)
    before = {c.google_id: (c.pk, c.path, c.parent_id, c.position) for c in Category.objects.all()}

    again = import_google_taxonomy(en, zh)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 5)

    renamed = EN.replace("> Bird Supplies", "> Birds").replace("166 - Apparel & Accessories\n", "")
    result = import_google_taxonomy(write("en2.txt", renamed), zh)
    assert (result["created"], result["updated"], result["unchanged"]) == (0, 1, 3)
    assert result["not_in_file"] == 1  # Apparel: kept, since products may use it
    after = {c.google_id: (c.pk, c.path, c.parent_id, c.position) for c in Category.objects.all()}
    assert after == before
    assert Category.objects.get(google_id=3).name_en == "Birds"


def test_google_import_refuses_an_id_used_elsewhere(write):
    food = Category.objects.create(slug="pets", path="pets", name_en="Pets", google_id=2)
    result = import_google_taxonomy(write("en.txt", EN))
    assert "id 2: already used by category 'pets'" in result["errors"]
    assert "id 3: its parent 2 was not imported" in result["errors"]
    food.refresh_from_db()
    assert food.path == "pets"


def test_google_import_under_another_root(write):
    import_google_taxonomy(write("en.txt", EN), under="gpt")
    assert Category.objects.get(google_id=1).path == "gpt/animals-pet-supplies"
    with pytest.raises(ValueError, match="slug"):
        import_google_taxonomy(write("en.txt", EN), under="a/b")


def test_subtree_ids_in_path_order():
    load_default_tree(tree=CategoryTree.from_data(SMALL_TREE))
    # A sibling whose path merely starts with the same letters is not in the subtree.
    Category.objects.create(slug="food-drinks", path="food-drinks", name_en="Decoy")
    food = Category.objects.get(path="food-drink")
    ids = subtree_ids(food)
    paths = list(Category.objects.filter(pk__in=ids).order_by("path").values_list("path", flat=True))
    assert paths == ["food-drink", "food-drink/honey", "food-drink/tea"]
    assert ids[0] == food.pk
    leaf = Category.objects.get(path="food-drink/tea")
    assert subtree_ids(leaf) == [leaf.pk]
