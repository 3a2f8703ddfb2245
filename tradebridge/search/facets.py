"""Facet counts: for each facet, the listings matching the query and every OTHER active filter.

Category counts roll up the tree (a parent counts its subtree). Certifications are AND-ed, so
each certification value counts like one more filter: listings matching everything selected
and holding that certification (a selected one therefore counts the whole result).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tradebridge.catalog.domain import CERTIFICATIONS
from tradebridge.catalog.models import Category
from tradebridge.core.countries import COUNTRIES
from tradebridge.search.index import CERT_BITS
from tradebridge.search.query import FacetValue, ProductQuery

Restricted = Callable[[str | None], object]  # facet name to leave out → documents queryset

VERIFIED_LABEL = _("Verified supplier")
SAMPLE_LABEL = _("Sample available")


def _both(label) -> tuple[str, str]:
    with translation.override("en"):
        english = str(label)
    with translation.override("zh-hans"):
        chinese = str(label)
    return english, chinese


_FLAGS = {"verified": "supplier_verified", "sample_available": "sample_available"}


def counts(query: ProductQuery, documents) -> dict[str, int]:
    """One pass over the fully filtered matches: the total, each certification, and each flag
    whose own filter is off (its count then needs no other set of listings). Grouped by the
    certification mask and the flags, which take few distinct values, then summed here."""
    found = {"total": 0, **{f"cert_{name}": 0 for name in CERT_BITS}}
    flags = [name for name in _FLAGS if not _selected(query, name)]
    found.update(dict.fromkeys(flags, 0))
    groups = documents.values_list("cert_mask", *(_FLAGS[f] for f in flags)).annotate(n=Count("id")).order_by()
    for mask, *values in groups:
        n = values.pop()
        found["total"] += n
        for name, bit in CERT_BITS.items():
            if mask & bit:
                found[f"cert_{name}"] += n
        for name, value in zip(flags, values, strict=True):
            if value:
                found[name] += n
    return found


def _selected(query: ProductQuery, name: str) -> bool:
    return query.verified_only if name == "verified" else query.sample_available


def facets(query: ProductQuery, restricted: Restricted, counted: dict[str, int]) -> dict[str, tuple[FacetValue, ...]]:
    flags = {}
    for name, label in (("verified", VERIFIED_LABEL), ("sample_available", SAMPLE_LABEL)):
        count = counted[name] if name in counted else restricted(name).filter(**{_FLAGS[name]: True}).count()
        flags[name] = (FacetValue("true", *_both(label), count, _selected(query, name)),)
    return {
        "category": _categories(query, restricted("category")),
        "origin": _origins(query, restricted("origin")),
        "verified": flags["verified"],
        "certification": _certifications(query, counted),
        "sample_available": flags["sample_available"],
    }


def _categories(query: ProductQuery, documents) -> tuple[FacetValue, ...]:
    direct = documents.exclude(category_path="").values_list("category_path").annotate(n=Count("id")).order_by()
    counts: dict[str, int] = {}
    for path, n in direct:
        parts = path.split("/")
        for i in range(len(parts)):
            prefix = "/".join(parts[: i + 1])
            counts[prefix] = counts.get(prefix, 0) + n
    if query.category and query.category not in counts:
        counts[query.category] = 0
    categories = Category.objects.filter(path__in=list(counts)).values_list("path", "name_en", "name_zh", "depth")
    return tuple(
        FacetValue(path, en, zh or en, counts[path], path == query.category, depth)
        for path, en, zh, depth in sorted(categories)
    )


def _origins(query: ProductQuery, documents) -> tuple[FacetValue, ...]:
    rows = dict(documents.exclude(origin="").values_list("origin").annotate(n=Count("id")).order_by())
    for code in query.origin:
        rows.setdefault(code, 0)
    names = dict(COUNTRIES)
    values = []
    for code, n in rows.items():
        en, zh = _both(names[code]) if code in names else (code, code)
        values.append(FacetValue(code, en, zh, n, code in query.origin))
    return tuple(sorted(values, key=lambda v: (-v.count, v.value)))


def _certifications(query: ProductQuery, counted: dict[str, int]) -> tuple[FacetValue, ...]:
    values = [
        FacetValue(name, *CERTIFICATIONS[name], counted[f"cert_{name}"], name in query.certifications)
        for name in CERT_BITS
        if counted[f"cert_{name}"] or name in query.certifications
    ]
    return tuple(sorted(values, key=lambda v: (-v.count, v.value)))
