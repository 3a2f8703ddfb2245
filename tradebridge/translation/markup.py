"""Translate the text of an HTML fragment and leave its markup alone.

Text nodes are collected, translated in one batch (one request for a remote provider), and put
back in place; tags, attributes, comments and the contents of script, style, code and
translate="no" elements pass through untouched.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from html.parser import HTMLParser

BatchTranslator = Callable[[list[str]], list[str]]

_VERBATIM = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


class _Collector(HTMLParser):
    """Splits HTML into verbatim chunks and translatable text nodes, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # markup as written, or a text node (unescaped)
        self.text_indexes: list[int] = []  # which parts are translatable text
        self._open: list[tuple[str, bool]] = []  # (tag, translation switched off inside)

    def _skipping(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(self.get_starttag_text() or "")
        if tag in _VOID:
            return
        off = tag in _VERBATIM or any(k == "translate" and v == "no" for k, v in attrs)
        off = off or any(k == "class" and v and "notranslate" in v.split() for k, v in attrs)
        self._open.append((tag, off or self._skipping()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")
        # Close up to the matching tag, tolerating unclosed children such as <p> or <li>.
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._skipping():
            # Script and style bodies are raw text: escaping them would change them.
            verbatim = self._open[-1][0] in ("script", "style")
            self.parts.append(data if verbatim else html.escape(data, quote=False))
            return
        if data.strip():
            self.text_indexes.append(len(self.parts))
        self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.parts.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.parts.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.parts.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.parts.append(f"<![{data}]>")


def translate_html(fragment: str, translate_batch: BatchTranslator) -> str:
    """`fragment` with each text node replaced by its translation; markup kept as written."""
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    parts, indexes = collector.parts, collector.text_indexes
    if indexes:
        translations = translate_batch([parts[i].strip() for i in indexes])
        for index, translated in zip(indexes, translations, strict=True):
            original = parts[index]
            lead = original[: len(original) - len(original.lstrip())]
            trail = original[len(original.rstrip()) :]
            parts[index] = lead + html.escape(translated, quote=False) + trail
    return "".join(parts)
