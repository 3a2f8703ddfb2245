"""Chinese → English dictionary translation: jieba segments, our glossary names them, and
CC-CEDICT's first sense covers words the glossary lacks.

Adjacent segments are re-joined when the glossary knows the longer term (不锈钢 + 球阀 is
"stainless steel ball valve"), so segmentation can stay fine-grained for search.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tradebridge.translation import cedict, segmentation
from tradebridge.translation.glossary import get_glossary
from tradebridge.translation.text import has_cjk, normalise_width

# Particles with no English word of their own.
_DROP = frozenset({"的", "了", "之", "着"})
_PUNCT = {
    "，": ",",
    "、": ",",
    "。": ".",
    "；": ";",
    "：": ":",
    "！": "!",
    "？": "?",
    "（": "(",
    "）": ")",
    "【": "[",
    "】": "]",
    "《": '"',
    "》": '"',
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "·": "-",
    "～": "~",
}
_NO_SPACE_BEFORE = frozenset(",.;:!?)]%")
_NO_SPACE_AFTER = frozenset("([£$€#")
_MAX_CEDICT_WORD = 4


@dataclass(slots=True)
class _Word:
    text: str
    kind: str  # a glossary kind, or num, latin, punct, cedict


def _first_sense(simplified: str) -> str | None:
    """CC-CEDICT's first gloss, as a listing would say it ("to export" → "export")."""
    for gloss in cedict.glosses(simplified):
        sense = gloss.removeprefix("to ").strip()
        if sense:
            return sense
    return None


def _cedict_words(token: str) -> list[str]:
    """English for a Chinese token CC-CEDICT lacks whole: greedy longest known pieces."""
    words: list[str] = []
    i = 0
    while i < len(token):
        for size in range(min(_MAX_CEDICT_WORD, len(token) - i), 0, -1):
            sense = _first_sense(token[i : i + size])
            if sense is not None:
                words.append(sense)
                i += size
                break
        else:
            words.append(token[i])  # unknown character: keep it rather than lose it
            i += 1
    return words


def _unit(number: str, en: str) -> tuple[str, str]:
    """Glossary unit after a number: abbreviations glued (500g), words pluralised (12 years)."""
    if len(en) <= 3 and " " not in en:
        return f"{number}{en}", "unit"
    if number != "1" and not en.endswith("s"):
        plural = f"{en}s"
        if get_glossary().by_en.get(plural.lower()):
            en = plural
    return f"{number} {en}", "unit"


def _words(text: str) -> list[_Word]:
    glossary = get_glossary()
    tokens = segmentation.tokens(text)
    words: list[_Word] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isspace():
            i += 1
            continue
        if has_cjk(token):
            found = glossary.match_zh(tokens, i)
            if found:
                end, entries = found
                entry = entries[0]
                if entry.kind == "unit" and words and words[-1].kind == "num":
                    number = words.pop().text
                    words.append(_Word(*_unit(number, entry.en)))
                else:
                    words.append(_Word(entry.en, entry.kind))
                i = end
                continue
            if token not in _DROP:
                words.extend(_Word(sense, "cedict") for sense in _cedict_words(token))
        elif token in _PUNCT:
            words.append(_Word(_PUNCT[token], "punct"))
        elif len(token) == 1 and not token.isalnum():
            words.append(_Word(token, "punct"))
        elif token.replace(".", "", 1).isdigit():
            words.append(_Word(token, "num"))
        else:
            words.append(_Word(token, "latin"))
        i += 1
    return words


def _join(words: list[_Word]) -> str:
    out: list[str] = []
    for word in words:
        if out and word.text[:1] not in _NO_SPACE_BEFORE and out[-1][-1:] not in _NO_SPACE_AFTER:
            out.append(" ")
        out.append(word.text)
    return "".join(out)


@lru_cache(maxsize=65536)
def translate(text: str) -> str:
    """English for Chinese listing text (simplified or traditional, any width)."""
    text = cedict.to_simplified(normalise_width(text))
    if not text.strip():
        return text
    return _join(_words(text))
