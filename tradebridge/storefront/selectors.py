"""Reads for the buyer pages: the category tree with counts, a category's product listing, one
product with everything its page shows. Only published products, of any supplier, ever leave
here, and every read runs a fixed number of queries however many rows it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from tradebridge.catalog.models import Category, PriceTier, Product, ProductImage, Variant
from tradebridge.catalog.services import terms_for
from tradebridge.storefront import display

PAGE_SIZE = 24
SORTS = ("newest", "moq", "price", "title")
DEFAULT_SORT = "newest"
# The imported Google taxonomy is a lookup table for classifying imports, not a tree buyers
# browse; catalog.selectors.category_choices leaves it out of suppliers' choices too.
HIDDEN_ROOTS = ("google",)


def published_products() -> QuerySet[Product]:
    return Product.objects.filter(status=Product.Status.PUBLISHED)


def _subtree(path: str) -> Q:
    # The trailing slash keeps "food" from matching a sibling called "food-service".
    return Q(category__path=path) | Q(category__path__startswith=f"{path}/")


# --- the tree -----------------------------------------------------------------------------------


@dataclass
class CategoryNode:
    category: Category
    count: int  # published products in this category and everything below it
    children: list[CategoryNode] = field(default_factory=list)


def category_tree() -> list[CategoryNode]:
    """Every browsable category with its subtree's published product count, roots first.

    Two queries whatever the size of the tree: the categories, and published products counted
    per category; the counts then roll up to the ancestors in Python."""
    hidden = Q()
    for root in HIDDEN_ROOTS:
        hidden |= Q(path=root) | Q(path__startswith=f"{root}/")
    categories = list(Category.objects.exclude(hidden).order_by("depth", "position", "name_en"))
    direct = dict(
        published_products()
        .filter(category__isnull=False)
        .values_list("category_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    nodes = {c.pk: CategoryNode(c, direct.get(c.pk, 0)) for c in categories}
    roots = []
    # Ordered by depth, so a parent's node exists before its children are attached.
    for category in categories:
        parent = nodes.get(category.parent_id) if category.parent_id else None
        (parent.children if parent else roots).append(nodes[category.pk])
    for category in sorted(categories, key=lambda c: -c.depth):
        parent = nodes.get(category.parent_id) if category.parent_id else None
        if parent is not None:
            parent.count += nodes[category.pk].count
    return roots


# --- product cards and the category page ---------------------------------------------------------


@dataclass(frozen=True)
class ProductCard:
    product: Product
    cover: ProductImage | None
    price_from: Decimal | None


def _card_queryset(products: QuerySet[Product]) -> QuerySet[Product]:
    """What a card needs in three queries for any number of cards: the product with its
    supplier, every tier (for "from" prices), and only the first image of each."""
    return products.select_related("supplier").prefetch_related(
        Prefetch("tiers", queryset=PriceTier.objects.order_by("min_quantity")),
        Prefetch(
            "images",
            queryset=ProductImage.objects.order_by("position", "id")[:1],
            to_attr="cover_images",
        ),
    )


def _card(product: Product) -> ProductCard:
    covers = product.cover_images
    return ProductCard(
        product=product,
        cover=covers[0] if covers else None,
        price_from=display.lowest_price(product.tiers.all()),
    )


@dataclass
class CategoryListing:
    category: Category
    ancestors: list[Category]  # root first, without the category itself
    children: list[CategoryNode]  # direct subcategories, each with its subtree's count
    total: int
    page: Page  # object_list holds ProductCards
    sort: str


def _chain(path: str) -> list[Category]:
    """The categories named by each prefix of `path`, root first, in one query."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return sorted(Category.objects.filter(path__in=prefixes), key=lambda c: len(c.path))


def _title_order(language: str | None) -> Lower:
    first, second = ("title_zh", "title_en") if display.chinese_ui(language) else ("title_en", "title_zh")
    return Lower(Coalesce(NullIf(first, Value("")), second))


