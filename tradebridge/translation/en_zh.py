"""English → Chinese dictionary translation of listing text.

Greedy longest-phrase matching against our glossary, a few rules for what titles do with numbers
(70cl, Pack of 12, UK 8, 2-3 Years) and origins (Made in X, from X), CC-CEDICT for single
words the glossary lacks, and everything else — brands, model codes, numbers — kept as written.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from tradebridge.translation import cedict, segmentation
from tradebridge.translation.en_tokens import BREAK, Token, tokenize
from tradebridge.translation.glossary import Entry, get_glossary, word_forms
from tradebridge.translation.text import normalise_width
from tradebridge.translation.zh_layout import Piece, arrange, join

_DASHES = frozenset("-‐‑–—|")
_STOP = frozenset({"the", "a", "an", "in", "by", "at", "to", "on", "is", "are"})
# Punctuation as Chinese writes it; (text, tight before, tight after).
_PUNCT = {
    ",": ("，", True, True),
    ";": ("；", True, True),
    ":": ("：", True, True),
    "!": ("！", True, True),
    "?": ("？", True, True),
    "(": ("（", True, True),
    ")": ("）", True, True),
    "[": ("【", True, True),
    "]": ("】", True, True),
    "/": ("/", True, True),
    "+": ("+", True, False),
    "%": ("%", True, False),
    "×": ("×", True, True),
    "£": ("£", False, True),
    "$": ("$", False, True),
    "€": ("€", False, True),
    "#": ("#", False, True),
    "®": ("®", True, False),
    "™": ("™", True, False),
    "“": ("“", False, True),
    "”": ("”", True, False),
}
_DROPPED_PUNCT = frozenset("\"'*`~^_\\")
# "Pack of 12": the container word decides the Chinese measure.
_CONTAINER_OF = {
    "pack": "件装",
    "box": "件装",
    "bag": "件装",
    "tin": "件装",
    "carton": "件装",
    "bundle": "件装",
    "set": "件套",
    "case": "瓶装",
}
# Units that read better as a pack count than as their glossary word.
_COUNT_UNITS = {"pack": "件装", "packs": "件装", "pk": "件装", "multipack": "件装"}
_SIZE_SYSTEMS = {"uk": "英码", "eu": "欧码", "us": "美码"}
# "<verb> in <place>": the place goes first in Chinese (苏格兰制造).
_ORIGIN_TRIGGERS = {
    ("made", "in"): "{}制造",
    ("handmade", "in"): "{}手工制作",
    ("hand", "made", "in"): "{}手工制作",
    ("designed", "in"): "{}设计",
    ("produced", "in"): "{}出品",
    ("distilled", "in"): "{}蒸馏",
    ("bottled", "in"): "{}装瓶",
    ("woven", "in"): "{}织造",
    ("knitted", "in"): "{}编织",
    ("grown", "in"): "{}种植",
    ("baked", "in"): "{}烘焙",
    ("printed", "in"): "{}印刷",
    ("crafted", "in"): "{}打造",
    ("sourced", "from"): "原料来自{}",
    ("product", "of"): "{}产品",
}
_ORIGIN_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _trigger, _pattern in _ORIGIN_TRIGGERS.items():
    _ORIGIN_BY_FIRST.setdefault(_trigger[0], []).append((_trigger, _pattern))
# Words that can start a rule in _Translator._special; anything else skips it at once.
_SPECIAL_FIRST = frozenset({*_CONTAINER_OF, *_SIZE_SYSTEMS, *_ORIGIN_BY_FIRST, "size", "from"})
_COLOUR_NEIGHBOURS = frozenset({"product", "category", "material", "colour", "size"})


def _decimal(number: str) -> Decimal | None:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):
        number = number.replace(",", "")
    try:
        return Decimal(number.replace(",", "."))
    except InvalidOperation:
        return None


def _unit(key: str) -> str | None:
    """Chinese for a unit word or abbreviation, if the glossary has it as a unit."""
    if key in _COUNT_UNITS:
        return _COUNT_UNITS[key]
    for form in word_forms(key):
        for entry in get_glossary().by_en.get(form, ()):
            if entry.kind == "unit":
                return entry.zh
    return None


@lru_cache(maxsize=16384)
def cedict_word(key: str) -> str | None:
    """CC-CEDICT's most direct, most common Chinese for a single English word, or None."""
    if len(key) < 3 or not key.isalpha():
        return None
    for form in word_forms(key):
        candidates = cedict.english_to_chinese(form)
        if not candidates:
            continue
        best_tier = candidates[0][1]
        if best_tier > 2:
            return None
        freq = segmentation.tokenizer().FREQ
        tied = [simp for simp, tier in candidates if tier == best_tier]
        return max(tied, key=lambda simp: freq.get(simp, 0))
    return None


