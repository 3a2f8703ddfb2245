"""Facet counts: for each facet, the listings matching the query and every OTHER active filter.

Category counts roll up the tree (a parent counts its subtree). Certifications are AND-ed, so
each certification value counts like one more filter: listings matching everything selected
and holding that certification (a selected one therefore counts the whole result).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Case, F, Q, Sum, Value, When
from django.db.models.lookups import Exact
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
    """Every facet count from the matches grouped by (category path, origin): per group the
    listings passing the `NARROWING_FILTERS` and, of those, how many are verified, offer
    samples and hold each certification. Each facet then leaves out its own category or origin
    filter here, on the groups (the same tests as `filters.conditions`; the brute-force facet
    test holds the two together), so one pass over the matches gives every count."""

    def __init__(self, query: ProductQuery, rows: Iterable[tuple]):
        self.query = query
        # (path, origin, listings, verified, with samples, *with each certification), and the
        # names of the facet filters it fails.
        self.rows = [(row, self._failing(row[0], row[1])) for row in rows]

    @classmethod
    def grouped(cls, query: ProductQuery, groups: Iterable[tuple]) -> Tally:
        """From (path, origin, cert mask, verified, sample, count) groups, narrowed here."""
        sums: dict[tuple[str, str], list[int]] = {}
        bits = list(CERT_BITS.values())
        required = sum(CERT_BITS[cert] for cert in query.certifications)
        for path, origin, mask, verified, sample, n in groups:
            if mask & required != required or (query.verified_only and not verified):
                continue
            if query.sample_available and not sample:
                continue
            row = sums.setdefault((path, origin), [0] * (3 + len(bits)))
            row[0] += n
            row[1] += n if verified else 0
            row[2] += n if sample else 0
            for i, bit in enumerate(bits, start=3):
                if mask & bit:
                    row[i] += n
        return cls(query, [(path, origin, *counts) for (path, origin), counts in sums.items()])

    @classmethod
    def summed(cls, query: ProductQuery, rows, weight) -> Tally:
        """Grouped and summed by SQL: `rows` (documents, weight 1, or facet groups, weight their
        count) already narrowed by the `NARROWING_FILTERS`."""

        def where(condition):
            return Sum(Case(When(condition, then=weight), default=Value(0)))

        columns = {"n": Sum(weight), "v": where(Q(supplier_verified=True)), "s": where(Q(sample_available=True))}
        for i, bit in enumerate(CERT_BITS.values()):
            columns[f"c{i}"] = where(Exact(F("cert_mask").bitand(bit), bit))
        return cls(query, rows.values_list("category_path", "origin").annotate(**columns).order_by())

    def _failing(self, path: str, origin: str) -> frozenset[str]:
        query, failing = self.query, set()
        if query.category and path != query.category and not path.startswith(f"{query.category}/"):
            failing.add("category")
        if query.origin and origin not in query.origin:
            failing.add("origin")
        return frozenset(failing)

    def passing(self, leave_out: str | None = None) -> list[tuple]:
        """Groups matching every facet filter but `leave_out`."""
        return [row for row, failing in self.rows if not failing or failing == {leave_out}]

    def counts(self) -> dict[str, int]:
        """The total, each flag's count and each certification's."""
        passing = self.passing()
        found = {"total": sum(row[2] for row in passing)}
        found["verified"] = sum(row[3] for row in passing)
        found["sample_available"] = sum(row[4] for row in passing)
        for i, name in enumerate(CERT_BITS, start=5):
            found[f"cert_{name}"] = sum(row[i] for row in passing)
        return found

    def by_column(self, leave_out: str, column: int) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in self.passing(leave_out):
            if row[column] and row[2]:
                found[row[column]] = found.get(row[column], 0) + row[2]
        return found


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