def _ids_by_price_at_moq(products: QuerySet[Product]) -> list[int]:
    """Product ids, cheapest price at MOQ first (no price last).

    The price comes from the pricing rules, which live in Python, so the subtree's terms are
    read as narrow rows in three queries and sorted here. A catalog too large for that should
    store the price at MOQ on the product when its tiers are saved, and sort in SQL."""
    rows = products.only("id", "moq", "order_multiple").prefetch_related(
        Prefetch("tiers", queryset=PriceTier.objects.only("product_id", "variant_id", "min_quantity", "unit_price")),
        Prefetch("variants", queryset=Variant.objects.only("id", "product_id", "moq", "order_multiple")),
    )
    keyed = []
    for product in rows:
        tiers = list(product.tiers.all())
        prices = [display.price_at_moq(terms_for(product, None, tiers))]
        if prices[0] is None:  # priced per variant only: the cheapest variant speaks for it
            prices = [display.price_at_moq(terms_for(product, v, tiers)) for v in product.variants.all()]
        known = [p for p in prices if p is not None]
        keyed.append((not known, min(known) if known else Decimal(0), product.pk))
    return [pk for *_, pk in sorted(keyed)]


def category_page(
    path: str, page: int | str | None = 1, sort: str = DEFAULT_SORT, *, language: str | None = None
) -> CategoryListing | None:
    """One page of the published products in `path`'s subtree, or None for an unknown path."""
    path = path.strip("/")
    chain = _chain(path) if path else []
    if not chain or chain[-1].path != path:
        return None
    category = chain[-1]
    sort = sort if sort in SORTS else DEFAULT_SORT

    in_subtree = published_products().filter(_subtree(path))
    per_path = dict(in_subtree.values_list("category__path").annotate(n=Count("id")).order_by())
    children = [
        CategoryNode(
            child,
            sum(n for p, n in per_path.items() if p == child.path or p.startswith(f"{child.path}/")),
        )
        for child in Category.objects.filter(parent=category).order_by("position", "name_en")
    ]

    if sort == "price":
        paginator = Paginator(_ids_by_price_at_moq(in_subtree), PAGE_SIZE)
        current = paginator.get_page(page)
        found = _card_queryset(published_products()).in_bulk(list(current.object_list))
        current.object_list = [_card(found[pk]) for pk in current.object_list if pk in found]
    else:
        ordering = {
            "newest": [F("published_at").desc(nulls_last=True), "-id"],
            "moq": ["moq", "id"],
            "title": [_title_order(language), "id"],
        }[sort]
        paginator = Paginator(_card_queryset(in_subtree).order_by(*ordering), PAGE_SIZE)
        current = paginator.get_page(page)
        current.object_list = [_card(p) for p in current.object_list]
    return CategoryListing(
        category=category,
        ancestors=chain[:-1],
        children=children,
        total=sum(per_path.values()),
        page=current,
        sort=sort,
    )


# --- the product page ---------------------------------------------------------------------------


@dataclass
class ProductDetail:
    product: Product
    ancestors: list[Category]  # root first, ending with the product's own category
    variants: list[Variant]
    tiers: list[PriceTier]
    images: list[ProductImage]


def product_detail(product_id: int) -> ProductDetail | None:
    """A published product with its supplier, variants, tiers and images; None otherwise, so a
    draft and a missing id look the same to a buyer."""
    product = (
        published_products()
        .filter(pk=product_id)
        .select_related("supplier", "category")
        .prefetch_related(
            Prefetch("variants", queryset=Variant.objects.order_by("position", "id")),
            Prefetch("tiers", queryset=PriceTier.objects.order_by("min_quantity")),
            Prefetch("images", queryset=ProductImage.objects.order_by("position", "id")),
        )
        .first()
    )
    if product is None:
        return None
    return ProductDetail(
        product=product,
        ancestors=_chain(product.category.path) if product.category else [],
        variants=list(product.variants.all()),
        tiers=list(product.tiers.all()),
        images=list(product.images.all()),
    )


def similar_products(product: Product, limit: int = 6) -> list[ProductCard]:
    """Other published products in the same category, newest first."""
    if product.category_id is None:
        return []
    products = (
        published_products()
        .filter(category_id=product.category_id)
        .exclude(pk=product.pk)
        .order_by(F("published_at").desc(nulls_last=True), "-id")
    )
    return [_card(p) for p in _card_queryset(products)[:limit]]
