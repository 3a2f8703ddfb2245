"""Words from suppliers' files made safe and tidy: sanitised HTML descriptions, titles, stable
handles, list cells and the certifications we recognise in tags and attributes."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

import nh3

from tradebridge.catalog.domain import CERTIFICATIONS

TITLE_MAX = 300
HANDLE_MAX = 200

_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h2", "h3", "h4",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
_PLAIN_HANDLE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#[0-9]+;")


def _only_absolute_links(tag: str, attribute: str, value: str) -> str | None:
    # nh3 lets relative URLs through; on our site they would point at our own pages.
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(("http://", "https://")) else None
    return value


def sanitise_html(value: str) -> str:
    """The safe subset: paragraphs, lists, emphasis, h2-h4, tables and http(s) links.

    Scripts and styles go with their content; every other tag goes but keeps its text."""
    if not value or not value.strip():
        return ""
    cleaned = nh3.clean(
        value,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https"},
        attribute_filter=_only_absolute_links,
        link_rel="nofollow noopener noreferrer",
        clean_content_tags={"script", "style"},
    )
    return cleaned.strip()


def text_to_html(value: str) -> str:
    """Plain text as safe HTML: blank lines make paragraphs, single newlines make <br>."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value.replace("\r\n", "\n"))]
    parts = []
    for paragraph in paragraphs:
        if paragraph:
            lines = [html.escape(line.strip(), quote=False) for line in paragraph.split("\n")]
            parts.append("<p>" + "<br>".join(lines) + "</p>")
    return "\n".join(parts)


def description_html(value: str) -> str:
    """HTML is sanitised; plain text (as Merchant feeds send it) keeps its paragraphs."""
    if not value or not value.strip():
        return ""
    if _LOOKS_LIKE_HTML.search(value):
        return sanitise_html(value)
    return text_to_html(value)


def clean_title(value: str) -> tuple[str, bool]:
    """Whitespace collapsed, tags dropped; returns (title, was_truncated) at TITLE_MAX."""
    text = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", value or "")).split())
    if len(text) <= TITLE_MAX:
        return text, False
    cut = text[: TITLE_MAX - 1]
    if " " in cut[-40:]:
        cut = cut[: cut.rfind(" ")]  # end on a word when one ends nearby
    return cut.rstrip(" ,;:-") + "…", True


def make_handle(value: str) -> str:
    """Lowercase letters (any script), digits and hyphens, at most HANDLE_MAX characters.

    The same input always gives the same handle, so re-importing a file updates, not duplicates."""
    if _PLAIN_HANDLE.fullmatch(value or "") and len(value) <= HANDLE_MAX:
        return value  # already a handle: the usual case, and this runs on every row
    text = unicodedata.normalize("NFKC", value or "").lower()
    text = "".join(ch if ch.isalnum() else "-" for ch in text)
    text = re.sub(r"-{2,}", "-", text).strip("-")
    return text[:HANDLE_MAX].rstrip("-")


def split_list(value: str, separators: str = ",") -> list[str]:
    """Split a list cell on any of `separators`, dropping blanks and repeats, keeping order."""
    if not value:
        return []
    items = re.split("[" + re.escape(separators) + "]", value)
    seen: dict[str, None] = {}
    for item in items:
        item = item.strip()
        if item:
            seen.setdefault(item, None)
    return list(seen)


# How certifications appear in tags and attribute values, by code in domain.CERTIFICATIONS.
_CERTIFICATION_NAMES = {
    "organic": {"organic", "bio", "soil association", "certified organic", "eu organic"},
    "halal": {"halal"},
    "kosher": {"kosher"},
    "vegan": {"vegan", "vegan society", "plant based vegan"},
    "cruelty_free": {"cruelty free", "crueltyfree", "leaping bunny", "not tested on animals"},
    "ce": {"ce", "ce marked", "ce mark"},
    "ukca": {"ukca", "ukca marked", "ukca mark"},
    "fsc": {"fsc", "fsc certified", "fsc mix", "fsc recycled"},
    "gots": {"gots", "global organic textile standard"},
    "fairtrade": {"fairtrade", "fair trade", "fairtrade certified"},
    "brc": {"brc", "brcgs"},
}
_CERTIFICATION_LOOKUP = {
    name: code
    for code, names in _CERTIFICATION_NAMES.items()
    if code in CERTIFICATIONS  # only codes the catalog knows how to show
    for name in names | {code}
}


def certification_code(value: str) -> str | None:
    """The code for one tag or value ("Cruelty-Free", "FSC certified"), or None."""
    text = " ".join(re.sub(r"[-_/®™]", " ", value.lower()).split())
    if text.endswith(" certified") and text[: -len(" certified")] in _CERTIFICATION_LOOKUP:
        text = text[: -len(" certified")]
    return _CERTIFICATION_LOOKUP.get(text)


def certifications_from(values: Iterable[str]) -> list[str]:
    """Codes recognised among tags/values, in first-seen order, each once."""
    found: dict[str, None] = {}
    for value in values:
        code = certification_code(value)
        if code:
            found.setdefault(code, None)
    return list(found)
