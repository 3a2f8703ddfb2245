"""Marking what matched in a title or a description excerpt: escaped text with <mark>s. Pure."""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from django.utils.html import strip_tags

from tradebridge.search import text

SNIPPET_CHARS = 160
_WORD = re.compile(r"[^\W_]+")


def _needles(terms: tuple[str, ...]) -> tuple[frozenset[str], list[str]]:
    """English stems and Chinese strings to look for."""
    stems: set[str] = set()
    chinese: set[str] = set()
    for term in terms:
        normal = text.normalise(term)
        for cjk, other in text.RUN.findall(normal):
            if other:
                stems.add(text.stem(other))
            elif cjk:
                chinese.add(cjk)
    return frozenset(stems), sorted(chinese, key=len, reverse=True)


@lru_cache(maxsize=65_536)
def _word_stem(word: str) -> str | None:
    """The stem a Latin word of shown text is compared by (None for Chinese): titles repeat words."""
    return None if text.CJK_RUN.fullmatch(word) else text.stem(text.normalise(word))


def _spans(value: str, needles: tuple[frozenset[str], list[str]]) -> list[tuple[int, int]]:
    stems, chinese = needles
    spans: list[tuple[int, int]] = []
    if stems:
        for match in _WORD.finditer(value):
            if _word_stem(match.group()) in stems:
                spans.append(match.span())
    if chinese:
        # Traditional text is matched through its simplified form when that keeps the length.
        simplified = text.simplify(value)
        haystack = simplified if len(simplified) == len(value) else value
        for needle in chinese:
            start = haystack.find(needle)
            while start != -1:
                spans.append((start, start + len(needle)))
                start = haystack.find(needle, start + len(needle))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(value: str, spans: list[tuple[int, int]]) -> str:
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(escape(value[last:start]))
        out.append(f"<mark>{escape(value[start:end])}</mark>")
        last = end
    out.append(escape(value[last:]))
    return "".join(out)


class Highlighter:
    """`highlight` and `snippet` for one query's terms, read once for a whole page of hits."""

    def __init__(self, terms: tuple[str, ...]):
        self.terms = terms
        self.needles = _needles(terms) if terms else (frozenset(), [])

    def highlight(self, value: str) -> str:
        """`value` escaped, with every match of the terms (or their stems) in <mark>."""
        return _marked(value, _spans(value, self.needles)) if self.terms else escape(value)

    def snippet(self, html: str, *, size: int = SNIPPET_CHARS) -> str:
        """A short plain-text excerpt of a description around its first match, marked."""
        plain = " ".join(strip_tags(html or "").split())[:20_000]
        spans = _spans(plain, self.needles) if self.terms else []
        start = max(0, spans[0][0] - size // 3) if spans else 0
        excerpt = plain[start : start + size]
        shifted = [(a - start, min(b, start + size) - start) for a, b in spans if start <= a < start + size]
        prefix = "…" if start else ""
        suffix = "…" if start + size < len(plain) else ""
        return prefix + _marked(excerpt, shifted) + suffix


def highlight(value: str, terms: tuple[str, ...]) -> str:
    """`value` escaped, with every match of `terms` (or their stems) in <mark>."""
    return Highlighter(terms).highlight(value)


def snippet(html: str, terms: tuple[str, ...], *, size: int = SNIPPET_CHARS) -> str:
    """A short plain-text excerpt of a description around its first match, marked."""
    return Highlighter(terms).snippet(html, size=size)
