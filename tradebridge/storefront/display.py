"""How catalog data reads to a buyer: which language a text is shown in (and whether a machine
wrote it), unit prices at full precision, and the price table derived from the pricing rules."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import translation

from tradebridge.catalog import pricing
from tradebridge.catalog.importers.text import sanitise_html
from tradebridge.catalog.models import Category, PriceTier, Product, Variant
from tradebridge.catalog.services import terms_for
from tradebridge.core.errors import DomainError
from tradebridge.pricing.currencies import MINOR_UNITS
from tradebridge.pricing.money import SYMBOLS

HTML_LANG = {"en": "en-GB", "zh": "zh-Hans"}


def chinese_ui(language: str | None = None) -> bool:
    """True when the page is being rendered in Chinese (zh-hans, or any zh variant)."""
    return (language or translation.get_language() or "").lower().startswith("zh")


@dataclass(frozen=True)
class ShownText:
    """One product text as the buyer sees it: the words, which language they are in, and whether
    a machine wrote them (so the page can say so)."""

    text: str
    language: str  # "en" or "zh"
    machine: bool

    @property
    def html_lang(self) -> str:
        return HTML_LANG[self.language]

    def __str__(self) -> str:
        return self.text


def shown_text(product: Product, field: str, language: str | None = None) -> ShownText:
    """`field` ("title" or "description") in the UI's language, else in the other one.

    The machine flag is the shown field's own flag: an English human title shown on a Chinese
    page (because title_zh is blank) is not machine-written."""
    order = ("zh", "en") if chinese_ui(language) else ("en", "zh")
    for lang in order:
        text = getattr(product, f"{field}_{lang}") or ""
        if text.strip():
            return ShownText(text, lang, bool(getattr(product, f"{field}_{lang}_machine")))
    return ShownText("", order[0], False)


def category_name(category: Category, language: str | None = None) -> str:
    if chinese_ui(language) and category.name_zh.strip():
        return category.name_zh
    return category.name_en or category.name_zh


def safe_image_url(url: str) -> str:
    """`url` if an <img> may load it: our own files or the supplier's http(s) URL. Anything else
    (a javascript: or data: URL that bulk import let through) becomes ""."""
    if (url.startswith("/") and not url.startswith("//")) or url.lower().startswith(("https://", "http://")):
        return url
    return ""


def safe_description(html: str) -> str:
    """The description HTML, run through the importer's nh3 subset once more before it is marked
    safe. Imports store it sanitised already, but the supplier edit path (services.update_product)
    saves what it is given, and nh3 is cheap enough to make the page safe whatever wrote the row."""
    return sanitise_html(html)


def price_places(amount: Decimal, currency: str) -> int:
    """Decimals `amount` needs: all of its significant ones, at least the currency's minor unit."""
    exponent = amount.normalize().as_tuple().exponent
    needed = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(MINOR_UNITS.get(currency, 2), needed)


def common_places(amounts: Iterable[Decimal | None], currency: str) -> int:
    """Decimals for a column of prices, so £0.0060 and £0.0045 line up instead of £0.006."""
    return max((price_places(a, currency) for a in amounts if a is not None), default=0)


def format_unit_price(amount: Decimal | None, currency: str, places: int = 0) -> str:
    """'£0.0035', '£1.50', 'JP¥120', 'SEK 12.25': every stored decimal that matters is shown
    (a wholesale unit can cost a fraction of a penny, and rounding it would misquote a large
    order), trailing zeros go, and at least the currency's minor-unit decimals (or `places`,
    to line up a column) stay. Digits group with commas in every language, like quantities."""
    if amount is None:
        return ""
    number = f"{amount:,.{max(places, price_places(amount, currency))}f}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{currency} {number}"


def format_quantity(value: int | None) -> str:
    """'100,000'. Django's zh-hans format has no thousands separator, which leaves a wholesale
    quantity like 100000 hard to read; commas are how Chinese business documents write them."""
    return "" if value is None else f"{value:,}"


