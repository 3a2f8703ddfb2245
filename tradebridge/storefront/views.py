"""Buyer pages: the category tree, a category's products, one product. Open to anonymous
visitors; they read through storefront.selectors and never see a draft."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tradebridge.catalog.pricing import smallest_valid_quantity
from tradebridge.catalog.services import terms_for
from tradebridge.core.errors import DomainError
from tradebridge.core.htmx import wants_fragment
from tradebridge.core.messages import localize
from tradebridge.pricing.incoterms import Incoterm
from tradebridge.pricing.landed import breakdown_dict, product_landed_cost
from tradebridge.pricing.selectors import display_rate
from tradebridge.search import selectors as search
from tradebridge.search import views as search_views
from tradebridge.storefront import display, selectors

# In the order of selectors.SORTS; the selector refuses anything else.
SORT_CHOICES = [
    ("newest", _("Newest")),
    ("moq", _("Lowest minimum order")),
    ("price", _("Lowest price at minimum order")),
    ("title", _("Title")),
]


SIMILAR_LIMIT = 6

# Buyers on TradeBridge pay in yuan; prices are shown in it beside the supplier's currency.
BUYER_CURRENCY = "CNY"


def _similar(product) -> tuple[list[search_views.SearchCard], list[selectors.ProductCard]]:
    """Listings like this one from the search index (sharing words, its category first), or,
    when the index has none (not indexed yet, or no listing shares a word), its category's newest."""
    hits = search.similar_products(product.pk, limit=SIMILAR_LIMIT)
    if hits:
        return search_views.search_cards(hits, quantity=None), []
    return [], selectors.similar_products(product, limit=SIMILAR_LIMIT)


def categories(request: HttpRequest) -> HttpResponse:
    return render(request, "storefront/categories.html", {"tree": selectors.category_tree()})


def category(request: HttpRequest, path: str) -> HttpResponse:
    listing = selectors.category_page(
        path,
        page=request.GET.get("page") or 1,
        sort=request.GET.get("sort") or selectors.DEFAULT_SORT,
        language=get_language(),
    )
    if listing is None:
        raise Http404
    context = {"listing": listing, "sorts": SORT_CHOICES}
    if wants_fragment(request):
        response = render(request, "storefront/_results.html", context)
    else:
        response = render(request, "storefront/category.html", context)
    # The same URL answers with a fragment or a page; caches must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


def product(request: HttpRequest, product_id: int) -> HttpResponse:
    detail = selectors.product_detail(product_id)
    if detail is None:
        raise Http404
    product = detail.product
    variant_rows = display.variant_rows(product, detail.variants, detail.tiers)
    fx = display_rate(product.currency, BUYER_CURRENCY) if product.currency != BUYER_CURRENCY else None
    price_tables = display.price_tables(product, detail.variants, detail.tiers)
    context = {
        "detail": detail,
        "product": product,
        "price_tables": [(table, display.converted_rows(table, fx)) for table in price_tables],
        "fx": fx,
        "incoterms": [code.value for code in Incoterm],
        "landed_quantity": smallest_valid_quantity(terms_for(product, None, list(detail.tiers))),
        "variant_rows": variant_rows,
        "variant_places": display.common_places((r.price_at_moq for r in variant_rows), product.currency),
        "can_buy": _can_buy(request),
        "variants": detail.variants,
    }
    context["similar_hits"], context["similar"] = _similar(product)
    return render(request, "storefront/product.html", context)


def _can_buy(request: HttpRequest) -> bool:
    """Whether the page offers "Add to cart": the visitor acts for a buyer company."""
    membership = getattr(request, "membership", None)
    return bool(request.user.is_authenticated and membership and membership.company.kind == "buyer")


def landed_cost(request: HttpRequest, product_id: int) -> HttpResponse:
    """The landed-cost panel (an htmx fragment): the buyer's choices in, the CNY breakdown out."""
    data = request.GET
    context: dict = {"product_id": product_id, "form": data}
    try:
        quantity = int(data.get("quantity", ""))
    except ValueError:
        context["errors"] = [_("Enter the quantity as a whole number.")]
        return render(request, "storefront/_landed_cost.html", context, status=400)
    try:
        breakdown = product_landed_cost(
            product_id=product_id,
            quantity=quantity,
            incoterm=data.get("incoterm", "FOB"),
            mode=data.get("mode", "sea_lcl"),
            destination_city=data.get("city", ""),
            variant_id=int(data["variant"]) if data.get("variant", "").isdigit() else None,
        )
    except DomainError as exc:
        if exc.status == 404:
            raise Http404 from None
        context["errors"] = [localize(e) for e in exc.errors]
        return render(request, "storefront/_landed_cost.html", context, status=400)
    context["breakdown"] = breakdown_dict(breakdown)
    return render(request, "storefront/_landed_cost.html", context)
