"""Our curated EN↔ZH trade glossary: loaded once from data/glossary.tsv, looked up by phrase.

The glossary outranks CC-CEDICT everywhere: it holds the terms a trade listing actually uses
(羔羊毛 for lambswool, not a literal "lamb wool"), so the machine translation, segmentation and
cross-lingual search all read it through this module.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

KINDS = frozenset(
    {
        "product",
        "material",
        "colour",
        "size",
        "unit",
        "phrase",
        "attribute",
        "certification",
        "category",
    }
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_SEPARATORS = re.compile(r"[\s\-‐‑–]+")


@dataclass(frozen=True, slots=True)
class Entry:
    en: str
    zh: str
    kind: str


@dataclass(frozen=True)
class Glossary:
    """Immutable indexes over the entries; built once per process."""

    entries: tuple[Entry, ...]
    by_en: dict[str, tuple[Entry, ...]]  # en_key(en) → entries in file order
    by_zh: dict[str, tuple[Entry, ...]]  # zh → entries in file order (first is preferred)
    en_prefixes: frozenset[str]  # every word-prefix of every en key, to stop phrase scans early
    max_zh_len: int

    def en_to_zh(self, term: str) -> str | None:
        """The preferred Chinese for an English term (plurals folded), or None."""
        found = self.lookup_en(term)
        return found[0].zh if found else None

    def zh_to_en(self, term: str) -> str | None:
        found = self.by_zh.get(term.strip())
        return found[0].en if found else None

    def lookup_en(self, term: str) -> tuple[Entry, ...]:
        """Entries for an English term, trying the term as given, then its singular forms."""
        words = en_key(term).split(" ")
        if words == [""]:
            return ()
        head = " ".join(words[:-1])
        for form in word_forms(words[-1]):
            key = f"{head} {form}" if head else form
            found = self.by_en.get(key)
            if found:
                return found
        return ()

    def match(self, words: Sequence[str], start: int) -> tuple[int, tuple[Entry, ...]] | None:
        """Longest glossary phrase in `words` (already en_key-normalised) starting at `start`.

        Every word but the last must match exactly; the last may be inflected (boxes → box),
        since English titles pluralise the head noun. Returns (end index, entries) or None.
        """
        best: tuple[int, tuple[Entry, ...]] | None = None
        prefix = ""
        for end in range(start + 1, len(words) + 1):
            word = words[end - 1]
            for form in word_forms(word):
                found = self.by_en.get(f"{prefix} {form}" if prefix else form)
                if found:
                    best = (end, found)
                    break
            prefix = f"{prefix} {word}" if prefix else word
            if prefix not in self.en_prefixes:
                break
        return best

    def match_zh(self, pieces: Sequence[str], start: int) -> tuple[int, tuple[Entry, ...]] | None:
        """Longest run of segmented pieces from `start` whose concatenation is a glossary term."""
        best: tuple[int, tuple[Entry, ...]] | None = None
        text = ""
        for end in range(start + 1, len(pieces) + 1):
            text += pieces[end - 1]
            if len(text) > self.max_zh_len:
                break
            found = self.by_zh.get(text)
            if found:
                best = (end, found)
        return best


def en_key(text: str) -> str:
    """Lookup form of English: lower case, straight apostrophes, '&' as 'and', hyphens as spaces."""
    text = text.translate(_APOSTROPHES).lower().replace("&", " and ")
    return _SEPARATORS.sub(" ", text).strip()


_IRREGULAR = {
    "knives": "knife",
    "wives": "wife",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
}
# Words ending in s that are not plurals, so "-s" stripping must leave them alone.
_NOT_PLURAL = frozenset(
    {
        "glass",
        "dress",
        "cress",
        "moss",
        "floss",
        "gloss",
        "brass",
        "grass",
        "chess",
        "press",
        "cross",
        "bus",
        "gas",
        "lens",
        "series",
        "species",
        "asparagus",
        "hummus",
        "couscous",
        "citrus",
        "cactus",
        "octopus",
        "walrus",
        "always",
        "plus",
        "this",
        "its",
        "yes",
        "news",
        "trellis",
        "canvas",
        "chassis",
        "molasses",
    }
)


@lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, ...]:
    """The word itself, then singular candidates for an English plural (scarves → scarf, scarfe).

    Over-generates on purpose: a wrong candidate simply misses the glossary, so only forms that
    exist as entries are ever used.
    """
    if len(word) < 3 or not word.isalpha() or word in _NOT_PLURAL:
        return (word,)
    if word in _IRREGULAR:
        return (word, _IRREGULAR[word])
    if word.endswith("ves"):
        return (word, word[:-3] + "f", word[:-3] + "fe", word[:-1])
    if word.endswith("ies") and len(word) > 4:
        return (word, word[:-3] + "y", word[:-1])
    if word.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
        return (word, word[:-2], word[:-1])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return (word, word[:-1])
    return (word,)


def parse(text: str) -> list[Entry]:
    """Parse glossary TSV text: `en<TAB>zh<TAB>kind`; blank lines and `#` comments skipped."""
    entries = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in raw.split("\t")]
        if len(cells) != 3 or not all(cells):
            raise ValueError(f"glossary.tsv line {number}: expected en, zh, kind: {raw!r}")
        en, zh, kind = cells
        if kind not in KINDS:
            raise ValueError(f"glossary.tsv line {number}: unknown kind {kind!r}")
        entries.append(Entry(en, zh, kind))
    return entries


def read_source() -> str:
    return resources.files("tradebridge.translation").joinpath("data/glossary.tsv").read_text("utf-8")


def build(entries: Sequence[Entry]) -> Glossary:
    by_en: dict[str, list[Entry]] = {}
    by_zh: dict[str, list[Entry]] = {}
    prefixes: set[str] = set()
    for entry in entries:
        key = en_key(entry.en)
        by_en.setdefault(key, []).append(entry)
        by_zh.setdefault(entry.zh, []).append(entry)
        words = key.split(" ")
        prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return Glossary(
        entries=tuple(entries),
        by_en={key: tuple(found) for key, found in by_en.items()},
        by_zh={key: tuple(found) for key, found in by_zh.items()},
        en_prefixes=frozenset(prefixes),
        max_zh_len=max((len(zh) for zh in by_zh), default=0),
    )


_lock = threading.Lock()
_glossary: Glossary | None = None


def get_glossary() -> Glossary:
    """The process-wide glossary, read from the package data on first use."""
    global _glossary
    if _glossary is None:
        with _lock:
            if _glossary is None:
                _glossary = build(parse(read_source()))
    return _glossary
