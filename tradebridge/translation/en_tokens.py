"""English listing text as tokens: words, numbers with their units, model codes, punctuation.

Each token carries its glossary lookup key and its span in the source, so kept text can be
re-joined exactly as the supplier wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tradebridge.translation.glossary import en_key

_TOKEN = re.compile(
    r"(?P<code>[A-Za-z]+\d[A-Za-z0-9]*|[A-Za-z]+&[A-Za-z]+)"  # DN50, B12, SPF30, M8, M&S
    r"|(?P<num>\d+(?:[.,]\d+)*)(?:(?P<suffix>[A-Za-zµ]+)|[+%])?"  # 12, 1.5, 70cl, 2x, 3+, 5%
    r"|(?P<cjk>[\u3400-\u9fff\uf900-\ufaff]+)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*['’]?)"
    r"|(?P<space>\s+)"
    r"|(?P<punct>.)",
    re.DOTALL,
)
BREAK = "\x00"  # key of a token no glossary phrase may run across
_HYPHENS = frozenset("-‐‑")


@dataclass(slots=True)
class Token:
    kind: str  # code, num, cjk, word, punct
    text: str
    key: str  # glossary lookup form; BREAK for tokens a phrase may not cross
    start: int
    end: int
    spaced: bool  # whitespace before it in the source
    suffix: str = ""  # letters glued to a number: 70cl → "cl"


_word_key = lru_cache(maxsize=65536)(en_key)


def tokenize(text: str) -> list[Token]:
    """Tokens of English listing text, with hyphens inside words dropped (non-chill → non chill)."""
    raw: list[Token] = []
    spaced = False
    for match in _TOKEN.finditer(text):
        group = match.lastgroup  # the last group that matched names the alternative
        value = match.group()
        start, end = match.span()
        if group == "space":
            spaced = True
            continue
        if group == "suffix":
            token = Token("num", value, value.lower(), start, end, spaced, match.group("suffix"))
        elif group == "num":
            token = Token("num", value, value, start, end, spaced)
        elif group == "cjk":
            token = Token("cjk", value, BREAK, start, end, spaced)
        elif group == "punct":
            token = Token("punct", value, "and" if value == "&" else BREAK, start, end, spaced)
        else:
            token = Token(group or "word", value, _word_key(value), start, end, spaced)
        raw.append(token)
        spaced = False
    if "-" not in text and "‐" not in text and "‑" not in text:
        return raw
    # A hyphen glued between two letter-bearing tokens joins a compound: drop it for matching.
    # Between two numbers it is a range (2-3 years) and stays.
    tokens: list[Token] = []
    for index, token in enumerate(raw):
        if (
            token.text in _HYPHENS
            and not token.spaced
            and 0 < index < len(raw) - 1
            and not raw[index + 1].spaced
            and raw[index - 1].kind in ("word", "code", "num")
            and (
                raw[index + 1].kind in ("word", "code")
                or (raw[index + 1].kind == "num" and raw[index - 1].kind != "num")
            )
        ):
            continue
        tokens.append(token)
    return tokens
