"""The classifier: its rule on hand-made hints, then on the real shared feeds, where every
expected category below was checked by reading the product."""

from __future__ import annotations

import csv

import pytest

from tradebridge.catalog.classify import CategoryTree, classify, normalize
from tradebridge.catalog.taxonomy import GoogleTaxonomy

from .conftest import FEEDS, require


@pytest.fixture(scope="module")
def tree() -> CategoryTree:
    return CategoryTree.default()


def test_normalize():
    assert normalize("Men's  T-Shirts & Tops") == "mens t shirts and tops"
    assert normalize("Clothing > Hoodies") == "clothing | hoodies"
    assert normalize("Rosé ＷＩＮＥ") == "rose wine"
    assert normalize("苏格兰威士忌，单一麦芽") == "苏格兰威士忌 | 单一麦芽"


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        # plurals and word boundaries
        ("Scarves", "fashion-accessories/scarves-shawls"),
        ("Hoodies", "fashion-accessories/knitwear"),
        ("Kitchen Knives", "home-garden/kitchen-dining/kitchen-tools"),
        ("Ginger Biscuits", "food-drink/biscuits-confectionery/biscuits-shortbread"),
        # the longer keyword wins where matches overlap
        ("Tartan Tea Towel", "home-garden/home-textiles"),
        ("Ginger Beer", "food-drink/soft-drinks"),
        ("Dog Food 12kg", "pet-care/pet-food/dog-food"),
        ("LED High Tops", "footwear/trainers"),
        ("足球鞋", "footwear/trainers"),
        ("婴儿洗发水", "toys-baby/nappies-baby-care"),
        # across branches a tie goes to the head noun, which comes last
        ("Whisky Fudge", "food-drink/biscuits-confectionery/sweets-fudge"),
        ("Cream Sofa", "home-garden/furniture"),
        ("Honey Shampoo", "beauty-personal-care/hair-care"),
        ("Wine Glasses, Set of 4", "home-garden/kitchen-dining/glassware"),
        ("威士忌杯", "home-garden/kitchen-dining/glassware"),
        # ... and inside a branch the deepest node wins, then the lineage with most matches
        ("Clothing > Hoodies", "fashion-accessories/knitwear"),
        ("Chocolate Biscuits", "food-drink/biscuits-confectionery/biscuits-shortbread"),
        ("Indoor > Bed > White Bed Clothes", "home-garden/home-textiles"),
        # Chinese, and Chinese mixed with English
        ("英国进口 苏格兰威士忌 单一麦芽 700ml", "alcoholic-drinks/whisky/single-malt"),
        ("爱他美 白金版 1段 婴儿配方奶粉 800g", "infant-nutrition/infant-formula/first-infant-milk"),
        ("Kendamil Stage 2 Follow-on Milk", "infant-nutrition/infant-formula/follow-on-milk"),
        ("麦卢卡蜂蜜 UMF10+", "food-drink/preserves-honey/honey"),
        ("羊绒围巾 格子", "fashion-accessories/scarves-shawls"),
        ("T恤 男 纯棉", "fashion-accessories/tops-shirts"),
        ("Walkers Shortbread 饼干", "food-drink/biscuits-confectionery/biscuits-shortbread"),
        ("充电宝 20000mAh", "electronics-accessories/chargers-power"),
        # a top-level keyword alone gives the top level
        ("Clothing", "fashion-accessories"),
        ("宠物用品", "pet-care"),
    ],
)
def test_hints(tree, hint, expected):
    assert classify(hint, tree=tree) == expected


@pytest.mark.parametrize(
    "nonsense",
    [
        "",
        "asdf qwerty",
        "Lorem ipsum dolor sit amet",
        "12345",
        "产品",
        "Sale",
        "New Arrivals",
        "Accessories",
        "Outdoor",
        "Indoor",
        "Gift",
        "Music > Album",
        "Donation",
        "🍕🍕",
    ],
)
def test_none_rather_than_a_guess(tree, nonsense):
    assert classify(nonsense, tree=tree) is None


