"""The authored default tree (data/default_categories.json): shape, names, HS headings checked
against HS 2022, Google mappings checked against the taxonomy, and keywords the classifier can
use."""

from __future__ import annotations

import json

import pytest

from tradebridge.catalog.classify import normalize
from tradebridge.catalog.taxonomy import (
    DEFAULT_TREE_FILE,
    CategoryTree,
    GoogleTaxonomy,
    InvalidTree,
)

TOP_LEVEL = {
    "food-drink": "食品饮料",
    "alcoholic-drinks": "酒类",
    "infant-nutrition": "婴幼儿营养",
    "health-supplements": "保健品",
    "beauty-personal-care": "美妆个护",
    "fashion-accessories": "服饰配件",
    "footwear": "鞋靴",
    "home-garden": "家居园艺",
    "toys-baby": "玩具母婴",
    "sports-outdoor": "运动户外",
    "pet-care": "宠物用品",
    "electronics-accessories": "数码配件",
}

# The typical headings a supplier expects to see suggested, by node.
EXPECTED_HEADINGS = {
    "food-drink/biscuits-confectionery/biscuits-shortbread": {"1905"},
    "food-drink/tea-coffee/tea": {"0902"},
    "food-drink/preserves-honey/jams-marmalade": {"2007"},
    "food-drink/preserves-honey/honey": {"0409"},
    "alcoholic-drinks/whisky": {"2208"},
    "alcoholic-drinks/gin": {"2208"},
    "alcoholic-drinks/beer-cider": {"2203"},
    "alcoholic-drinks/wine": {"2204"},
    "infant-nutrition/infant-formula": {"1901"},
    "health-supplements/vitamins-minerals": {"2106", "2936"},
    "beauty-personal-care/skincare": {"3304"},
    "beauty-personal-care/makeup": {"3304"},
    "beauty-personal-care/hair-care": {"3305"},
    "beauty-personal-care/fragrance": {"3303"},
    "fashion-accessories/knitwear": {"6110"},
    "fashion-accessories/scarves-shawls": {"6117", "6214"},
    "fashion-accessories/outerwear/coats": {"6201", "6202"},
    "fashion-accessories/bags": {"4202"},
    "footwear/leather-shoes": {"6403"},
    "toys-baby/toys": {"9503"},
    "home-garden/kitchen-dining/tableware": {"6911", "6912"},
    "home-garden/candles-home-fragrance": {"3406"},
    "home-garden/garden/garden-tools": {"8201"},
    "sports-outdoor/fitness-gym": {"9506"},
    "pet-care/pet-food": {"2309"},
    "electronics-accessories/chargers-power": {"8504"},
    "electronics-accessories/cables-adapters": {"8544"},
}


@pytest.fixture(scope="module")
def tree() -> CategoryTree:
    return CategoryTree.default()


def test_file_says_where_it_comes_from():
    data = json.loads(DEFAULT_TREE_FILE.read_text(encoding="utf-8"))
    assert next(iter(data)) == "_source"
    assert "TradeBridge" in data["_source"]
    assert "Harmonized System 2022" in data["_source"]


def test_top_level_is_the_agreed_twelve(tree):
    assert {node.slug: node.name_zh for node in tree.roots()} == TOP_LEVEL


def test_every_top_level_has_four_to_ten_children(tree):
    for root in tree.roots():
        assert 4 <= len(tree.children(root.path)) <= 10, root.path


def test_some_branches_have_a_third_level(tree):
    third = {node.path.rsplit("/", 1)[0] for node in tree if node.depth == 2}
    assert {"alcoholic-drinks/whisky", "infant-nutrition/infant-formula"} <= third


def test_every_node_is_bilingual_and_classifiable(tree):
    for node in tree:
        assert node.name_en and node.name_zh, node.path
        assert node.keywords_en and node.keywords_zh, node.path
        # One Chinese character matches inside too many unrelated words (茶 in 茶几, a table).
        assert all(len(k) >= 2 for k in node.keywords_zh), node.path


def test_leaves_and_branches_below_the_top_carry_hs_headings(tree):
    for node in tree:
        if node.depth > 0:
            assert node.hs_headings, node.path


@pytest.mark.parametrize(("path", "headings"), EXPECTED_HEADINGS.items())
def test_typical_headings(tree, path, headings):
    assert headings <= set(tree[path].hs_headings)


def test_every_hs_heading_exists_in_hs_2022(tree, hs_headings):
    used = {(node.path, h) for node in tree for h in node.hs_headings}
    unknown = sorted((path, h) for path, h in used if h not in hs_headings)
    assert unknown == []


def test_every_google_mapping_names_a_real_taxonomy_path(tree, taxonomy_files):
    en, _zh = taxonomy_files
    real = {" > ".join(node.path_en) for node in GoogleTaxonomy(en)}
    unknown = sorted((node.path, g) for node in tree for g in node.google if g not in real)
    assert unknown == []


def test_each_keyword_belongs_to_one_node(tree):
    owners: dict[str, str] = {}
    for node in tree:
        for keyword in (*node.keywords_en, *node.keywords_zh):
            key = normalize(keyword)
            assert owners.setdefault(key, node.path) == node.path, keyword


def test_english_keywords_are_written_in_the_form_the_matcher_expects(tree):
    for node in tree:
        for keyword in node.keywords_en:
            assert normalize(keyword) == keyword.lower().replace("-", " ").replace("'", ""), keyword


def test_default_tree_is_parsed_once(tree):
    assert CategoryTree.default() is tree


@pytest.mark.parametrize(
    ("categories", "problem"),
    [
        ([{"slug": "Bad Slug", "name_en": "x", "name_zh": "x"}], "slug must be"),
        (
            [
                {"slug": "a", "name_en": "A", "name_zh": "甲"},
                {"slug": "a", "name_en": "A", "name_zh": "甲"},
            ],
            "repeated",
        ),
        ([{"slug": "a", "name_en": "A", "name_zh": "甲", "hs_headings": ["190"]}], "4 digits"),
        ([{"slug": "a", "name_en": "A", "name_zh": ""}], "name_zh is required"),
        ([{"slug": "a", "name_en": "A", "name_zh": "甲", "keywords_en": "tea"}], "keywords_en"),
    ],
)
def test_malformed_tree_data_is_refused_with_the_reason(categories, problem):
    with pytest.raises(InvalidTree, match=problem):
        CategoryTree.from_data({"categories": categories})


def test_tree_navigation():
    tree = CategoryTree.from_data(
        {
            "categories": [
                {
                    "slug": "a",
                    "name_en": "A",
                    "name_zh": "甲",
                    "children": [
                        {
                            "slug": "b",
                            "name_en": "B",
                            "name_zh": "乙",
                            "children": [{"slug": "c", "name_en": "C", "name_zh": "丙"}],
                        }
                    ],
                }
            ]
        }
    )
    assert [n.path for n in tree] == ["a", "a/b", "a/b/c"]
    assert [n.path for n in tree.ancestors("a/b/c")] == ["a", "a/b"]
    assert tree["a/b/c"].depth == 2 and tree["a/b/c"].top == "a"
    assert tree.is_ancestor("a", of="a/b/c") and not tree.is_ancestor("a/b/c", of="a")