class _Translator:
    """One title's translation; a class only to share the token list between the rules."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.keys = [token.key for token in self.tokens]
        self.pieces: list[Piece] = []
        self.glossary = get_glossary()
        words = [t.text for t in self.tokens if t.kind == "word" and len(t.text) > 1]
        capitalised = sum(1 for w in words if w[0].isupper())
        # In Title Case text capitals say nothing about brands, except before the first
        # translated word (brands lead: "Walkers Shortbread").
        self.title_case = len(words) >= 2 and capitalised >= 0.6 * len(words)

    def run(self) -> list[Piece]:
        i = 0
        while i < len(self.tokens):
            token = self.tokens[i]
            if token.kind == "num":
                i = self._number(i)
            elif token.kind == "punct" and token.key == BREAK:
                i = self._punct(i)
            elif token.kind == "cjk":
                self._keep(token)
                i += 1
            else:
                i = self._special(i) or self._phrase(i) or self._word(i)
        return self.pieces

    # --- helpers -------------------------------------------------------------------------

    def _emit(self, text: str, kind: str, token: Token | None = None, **flags: bool) -> None:
        start, end = (token.start, token.end) if token else (-1, -1)
        self.pieces.append(Piece(text, kind, start, end, **flags))

    def _keep(self, token: Token) -> None:
        self.pieces.append(Piece(token.text, "latin", token.start, token.end))

    def _previous_kind(self) -> str | None:
        for piece in reversed(self.pieces):
            if piece.kind not in ("of",):
                return piece.kind
        return None

    def _translated_in_clause(self) -> bool:
        for piece in reversed(self.pieces):
            if piece.kind in ("sep", "punct"):
                return False
            if piece.kind not in ("latin", "num", "of"):
                return True
        return False

    def _between_numbers(self, i: int) -> bool:
        return 0 < i < len(self.tokens) - 1 and self.tokens[i - 1].kind == self.tokens[i + 1].kind == "num"

    def _num_at(self, i: int) -> Token | None:
        if i < len(self.tokens) and self.tokens[i].kind == "num" and not self.tokens[i].suffix:
            return self.tokens[i]
        return None

    def _choose(self, entries: tuple[Entry, ...], end: int, *, place: bool = False) -> Entry:
        if len(entries) == 1:
            return entries[0]
        if place:
            for entry in entries:
                if entry.kind == "attribute" and entry.en[:1].isupper():
                    return entry
        colours = [entry for entry in entries if entry.kind == "colour"]
        if colours and self._colour_slot(end):
            return colours[0]
        for entry in entries:
            if entry.kind not in ("unit", "colour"):
                return entry
        return entries[0]

    def _colour_slot(self, end: int) -> bool:
        """After the product, at the end of the title or before another colour or size."""
        if self._previous_kind() not in _COLOUR_NEIGHBOURS:
            return False
        if end >= len(self.tokens) or self.keys[end] == BREAK or self.tokens[end].kind == "num":
            return True
        following = self.glossary.match(self.keys, end)
        return bool(following) and following[1][0].kind in ("colour", "size")

    # --- rules ---------------------------------------------------------------------------

    def _number(self, i: int) -> int:
        token = self.tokens[i]
        after = i + 1
        found = self.glossary.match(self.keys, i)  # 304 stainless steel, 9ct gold, 2XL
        if found and (found[0] > after or (token.suffix and not _unit(token.suffix.lower()))):
            entry = self._choose(found[1], found[0])
            self._emit(entry.zh, entry.kind, token)
            return found[0]
        if token.suffix:
            number = token.text[: len(token.text) - len(token.suffix)]
            suffix = token.suffix.lower()
            if suffix == "x":
                self._emit(f"{number}×", "num", token, tight_after=True)
                return after
            zh = self._unit_text(number, suffix, i)
            if zh is None:
                self._keep(token)
            else:
                self._emit(zh, "unit", token)
            return after
        found = self.glossary.match(self.keys, after) if after < len(self.tokens) else None
        if found and any(entry.kind == "unit" for entry in found[1]):
            key = " ".join(self.keys[after : found[0]])
            zh = self._unit_text(token.text, key, i)
            if zh is not None:
                self._emit(zh, "unit", token)
                return found[0]
        self._keep(token)  # a bare number stays with the words around it: XJ-900, iPhone 15
        return after

    def _unit_text(self, number: str, key: str, i: int) -> str | None:
        if key in ("cl", "centilitre", "centilitres", "centiliter", "centiliters"):
            value = _decimal(number)
            if value is not None:  # Chinese labels give spirits in ml: 70cl → 700毫升
                return f"{format((value * 10).normalize(), 'f')}毫升"
        unit = _unit(key)
        if unit is None:
            return None
        ranged = i >= 2 and self.tokens[i - 1].text == "-" and self.tokens[i - 2].kind == "num"
        if ranged and unit == "年":
            unit = "岁"  # 2-3 Years is a child's age, 12 Years a whisky's
        return f"{number}{unit}"

    def _punct(self, i: int) -> int:
        token = self.tokens[i]
        char = token.text
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if char in _DASHES:
            glued = not token.spaced and nxt is not None and not nxt.spaced
            if glued and i > 0 and self.tokens[i - 1].kind == "num" and nxt.kind == "num":
                self._emit("-", "punct", token, tight_before=True, tight_after=True)
            else:
                self._emit("", "sep", token)
        elif char == ".":
            if nxt is None or (nxt.spaced and nxt.text[:1].isupper()):
                self._emit("。", "punct", token, tight_before=True, tight_after=True)
        elif char == "×" and self._between_numbers(i):
            self._emit("×", "punct", token, tight_before=True, tight_after=True)
        elif char in _PUNCT:
            text, before, after = _PUNCT[char]
            kind = "sep" if char in ",;" else "punct"
            self._emit(text, kind, token, tight_before=before, tight_after=after)
        elif char not in _DROPPED_PUNCT:
            # Other marks keep the spacing the supplier gave them (<3, A&B, #1).
            glued_after = nxt is not None and not nxt.spaced
            self._emit(char, "punct", token, tight_before=not token.spaced, tight_after=glued_after)
        return i + 1

    def _special(self, i: int) -> int:
        keys = self.keys
        key = keys[i]
        if key not in _SPECIAL_FIRST:
            return 0
        # Pack of 12 → 12件装
        if key in _CONTAINER_OF and i + 1 < len(keys) and keys[i + 1] == "of":
            number = self._num_at(i + 2)
            if number is not None:
                self._emit(f"{number.text}{_CONTAINER_OF[key]}", "unit", number)
                return i + 3
        # Size M → M码 (the size word says it already)
        if key == "size" and i + 1 < len(keys):
            found = self.glossary.match(keys, i + 1)
            if found and found[1][0].kind == "size":
                self._emit(found[1][0].zh, "size", self.tokens[i + 1])
                return found[0]
        # UK 8, UK Size 8, Size 10
        if key in _SIZE_SYSTEMS or key == "size":
            j = i + 1 + (key != "size" and i + 1 < len(keys) and keys[i + 1] == "size")
            number = self._num_at(j)
            if number is not None:
                text = f"{_SIZE_SYSTEMS[key]}{number.text}" if key != "size" else f"{number.text}码"
                self._emit(text, "size", number)
                return j + 1
        # Made in Scotland → 苏格兰制造; from Scotland → moved before the product later.
        for trigger, pattern in _ORIGIN_BY_FIRST.get(key, ()):
            if tuple(keys[i : i + len(trigger)]) == trigger:
                place = self._place(i + len(trigger))
                if place:
                    end, entry = place
                    self._emit(pattern.format(entry.zh), "phrase", self.tokens[i])
                    return end
        if key == "from":
            place = self._place(i + 1)
            if place:
                end, entry = place
                self._emit(entry.zh, "origin", self.tokens[i])
                return end
        return 0

    def _place(self, i: int) -> tuple[int, Entry] | None:
        if i < len(self.keys) and self.keys[i] == "the":
            i += 1
        found = self.glossary.match(self.keys, i) if i < len(self.keys) else None
        if not found:
            return None
        entry = self._choose(found[1], found[0], place=True)
        if entry.kind == "attribute" and entry.en[:1].isupper():
            return found[0], entry
        return None

    def _phrase(self, i: int) -> int:
        found = self.glossary.match(self.keys, i)
        if not found:
            return 0
        end, entries = found
        entry = self._choose(entries, end)
        self._emit(entry.zh, entry.kind, self.tokens[i])
        return end

    def _word(self, i: int) -> int:
        token = self.tokens[i]
        text, key = token.text, token.key
        if key in ("x", "×") and self._between_numbers(i):
            self._emit("×", "punct", token, tight_before=True, tight_after=True)  # 6 x 25g
            return i + 1
        if key in _STOP and (i + 1 == len(self.tokens) or self.tokens[i + 1].spaced):
            return i + 1  # "A&B" is a name, not an article
        if key == "of":
            self._emit("", "of", token)
            return i + 1
        if token.kind == "code" or (text.isupper() and len(text) > 1):
            brand_like = True  # model numbers and acronyms
        elif text[:1].isupper():
            if self.title_case:
                brand_like = not self._translated_in_clause()
            else:
                brand_like = not (i == 0 or self.tokens[i - 1].text in ".!?")
        else:
            brand_like = False
        zh = None if brand_like else cedict_word(key)
        if zh is None:
            self._keep(token)
        else:
            self._emit(zh, "word", token)
        return i + 1


@lru_cache(maxsize=65536)
def translate(text: str) -> str:
    """Chinese for an English listing title or sentence."""
    text = normalise_width(text)
    if not text.strip():
        return text
    translator = _Translator(text)
    return join(text, arrange(translator.run()))