def format_hs_code(code: str) -> str:
    """'190531' → '1905.31', '6117100000' → '6117.10.00.00', grouped as customs documents write them."""
    if len(code) <= 4 or not code.isdigit():
        return code
    return ".".join([code[:4], *(code[i : i + 2] for i in range(4, len(code), 2))])


# --- prices -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TierRow:
    quantity: int  # the first quantity a buyer can actually order at this price
    unit_price: Decimal


@dataclass(frozen=True)
class PriceTable:
    variant: Variant | None  # None: the product's own tiers
    rows: list[TierRow]
    places: int  # decimals every price in the table is shown with, so they line up


def tier_rows(terms: pricing.Terms) -> list[TierRow]:
    """One row per tier a buyer can reach.

    A row starts at the first orderable quantity inside the tier (the MOQ and the order
    multiple can push it past the tier's own threshold, or skip a tier entirely), and its price
    comes from pricing.quote_quantity, so the table never disagrees with the cart."""
    rows: list[TierRow] = []
    nexts: list[int | None] = [t.min_quantity for t in terms.tiers[1:]]
    for tier, next_min in zip(terms.tiers, [*nexts, None], strict=False):
        start = pricing.smallest_valid_quantity(dataclasses.replace(terms, moq=max(tier.min_quantity, terms.moq)))
        if next_min is not None and start >= next_min:
            continue
        try:
            quote = pricing.quote_quantity(terms, start)
        except DomainError:
            # Terms a supplier saved before validation existed; show what is still quotable.
            continue
        rows.append(TierRow(quote.quantity, quote.unit_price))
    return rows


def price_at_moq(terms: pricing.Terms) -> Decimal | None:
    """The unit price of the smallest order the buyer may place, or None without valid terms."""
    try:
        return pricing.quote_quantity(terms, pricing.smallest_valid_quantity(terms)).unit_price
    except DomainError:
        return None


def lowest_price(tiers: Iterable[PriceTier]) -> Decimal | None:
    """'From …' on a card: the lowest unit price any tier of any variant offers."""
    return min((t.unit_price for t in tiers), default=None)


def price_tables(product: Product, variants: Sequence[Variant], tiers: Sequence[PriceTier]) -> list[PriceTable]:
    """The product's own tier table (when it has tiers), then one per variant with its own."""
    found: list[tuple[Variant | None, list[TierRow]]] = [(None, tier_rows(terms_for(product, None, list(tiers))))]
    priced_variants = {t.variant_id for t in tiers if t.variant_id is not None}
    found += [(v, tier_rows(terms_for(product, v, list(tiers)))) for v in variants if v.pk in priced_variants]
    return [
        PriceTable(variant, rows, common_places((r.unit_price for r in rows), product.currency))
        for variant, rows in found
        if rows
    ]


@dataclass(frozen=True)
class VariantRow:
    variant: Variant
    options: list[tuple[str, str]]
    in_stock: bool  # buyers see in/out of stock, never the supplier's exact numbers
    moq: int
    order_multiple: int
    price_at_moq: Decimal | None


def variant_rows(product: Product, variants: Sequence[Variant], tiers: Sequence[PriceTier]) -> list[VariantRow]:
    rows = []
    for variant in variants:
        terms = terms_for(product, variant, list(tiers))
        options = variant.options if isinstance(variant.options, dict) else {}
        rows.append(
            VariantRow(
                variant=variant,
                options=[(str(k), str(v)) for k, v in options.items()],
                in_stock=variant.stock_on_hand > 0,
                moq=terms.moq,
                order_multiple=terms.order_multiple,
                price_at_moq=price_at_moq(terms),
            )
        )
    return rows


def converted_rows(table: PriceTable, fx) -> list[tuple[TierRow, Decimal | None]]:
    """Each row with its price in the buyer's currency, rounded to the table's own precision
    (a £0.0035 unit stays meaningful as ¥0.0319); None when no rate is known."""
    if fx is None:
        return [(row, None) for row in table.rows]
    step = Decimal(1).scaleb(-max(table.places, 2))
    return [
        (row, None if not fx.known else fx.convert(row.unit_price).quantize(step, rounding=ROUND_HALF_UP))
        for row in table.rows
    ]