def test_a_multi_word_keyword_does_not_span_two_fields(tree):
    assert classify("Ginger Beer", tree=tree) == "food-drink/soft-drinks"
    assert classify("Ginger > Beer", tree=tree) == "alcoholic-drinks/beer-cider"


def test_google_path_alone_uses_the_mapping_then_refines_by_keywords(tree):
    assert classify(google_path="Apparel & Accessories > Clothing", tree=tree) == "fashion-accessories"
    assert (
        classify(
            google_path="Food, Beverages & Tobacco > Beverages > Alcoholic Beverages > Liquor & Spirits > Whiskey",
            tree=tree,
        )
        == "alcoholic-drinks/whisky"
    )
    # No node maps "Business & Industrial"; nor the tobacco part of "Food, Beverages & Tobacco".
    assert classify(google_path="Business & Industrial > Retail", tree=tree) is None
    assert classify(google_path="Food, Beverages & Tobacco > Tobacco Products", tree=tree) is None
    # A path from a newer edition still maps by its longest known prefix.
    assert (
        classify(google_path="Apparel & Accessories > Clothing > Clothing Tops > T-Shirts", tree=tree)
        == "fashion-accessories/tops-shirts"
    )


def test_google_path_may_carry_its_id(tree):
    dresses = "2271 - Apparel & Accessories > Clothing > Dresses"
    assert classify(google_path=dresses, tree=tree) == "fashion-accessories/dresses"


def test_google_path_refines_a_hint_that_only_reached_an_ancestor(tree):
    assert (
        classify("Clothing", "Apparel & Accessories > Clothing > Outerwear", tree=tree)
        == "fashion-accessories/outerwear"
    )


def test_google_path_is_one_vote_that_wins_a_tie_but_not_against_a_clear_hint(tree):
    cycling = "Sporting Goods > Outdoor Recreation > Cycling > Bicycle Accessories"
    assert classify("ABUS - GEMINI LIGHTS", cycling, tree=tree) == "sports-outdoor/cycling"
    jewelry = "Apparel & Accessories > Jewelry"
    assert (
        classify("Apparel > Accessories > Gloves & Mittens > Polar Touch-screen Glove", jewelry, tree=tree)
        == "fashion-accessories/accessories/gloves"
    )


# --- Real feeds ------------------------------------------------------------------------------


