"""Small text helpers shared by the translation modules: language codes, width, CJK tests."""

from __future__ import annotations

import re

LANGUAGES = ("en", "zh")

_ALIASES = {
    "en": "en",
    "en-gb": "en",
    "en-us": "en",
    "english": "en",
    "zh": "zh",
    "zh-hans": "zh",
    "zh-cn": "zh",
    "zh-sg": "zh",
    "zh-hant": "zh",
    "zh-hk": "zh",
    "zh-tw": "zh",
    "chinese": "zh",
}

# Full-width ASCII (U+FF01–U+FF5E) sits exactly 0xFEE0 above its half-width twin.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20  # ideographic space

CJK_CHAR = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{CJK_CHAR}]")


def language(code: str) -> str:
    """'en' or 'zh' for a language code or Django language name (zh-hans → zh); else ValueError."""
    found = _ALIASES.get(code.strip().lower().replace("_", "-"))
    if found is None:
        raise ValueError(f"unsupported language {code!r}: use one of {', '.join(LANGUAGES)}")
    return found


def normalise_width(text: str) -> str:
    """Full-width ASCII letters, digits, punctuation and spaces → half-width: ＡＢＣ１２３ → ABC123.

    Chinese input methods produce full-width forms; search and matching want one spelling.
    """
    return text.translate(_WIDTH)


def has_cjk(text: str) -> bool:
    return _HAS_CJK.search(text) is not None


def is_cjk_char(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
