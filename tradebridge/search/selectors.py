"""Reads for search: products (text, filters, facets, sorts), suppliers, similar products.

Only published listings are ever found (only they have documents). Every search runs a fixed
number of queries, whatever the page size or the number of matches.
"""

from __future__ import annotations

from django.db.models import F, Func, IntegerField, OrderBy, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from tradebridge.pricing.selectors import rate_table
from tradebridge.search import filters, single_pass, understanding
from tradebridge.search.backends import for_connection
from tradebridge.search.facets import FACET_FILTERS, NARROWING_FILTERS, Tally, facets
from tradebridge.search.hits import hits
from tradebridge.search.models import FacetGroup, FlagGroup, IndexState, PathGroup, SearchDocument
from tradebridge.search.params import query_from_params
from tradebridge.search.query import Hit, ProductQuery, ProductResults, TermReading
from tradebridge.search.single_pass import SortKey
from tradebridge.search.suppliers import search_suppliers

__all__ = ["query_from_params", "search_products", "search_suppliers", "similar_products"]

MAX_SUGGESTIONS = 5


class _Unindexed(Func):
    """`+column`: the same value, which SQLite's planner may not look up through an index."""

    template = "+%(expressions)s"
    output_field = IntegerField()


def _live_generation():
    current = IndexState.objects.filter(pk=1).values("generation")[:1]
    return Coalesce(Subquery(current), Value(1))


def live_documents(*, driven_by_match: bool = False):
    """Documents of the generation searches read (see models.IndexState).

    `driven_by_match`: the query restricts documents to a full-text match. Without statistics
    SQLite then prefers walking a (generation, …) covering index over the whole generation and
    testing each row against the match, instead of fetching the matches by id; on the engines
    that need it (see backends) the generation test is kept off the indexes, so the match leads."""
    generation = _live_generation()
    if driven_by_match and for_connection().generation_unindexed_under_match:
        return SearchDocument.objects.alias(live=_Unindexed(F("generation"))).filter(live=generation)
    return SearchDocument.objects.filter(generation=generation)


def search_products(query: ProductQuery, *, language: str) -> ProductResults:
    parsed = understanding.parse(query.text)
    backend = for_connection()
    rates = filters.rates_to(query.currency, rate_table(timezone.now()))
    conditions = filters.conditions(query, rates)
    base = filters.with_quantity(live_documents(driven_by_match=bool(parsed.terms)), query.quantity)

    def filtered(leave_out: str | tuple[str, ...] | None = None):
        left_out = leave_out if isinstance(leave_out, tuple) else (leave_out,)
        documents = base
        for name, args in conditions.by_name.items():
            if name not in left_out:
                documents = documents.filter(*args)
        return documents

    start = (query.page - 1) * query.per_page
    sort = None if query.sort == "relevance" else _sort_keys(query, rates)

    def one_pass(compiled: str) -> tuple[Tally, list[tuple[int, float]]]:
        # Text bounds the matches: one pass fetches them once for every count and the page.
        return single_pass.tally_and_page(
            query,
            filtered(FACET_FILTERS),
            backend,
            compiled,
            conditions=conditions,
            sort=sort,
            start=start,
            stop=start + query.per_page,
        )

    compiled = backend.compile(parsed.terms) if parsed.terms else ""
    relaxed = False
    if compiled:
        tallied, page = one_pass(compiled)
        counted = tallied.counts()
        if counted["total"] == 0 and len(parsed.terms) > 1:
            # Nothing has every term: fall back to listings with any of them, and say so.
            fallback = backend.compile(parsed.terms, any_term=True)
            fallback_tallied, fallback_page = one_pass(fallback)
            fallback_counted = fallback_tallied.counts()
            if fallback_counted["total"]:
                compiled, tallied, counted, page, relaxed = (
                    fallback,
                    fallback_tallied,
                    fallback_counted,
                    fallback_page,
                    True,
                )
    else:
        tallied = _browse_tally(query, conditions, filtered)
        counted = tallied.counts()
        page = _page(filtered(), query, rates, start=start)
    total = counted["total"]
    language = "zh" if language.lower().startswith("zh") else "en"
    return ProductResults(
        items=hits(page, terms=parsed.highlight_terms, language=language, quantity=query.quantity, rates=rates),
        total=total,
        page=query.page,
        per_page=query.per_page,
        interpretation=parsed.interpretation(relaxed=relaxed),
        facets=facets(query, counted, tallied),
        suggestions=_suggestions(parsed, query) if total == 0 else (),
        price_rate_note=_rate_note(query, rates),
    )