def _rows(relative: str, delimiter: str = ",") -> list[dict[str, str]]:
    with open(require(FEEDS / relative), encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def _shopify(relative: str, tree: CategoryTree) -> dict[str, str | None]:
    """Title -> category, from Type, Tags and Title (most specific last) and the Shopify
    "Product Category", which is a Google path."""
    result = {}
    for row in _rows(relative):
        if row.get("Title"):
            hint = " > ".join(v for v in (row["Type"], row["Tags"], row["Title"]) if v)
            result[row["Title"]] = classify(hint, row.get("Product Category", ""), tree=tree)
    return result


def test_shopify_apparel_store_lands_under_fashion(tree):
    got = _shopify("shopify/apparel.csv", tree)
    assert len(got) == 20
    assert got["Ocean Blue Shirt"] == "fashion-accessories/tops-shirts"
    assert got["Striped Silk Blouse"] == "fashion-accessories/tops-shirts"
    assert got["Yellow Wool Jumper"] == "fashion-accessories/knitwear"
    assert got["Classic Leather Jacket"] == "fashion-accessories/outerwear/jackets"
    assert got["Blue Silk Tuxedo"] == "fashion-accessories/suits-tailoring"
    assert got["Black Leather Bag"] == "fashion-accessories/bags"
    assert got["LED High Tops"] == "footwear/trainers"  # shoes, whatever the store called them
    assert all(
        category.startswith("fashion-accessories/") for title, category in got.items() if title != "LED High Tops"
    )


def test_shopify_home_and_garden_store(tree):
    got = _shopify("shopify/home-and-garden.csv", tree)
    assert got["Clay Plant Pot"] == "home-garden/garden/plant-pots"
    assert got["Gardening hand trowel"] == "home-garden/garden/garden-tools"
    assert got["Yellow watering can"] == "home-garden/garden/garden-tools"
    assert got["Cream Sofa"] == "home-garden/furniture"
    assert got["Bedside Table"] == "home-garden/furniture"
    assert got["Copper Light"] == "home-garden/lighting"
    assert got["Vanilla candle"] == "home-garden/candles-home-fragrance"
    assert got["Knitted Throw Pillows"] == "home-garden/home-textiles"
    assert all(category and category.startswith("home-garden") for category in got.values())


def test_shopify_jewellery_store(tree):
    got = _shopify("shopify/jewelery.csv", tree)
    assert set(got.values()) == {"fashion-accessories/accessories/jewellery-watches"}


def test_shopify_real_swedish_store_falls_back_to_its_google_paths(tree):
    got = _shopify("shopify/shopify_export_real_store_sek.csv", tree)
    # Types are Swedish ("Cykel", "TILL") and titles are brand names; the Product Category
    # column carries the Google path, and one "CHESS" bicycle must not become a board game.
    assert set(got.values()) == {"sports-outdoor/cycling"}
    assert classify('Cykel > Nordstjerna, 26"', tree=tree) is None


def test_shopify_template(tree):
    got = _shopify("shopify/shopify_product_template.csv", tree)
    assert got == {
        "Example T-Shirt": "fashion-accessories/tops-shirts",
        "Example Jeans": "fashion-accessories/trousers-skirts",
        "Example Beanie": "fashion-accessories/accessories/hats-caps",
    }


def test_woocommerce_categories_breadcrumbs(tree):
    got = {}
    for row in _rows("woocommerce/woocommerce_sample_products.csv"):
        hint = " > ".join(v for v in (row["Categories"], row["Name"]) if v)
        got[row["Name"]] = classify(hint, tree=tree)
    assert got["Hoodie with Pocket"] == "fashion-accessories/knitwear"
    assert got["T-Shirt with Logo"] == "fashion-accessories/tops-shirts"
    assert got["Beanie"] == "fashion-accessories/accessories/hats-caps"
    assert got["Belt"] == "fashion-accessories/accessories/belts-ties"
    assert got["Sunglasses"] == "fashion-accessories/accessories/sunglasses-eyewear"
    assert got["Scarf"] == "fashion-accessories/scarves-shawls"
    assert got["Logo Collection"] == "fashion-accessories"  # "Clothing" and nothing more
    # Downloads and a donation are not goods we carry.
    assert got["Album"] is None and got["Single"] is None
    assert got["ClassicPress Donation"] is None


def test_merchant_feed_product_type_outvotes_wrong_google_ids(tree, taxonomy_files):
    en, _zh = taxonomy_files
    google = {node.id: " > ".join(node.path_en) for node in GoogleTaxonomy(en)}
    got = {}
    for row in _rows("google_merchant/merchant_feed_eur.tsv", delimiter="\t"):
        google_path = google[int(row["google_product_category"])]
        got[row["title"]] = (
            classify(f"{row['product_type']} > {row['title']}", google_path, tree=tree),
            classify(google_path=google_path, tree=tree),
        )
    jacket = got["Glacier Pro Men's Ski Jacket — Black, Size M"]
    glove = got["Polar Touch-screen Glove — Navy, Size L"]
    base_layer = got["Tundra Merino Base Layer Crew — Charcoal, Size S"]
    # The feed's ids say Activewear, Jewelry and Baby Bottoms; its product types say otherwise.
    assert jacket == ("fashion-accessories/outerwear/jackets", "sports-outdoor/sportswear")
    assert glove == (
        "fashion-accessories/accessories/gloves",
        "fashion-accessories/accessories/jewellery-watches",
    )
    assert base_layer == ("sports-outdoor/sportswear", "toys-baby/baby-clothing")
    assert got["Frost Snow Pants — Slate, Size M"][0] == "fashion-accessories/trousers-skirts"
    assert got["Aurora Knit Beanie — Charcoal, Size One Size"][0] == "fashion-accessories/accessories/hats-caps"
