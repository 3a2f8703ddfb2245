"""Dictionary-based machine translation, English ↔ Chinese, with no network and no model.

The default provider's engine: en_zh and zh_en do the work; this module picks the direction
and handles HTML. Results are cached per text, so re-rendering a catalogue page is free.
"""

from __future__ import annotations

from tradebridge.translation import en_zh, markup, zh_en
from tradebridge.translation.text import language


def translate(text: str, *, source: str, target: str) -> str:
    """`text` in the target language; unchanged when source and target are the same."""
    source, target = language(source), language(target)
    if source == target or not text:
        return text
    return en_zh.translate(text) if source == "en" else zh_en.translate(text)


def translate_many(texts: list[str], *, source: str, target: str) -> list[str]:
    return [translate(text, source=source, target=target) for text in texts]


def translate_html(html: str, *, source: str, target: str) -> str:
    """Translate an HTML fragment's text nodes; tags and attributes are kept as written."""
    return markup.translate_html(html, lambda texts: translate_many(texts, source=source, target=target))
