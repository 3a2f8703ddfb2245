"""Facet counts: for each facet, the listings matching the query and every OTHER active filter.

Category counts roll up the tree (a parent counts its subtree). Certifications are AND-ed, so
each certification value counts like one more filter: listings matching everything selected
and holding that certification (a selected one therefore counts the whole result).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Sum
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tradebridge.catalog.domain import CERTIFICATIONS
from tradebridge.catalog.models import Category
from tradebridge.core.countries import COUNTRIES
from tradebridge.search.index import CERT_BITS
from tradebridge.search.query import FacetValue, ProductQuery

VERIFIED_LABEL = _("Verified supplier")
SAMPLE_LABEL = _("Sample available")


def both_languages(label) -> tuple[str, str]:
    with translation.override("en"):
        english = str(label)
    with translation.override("zh-hans"):
        chinese = str(label)
    return english, chinese


# The filters facets count around, and the document columns they test.
FACET_FILTERS = ("category", "origin", "verified", "sample_available", "certification")
TALLY_COLUMNS = ("category_path", "origin", "cert_mask", "supplier_verified", "sample_available")
# Facet filters every count obeys (a flag's own count is of listings having it, so its filter
# changes nothing; certifications are AND-ed): they narrow the rows before they are grouped.
NARROWING_FILTERS = ("verified", "sample_available", "certification")


class Tally:
    """Every facet count from two sets of groups of the matches that pass the
    `NARROWING_FILTERS`: how many per (category path, origin), for the category and origin
    facets, which leave out their own filter here (the same tests as `filters.conditions`; the
    brute-force facet test holds the two together); and how many per (origin, certifications,
    verified, sample) in the category filtered for, for the total, flags and certifications."""

    def __init__(self, query: ProductQuery, paths: Iterable[tuple], flags: Iterable[tuple]):
        self.query = query
        # (path, origin, count, names of the facet filters it fails)
        self.paths = [(path, origin, n, self._failing(path, origin)) for path, origin, n in paths if n]
        # (cert mask, verified, sample, count) of the groups passing the origin filter too
        self.flags = [
            (mask, verified, sample, n)
            for origin, mask, verified, sample, n in flags
            if n and (not query.origin or origin in query.origin)
        ]

    @classmethod
    def summed(cls, query: ProductQuery, paths, flags) -> Tally:
        """From groups (models.FacetGroup and its projections) narrowed already: `paths` having
        the category and origin, `flags` the origin, certifications and flags of those in the
        category filtered for. Summed by SQL."""
        by_path = paths.values_list("category_path", "origin").annotate(n=Sum("documents")).order_by()
        by_flags = (
            flags.values_list("origin", "cert_mask", "supplier_verified", "sample_available")
            .annotate(n=Sum("documents"))
            .order_by()
        )
        return cls(query, by_path, by_flags)

    def _failing(self, path: str, origin: str) -> frozenset[str]:
        query, failing = self.query, set()
        if query.category and not _in_category(path, query.category):
            failing.add("category")
        if query.origin and origin not in query.origin:
            failing.add("origin")
        return frozenset(failing)

    def counts(self) -> dict[str, int]:
        """The total, each flag's count and each certification's."""
        found = {"total": 0, "verified": 0, "sample_available": 0}
        by_mask: dict[int, int] = {}
        for mask, verified, sample, n in self.flags:
            found["total"] += n
            found["verified"] += n if verified else 0
            found["sample_available"] += n if sample else 0
            by_mask[mask] = by_mask.get(mask, 0) + n
        for name, bit in CERT_BITS.items():
            found[f"cert_{name}"] = sum(n for mask, n in by_mask.items() if mask & bit)
        return found

    def by_column(self, leave_out: str, column: int) -> dict[str, int]:
        """Counts by path (column 0) or origin (1) of the groups failing no facet filter but `leave_out`."""
        found: dict[str, int] = {}
        for row in self.paths:
            failing = row[3]
            if row[column] and (not failing or failing == {leave_out}):
                found[row[column]] = found.get(row[column], 0) + row[2]
        return found


def _in_category(path: str, category: str) -> bool:
    return path == category or path.startswith(f"{category}/")


def _selected(query: ProductQuery, name: str) -> bool:
    return query.verified_only if name == "verified" else query.sample_available


def facets(query: ProductQuery, counted: dict[str, int], tally: Tally) -> dict[str, tuple[FacetValue, ...]]:
    """The facets, from a `Tally` and its `counts`."""
    flags = {
        name: (FacetValue("true", *both_languages(label), counted[name], _selected(query, name)),)
        for name, label in (("verified", VERIFIED_LABEL), ("sample_available", SAMPLE_LABEL))
    }
    return {
        "category": _categories(query, tally.by_column("category", 0)),
        "origin": _origins(query, tally.by_column("origin", 1)),
        "verified": flags["verified"],
        "certification": _certifications(query, counted),
        "sample_available": flags["sample_available"],
    }


def _categories(query: ProductQuery, direct: dict[str, int]) -> tuple[FacetValue, ...]:
    counts: dict[str, int] = {}
    for path, n in direct.items():
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


def _origins(query: ProductQuery, rows: dict[str, int]) -> tuple[FacetValue, ...]:
    rows = dict(rows)
    for code in query.origin:
        rows.setdefault(code, 0)
    names = dict(COUNTRIES)
    values = []
    for code, n in rows.items():
        en, zh = both_languages(names[code]) if code in names else (code, code)
        values.append(FacetValue(code, en, zh, n, code in query.origin))
    return tuple(sorted(values, key=lambda v: (-v.count, v.value)))


def _certifications(query: ProductQuery, counted: dict[str, int]) -> tuple[FacetValue, ...]:
    values = [
        FacetValue(name, *CERTIFICATIONS[name], counted[f"cert_{name}"], name in query.certifications)
        for name in CERT_BITS
        if counted[f"cert_{name}"] or name in query.certifications
    ]
    return tuple(sorted(values, key=lambda v: (-v.count, v.value)))
