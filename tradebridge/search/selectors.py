"""Reads for search: products (text, filters, facets, sorts), suppliers, similar products."""

from __future__ import annotations

from collections.abc import Mapping

from tradebridge.search.query import Hit, ProductQuery, ProductResults, SupplierResults


def query_from_params(params: Mapping[str, str | list[str]]) -> ProductQuery:
    raise NotImplementedError


def search_products(query: ProductQuery, *, language: str) -> ProductResults:
    raise NotImplementedError


def search_suppliers(
    text: str, *, sector: str | None = None, region: str | None = None, page: int = 1
) -> SupplierResults:
    raise NotImplementedError


def similar_products(product_id: int, *, limit: int = 6) -> tuple[Hit, ...]:
    raise NotImplementedError
