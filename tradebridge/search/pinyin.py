"""Pinyin queries: is a Latin word pinyin, and which syllables is it? Pure.

The syllable table comes from pypinyin's own character readings (tones stripped, ü as v), so
it covers every syllable the index can contain.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MAX_SYLLABLE = 6  # zhuang, shuang


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFKD", reading) if not unicodedata.combining(c))
            plain = plain.replace("ü", "v")
            # Interjections written without a vowel (hm, ng) would split English words apart.
            if plain.isascii() and plain.isalpha() and any(v in plain for v in "aeiouv"):
                found.add(plain)
    return frozenset(found)


@lru_cache(maxsize=16_384)
def split(word: str) -> tuple[str, ...] | None:
    """The fewest syllables that spell `word` exactly (xian → xian, not xi+an), or None."""
    word = word.lower()
    if not word.isascii() or not word.isalpha():
        return None
    table = syllables()
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - MAX_SYLLABLE), end):
            head = best[start]
            piece = word[start:end]
            if head is not None and piece in table:
                candidate = (*head, piece)
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[-1]
