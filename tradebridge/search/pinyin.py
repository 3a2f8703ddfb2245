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
            plain = _toneless(reading)
            # Interjections written without a vowel (hm, ng) would split English words apart.
            if plain.isascii() and plain.isalpha() and any(v in plain for v in "aeiouv"):
                found.add(plain)
    return frozenset(found)


def _toneless(reading: str) -> str:
    """A reading without its tone mark, ü written v as the index writes it (nǚ → nv). The
    diaeresis is read before the marks are dropped: decomposed, ǚ is u + ¨ + ˇ, and dropping
    every mark left nu, so nv (女), lv (绿) and lve (略) were not syllables at all."""
    out: list[str] = []
    for char in unicodedata.normalize("NFD", reading):
        if char == "\u0308" and out and out[-1] == "u":
            out[-1] = "v"
        elif not unicodedata.combining(char):
            out.append(char)
    return "".join(out)


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


@lru_cache(maxsize=1)
def _glossary_by_pinyin() -> dict[str, tuple[str, ...]]:
    """The trade glossary's Chinese terms by their toneless pinyin: qiufa → (球阀,)."""
    from pypinyin import Style, lazy_pinyin

    from tradebridge.translation.glossary import get_glossary

    found: dict[str, list[str]] = {}
    for entry in get_glossary().entries:
        key = "".join(lazy_pinyin(entry.zh, style=Style.NORMAL, errors="ignore")).replace("ü", "v")
        if key and entry.zh not in found.setdefault(key, []):
            found[key].append(entry.zh)
    return {key: tuple(words) for key, words in found.items()}


MAX_WORD_SYLLABLES = 8


@lru_cache(maxsize=4096)
def segments(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A pinyin word cut into the glossary terms it spells, longest first from the left, each
    with its Chinese: yangmaoweijin → ((yangmao, (羊毛,)), (weijin, (围巾,))). Syllables that
    spell no term stay together as a segment without Chinese."""
    syllables = split(word)
    if not syllables:
        return ()
    table = _glossary_by_pinyin()
    found: list[tuple[str, tuple[str, ...]]] = []
    unknown: list[str] = []
    i = 0
    while i < len(syllables):
        for size in range(min(MAX_WORD_SYLLABLES, len(syllables) - i), 0, -1):
            key = "".join(syllables[i : i + size])
            if key in table and (size > 1 or len(syllables) == 1):
                if unknown:
                    found.append(("".join(unknown), ()))
                    unknown = []
                found.append((key, table[key][:2]))
                i += size
                break
        else:
            unknown.append(syllables[i])
            i += 1
    if unknown:
        found.append(("".join(unknown), ()))
    return tuple(found)


def glossary_words(word: str) -> tuple[str, ...]:
    """The Chinese of every glossary term a pinyin word spells (see `segments`)."""
    return tuple(dict.fromkeys(zh for _, words in segments(word) for zh in words))
