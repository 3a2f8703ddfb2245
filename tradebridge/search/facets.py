"""Facet counts: for each facet, the listings matching the query and every OTHER active filter.

Category counts roll up the tree (a parent counts its subtree). Certifications are AND-ed, so
each certification value counts like one more filter: listings matching everything selected
and holding that certification (a selected one therefore counts the whole result).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

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


def both_languages(label) -> tuple[str, str]:
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


# The filters facets count around, and the document columns they test.
FACET_FILTERS = ("category", "origin", "verified", "sample_available", "certification")
TALLY_COLUMNS = ("category_path", "origin", "cert_mask", "supplier_verified", "sample_available")


class Tally:
    """Every facet count from one pass over the matches: the documents matching the text and the
    filters that are not facets, grouped by the five facet columns; each facet filter is then
    applied here, to the groups (the same tests as `filters.conditions`; the brute-force facet
    test holds the two together). Used when text bounds the matches: each further SQL pass
    would fetch every matching document again."""

    def __init__(self, query: ProductQuery, groups: Iterable[tuple]):
        self.query = query
        # (category path, origin, cert mask, verified, sample, count, names of facet filters it fails)
        self.rows = [(*group, self._failing(group)) for group in groups]

    @classmethod
    def of(cls, query: ProductQuery, documents) -> Tally:
        return cls(query, documents.values_list(*TALLY_COLUMNS).annotate(n=Count("id")).order_by())

    def _failing(self, group) -> frozenset[str]:
        path, origin, mask, verified, sample, _ = group
        query, failing = self.query, set()
        if query.category and path != query.category and not path.startswith(f"{query.category}/"):
            failing.add("category")
        if query.origin and origin not in query.origin:
            failing.add("origin")
        if query.verified_only and not verified:
            failing.add("verified")
        if query.sample_available and not sample:
            failing.add("sample_available")
        if any(mask & CERT_BITS[cert] != CERT_BITS[cert] for cert in query.certifications):
            failing.add("certification")
        return frozenset(failing)

    def passing(self, leave_out: str | None = None) -> list[tuple]:
        """Groups matching every facet filter but `leave_out`."""
        return [row for row in self.rows if not row[6] or row[6] == {leave_out}]

    def counts(self) -> dict[str, int]:
        """What `counts` gives, from the groups."""
        found = {"total": 0, **{f"cert_{name}": 0 for name in CERT_BITS}}
        for _path, _origin, mask, _verified, _sample, n, _failing in self.passing():
            found["total"] += n
            for name, bit in CERT_BITS.items():
                if mask & bit:
                    found[f"cert_{name}"] += n
        for name, column in (("verified", 3), ("sample_available", 4)):
            found[name] = sum(row[5] for row in self.passing(name) if row[column])
        return found

    def by_column(self, leave_out: str, column: int) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in self.passing(leave_out):
            if row[column]:
                found[row[column]] = found.get(row[column], 0) + row[5]
        return found


def _selected(query: ProductQuery, name: str) -> bool:
    return query.verified_only if name == "verified" else query.sample_available


def facets(
    query: ProductQuery, restricted: Restricted, counted: dict[str, int], tally: Tally | None = None
) -> dict[str, tuple[FacetValue, ...]]:
    """The facets, counted by SQL per facet (`restricted`) or from a `Tally` when given."""
    flags = {}
    for name, label in (("verified", VERIFIED_LABEL), ("sample_available", SAMPLE_LABEL)):
        count = counted[name] if name in counted else restricted(name).filter(**{_FLAGS[name]: True}).count()
        flags[name] = (FacetValue("true", *both_languages(label), count, _selected(query, name)),)
    if tally is not None:
        by_path, by_origin = tally.by_column("category", 0), tally.by_column("origin", 1)
    else:
        by_path = dict(
            restricted("category")
            .exclude(category_path="")
            .values_list("category_path")
            .annotate(n=Count("id"))
            .order_by()
        )
        by_origin = dict(
            restricted("origin").exclude(origin="").values_list("origin").annotate(n=Count("id")).order_by()
        )
    return {
        "category": _categories(query, by_path),
        "origin": _origins(query, by_origin),
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