def _browse_tally(query: ProductQuery, conditions: filters.Conditions, filtered) -> Tally:
    """Facet counts without text. With facet filters only, from the facet groups of the live
    generation (models.FacetGroup); otherwise from the documents passing the other filters."""
    if set(conditions.by_name) <= set(FACET_FILTERS):
        by_name = conditions.by_name

        def groups(model, *names):
            live = model.objects.filter(generation=_live_generation(), documents__gt=0)
            return live.filter(*(arg for name in names for arg in by_name.get(name, ())))

        # The small projections where the filters allow; the full groups of the category's
        # subtree, or under a certification filter, otherwise.
        flags = ("verified", "sample_available")
        paths = groups(FacetGroup, *NARROWING_FILTERS) if query.certifications else groups(PathGroup, *flags)
        if query.category:
            return Tally.summed(query, paths, groups(FacetGroup, "category", *NARROWING_FILTERS))
        return Tally.summed(query, paths, groups(FlagGroup, *NARROWING_FILTERS))
    return single_pass.tally(query, filtered(FACET_FILTERS), conditions)


def _sort_keys(query: ProductQuery, rates) -> list[SortKey]:
    """The order of a sort other than relevance (or of every listing, with no text), before
    the product id that breaks ties."""
    if query.sort == "price":
        price = F("price_at_moq") if query.quantity is None else F("unit_price_q")
        return [SortKey(filters.converted_price(price, rates), nulls_last=True)]
    if query.sort == "newest":
        return [SortKey(F("published_at"), descending=True, nulls_last=True)]
    if query.sort == "moq":
        return [SortKey(F("moq"))]
    return [SortKey(F("boost"), descending=True), SortKey(F("published_at"), descending=True, nulls_last=True)]


def _page(documents, query: ProductQuery, rates, *, start: int) -> list[tuple[int, float]]:
    """A page of every listing passing the filters (no text), in the query's sort order."""
    order = [
        OrderBy(key.expression, descending=key.descending, nulls_last=key.nulls_last or None)
        for key in _sort_keys(query, rates)
    ]
    order.append(F("product_id").asc())
    rows = documents.order_by(*order).values_list("product_id", flat=True)[start : start + query.per_page]
    return [(pk, 0.0) for pk in rows]


def _suggestions(parsed: understanding.ParsedQuery, query: ProductQuery) -> tuple[str, ...]:
    """Broader queries to offer when nothing matched: fewer words, each word alone, its translation."""
    found: list[str] = []
    words = [t.reading.term for t in parsed.terms]
    if len(words) > 1:
        found.append(" ".join(words[:-1]))
        found.extend(words)
    for term in parsed.terms:
        found.extend(term.reading.alternatives[:1])
    unique = [s for s in dict.fromkeys(found) if s and s != parsed.normalised]
    return tuple(unique[:MAX_SUGGESTIONS])


def _rate_note(query: ProductQuery, rates) -> str:
    if query.price_min is None and query.price_max is None and query.sort != "price":
        return ""
    used = [
        _("1 %(base)s = %(rate)s %(quote)s (%(source)s, %(date)s)")
        % {
            "base": code,
            "rate": f"{rate.rate.rate.normalize():f}",
            "quote": query.currency,
            "source": rate.rate.source,
            "date": rate.rate.valid_from.date().isoformat(),
        }
        for code, rate in sorted(rates.items())
        if code != query.currency
    ]
    if not used:
        return _("No exchange rates are known: only listings priced in %(currency)s are compared.") % {
            "currency": query.currency
        }
    return _("Prices compared in %(currency)s at the rates in force: %(rates)s.") % {
        "currency": query.currency,
        "rates": "; ".join(used),
    }


SIMILAR_TOKENS = 12


def similar_products(product_id: int, *, limit: int = 6) -> tuple[Hit, ...]:
    """Published listings most like this one: any of its title's index tokens (both languages),
    its own category first. Empty for an unknown or unpublished product."""
    document = live_documents().filter(product_id=product_id).values_list("title", "category_id").first()
    if document is None:
        return ()
    title, category_id = document
    tokens = list(dict.fromkeys(title.split()))[:SIMILAR_TOKENS]
    terms = [understanding.Term(TermReading(t, "", ()), (understanding.Clause((t,)),)) for t in tokens]
    if not terms:
        return ()
    backend = for_connection()
    compiled = backend.compile(terms, any_term=True)
    others = live_documents().exclude(product_id=product_id)
    rows = backend.ranked(others.filter(category_id=category_id), compiled, start=0, stop=limit) if category_id else []
    # Always the same queries, however many the category gave: the page's query count is fixed.
    rest = others.exclude(product_id__in=[pk for pk, _ in rows])
    rows = (rows + backend.ranked(rest, compiled, start=0, stop=limit))[:limit]
    rates = filters.rates_to("CNY", rate_table(timezone.now()))
    return hits(rows, terms=(), language="en", quantity=None, rates=rates)
