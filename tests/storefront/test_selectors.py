"""The storefront's reads: counts that roll up, published products only, sorts, pagination."""

from decimal import Decimal

import pytest

from tests.storefront import builders
from tradebridge.storefront import selectors

pytestmark = pytest.mark.django_db


def _counts(nodes, into=None):
    into = {} if into is None else into
    for node in nodes:
        into[node.category.path] = node.count
        _counts(node.children, into)
    return into


def test_category_counts_roll_up_to_every_ancestor(django_assert_num_queries):
    shortbread = builders.category("food/biscuits/shortbread")
    biscuits = builders.category("food/biscuits")
    tea = builders.category("food/tea")
    food = builders.category("food")
    builders.category("home")
    for _ in range(2):
        builders.product(category=shortbread)
    builders.product(category=biscuits)
    builders.product(category=tea)
    builders.product(category=tea, published=False)  # drafts never count
    builders.product(category=food)
    builders.product(category=None)

    with django_assert_num_queries(2):
        tree = selectors.category_tree()

    assert _counts(tree) == {
        "food": 5,
        "food/biscuits": 3,
        "food/biscuits/shortbread": 2,
        "food/tea": 1,
        "home": 0,
    }
    assert [n.category.path for n in tree] == ["food", "home"]


def test_the_imported_google_taxonomy_is_not_browsable():
    builders.category("google/food")
    builders.category("food")
    assert [n.category.path for n in selectors.category_tree()] == ["food"]


def test_unknown_paths_have_no_page():
    builders.category("food")
    assert selectors.category_page("nope") is None
    assert selectors.category_page("food/nope") is None
    assert selectors.category_page("") is None


def test_a_category_page_lists_its_whole_subtree_published_only():
    food = builders.category("food")
    biscuits = builders.category("food/biscuits")
    sibling = builders.category("food-service")  # shares a prefix, but is not below "food"
    inside = {builders.product(category=food).pk, builders.product(category=biscuits).pk}
    builders.product(category=biscuits, published=False)
    builders.product(category=sibling)

    listing = selectors.category_page("food")

    assert {c.product.pk for c in listing.page.object_list} == inside
    assert listing.total == 2
    assert [(n.category.path, n.count) for n in listing.children] == [("food/biscuits", 1)]
    assert listing.ancestors == []
    deeper = selectors.category_page("food/biscuits/")
    assert [c.path for c in deeper.ancestors] == ["food"]


def test_pages_hold_24_products():
    food = builders.category("food")
    for _ in range(25):
        builders.product(category=food)
    assert len(selectors.category_page("food", page=1).page.object_list) == 24
    assert len(selectors.category_page("food", page=2).page.object_list) == 1
    assert len(selectors.category_page("food", page="junk").page.object_list) == 24


def test_sorts():
    food = builders.category("food")
    # Cheapest at its MOQ, though not the lowest "from" price.
    at_moq = builders.product(category=food, title_en="banana", moq=100, tiers=[(1, "5.00"), (100, "0.50")])
    dear = builders.product(category=food, title_en="Apple", moq=1, tiers=[(1, "1.00"), (1000, "0.10")])
    unpriced = builders.product(category=food, title_en="cherry", moq=10, tiers=[])

    def order(sort):
        listing = selectors.category_page("food", sort=sort)
        return [c.product.pk for c in listing.page.object_list]

    assert order("newest") == [unpriced.pk, dear.pk, at_moq.pk]
    assert order("moq") == [dear.pk, unpriced.pk, at_moq.pk]
    assert order("price") == [at_moq.pk, dear.pk, unpriced.pk]
    assert order("title") == [dear.pk, at_moq.pk, unpriced.pk]
    assert selectors.category_page("food", sort="drop table").sort == "newest"


def test_price_sort_uses_variant_terms_when_the_product_has_no_tiers_of_its_own():
    food = builders.category("food")
    per_variant = builders.product(category=food, tiers=[])
    v = builders.variant(per_variant, moq=5)
    per_variant.tiers.create(variant=v, min_quantity=1, unit_price=Decimal("0.20"))
    builders.product(category=food, tiers=[(1, "0.30")])
    listing = selectors.category_page("food", sort="price")
    assert listing.page.object_list[0].product.pk == per_variant.pk
    assert listing.page.object_list[0].price_from == Decimal("0.20")


def test_cards_carry_the_lowest_price_and_the_first_image():
    food = builders.category("food")
    product = builders.product(category=food, tiers=[(1, "0.0050"), (10000, "0.0035")])
    second = builders.image(product, "https://cdn.example.com/b.jpg", position=2)
    first = builders.image(product, "https://cdn.example.com/a.jpg", position=1)
    card = selectors.category_page("food").page.object_list[0]
    assert card.price_from == Decimal("0.0035")
    assert card.cover == first != second


def test_product_detail_is_for_published_products_only():
    draft = builders.product(published=False)
    assert selectors.product_detail(draft.pk) is None
    assert selectors.product_detail(999_999) is None


def test_product_detail_brings_everything_the_page_shows(django_assert_num_queries):
    shortbread = builders.category("food/biscuits/shortbread")
    product = builders.product(category=shortbread)
    builders.variant(product)
    builders.image(product)
    with django_assert_num_queries(5):
        detail = selectors.product_detail(product.pk)
        assert [c.path for c in detail.ancestors] == ["food", "food/biscuits", "food/biscuits/shortbread"]
        assert len(detail.variants) == len(detail.images) == len(detail.tiers) == 1
        assert detail.product.supplier.name


def test_similar_products_share_the_category_and_are_published():
    food = builders.category("food")
    tea = builders.category("tea")
    product = builders.product(category=food)
    others = [builders.product(category=food) for _ in range(7)]
    builders.product(category=food, published=False)
    builders.product(category=tea)
    similar = selectors.similar_products(product)
    assert len(similar) == 6
    assert {c.product.pk for c in similar} <= {p.pk for p in others}
    assert selectors.similar_products(builders.product(category=None)) == []
