"""Recall@k over the labelled set: pure arithmetic, so the test reads as the rule it checks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tests.search.quality.queries import RECALL_DEPTH, Query


@dataclass(frozen=True)
class Outcome:
    query: Query
    returned: tuple[str, ...]  # handles, best first
    relaxed: bool = False

    @property
    def found(self) -> tuple[str, ...]:
        top = set(self.returned[:RECALL_DEPTH])
        return tuple(h for h in self.query.relevant if h in top)

    @property
    def missed(self) -> tuple[str, ...]:
        top = set(self.returned[:RECALL_DEPTH])
        return tuple(h for h in self.query.relevant if h not in top)

    @property
    def recall(self) -> float:
        """Relevant listings in the top k over those that fit there: a query with 13 right answers
        has full recall when any ten of them fill the first page."""
        return len(self.found) / min(len(self.query.relevant), RECALL_DEPTH)


def mean_recall(outcomes: Sequence[Outcome]) -> float:
    return sum(o.recall for o in outcomes) / len(outcomes) if outcomes else 0.0


def by_language(outcomes: Sequence[Outcome]) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.query.language].append(outcome)
    return dict(groups)


def report(outcomes: Sequence[Outcome], *, backend: str) -> str:
    """A readable table: recall per language, overall, then every query short of full recall."""
    lines = [f"Search recall@{RECALL_DEPTH} on {backend} ({len(outcomes)} queries)"]
    for language, group in sorted(by_language(outcomes).items()):
        full = sum(o.recall == 1 for o in group)
        lines.append(f"  {language:12} {mean_recall(group):6.3f}   {full}/{len(group)} queries complete")
    lines.append(f"  {'overall':12} {mean_recall(outcomes):6.3f}")
    short = [o for o in outcomes if o.recall < 1]
    if short:
        lines.append("  Queries short of full recall:")
        for o in short:
            flag = "MUST " if o.query.must else "     "
            relaxed = " (relaxed)" if o.relaxed else ""
            lines.append(f"    {flag}{o.query.text!r:28} {o.recall:.2f}{relaxed} missed {', '.join(o.missed)}")
    return "\n".join(lines)
