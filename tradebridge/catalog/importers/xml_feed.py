"""Streams the items of a Google Merchant RSS or Atom feed (the g: namespace, as Prisjakt and
other price-comparison sites take it) as `Row`s, numbered by the line each item starts on.

Built on expat directly rather than ElementTree.iterparse because expat reports line numbers and
lets us refuse any DTD outright: a feed has no use for one, and entity declarations are how a
small file expands into gigabytes ("billion laughs").
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from .records import RowError
from .rows import Header, Row

GOOGLE_NS = "http://base.google.com/ns/1.0"
_ITEMS = {"item", "entry"}
_REPEATABLE = {"additional_image_link"}
_CHUNK = 64 * 1024
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")


class _Refused(Exception):
    pass


def prolog_problem(prefix: bytes) -> str | None:
    """Why the start of an XML file is refused, or None. Checks what comes before the root."""
    text = prefix
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if text.startswith(bom):
            text = text[len(bom) :]
    if text[:2] in (b"<\x00", b"\x00<"):
        text = text.replace(b"\x00", b"")  # UTF-16: look at the ASCII bytes
    if _DECLARATION.search(text):
        return "dtd"
    return None


def root_name(prefix: bytes) -> str:
    """The root element's local name ("rss", "feed"), skipping the declaration and comments."""
    text = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", prefix.replace(b"\x00", b""), flags=re.DOTALL)
    match = _ROOT.search(text)
    return match.group(1).decode("ascii", "replace").split(":")[-1].lower() if match else ""


def read_xml_rows(path: Path) -> Iterator[Row | RowError]:
    """Each <item>/<entry>: its direct children by name ("g:price"), nested ones skipped."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    done: deque[Row] = deque()
    state = _State(parser, done)

    def refuse(*_args: object) -> None:
        raise _Refused

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = state.start
    parser.EndElementHandler = state.end
    parser.CharacterDataHandler = state.text
    with open(path, "rb") as raw:
        while True:
            chunk = raw.read(_CHUNK)
            try:
                parser.Parse(chunk, not chunk)
            except _Refused:
                yield RowError(
                    parser.CurrentLineNumber,
                    None,
                    "unsafe_xml",
                    "The feed declares a DTD or entities, which feeds do not need; it was refused.",
                )
                return
            except expat.ExpatError as exc:
                yield from done
                yield RowError(
                    exc.lineno,
                    None,
                    "xml_malformed",
                    f"The feed is not well-formed XML from line {exc.lineno} on "
                    f"({expat.ErrorString(exc.code)}); items after it were not read.",
                )
                return
            except LookupError:  # expat asks Python for the encoding the prolog names
                yield RowError(
                    1, None, "xml_encoding", "The feed names a text encoding that does not exist; it was not read."
                )
                return
            while done:
                yield done.popleft()
            if not chunk:
                return


def _display(name: str) -> str:
    """An element's name as the supplier's file spells it: "{Google namespace} price" → "g:price"."""
    namespace, _, local = name.rpartition(" ")
    return f"g:{local}" if namespace == GOOGLE_NS else local


class _State:
    """The item being read; items are small, so one at a time is all we hold."""

    def __init__(self, parser: expat.XMLParserType, done: deque[Row]) -> None:
        self.parser = parser
        self.done = done
        self.language = ""
        self.item: dict[str, str] | None = None
        self.names: list[str] = []
        self.line = 0
        self.depth = 0
        self.child = ""
        self.parts: list[str] = []
        self.nested = False
        self.in_language = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if self.item is None:
            if local in _ITEMS:
                self.item, self.names, self.depth = {}, [], 0
                self.line = self.parser.CurrentLineNumber
            self.in_language = local == "language"
            self.parts = []
            return
        self.depth += 1
        if self.depth == 1:
            self.child, self.parts, self.nested = _display(name), [], False
            if local == "link" and "href" in attributes:  # Atom puts the URL in an attribute
                self.parts.append(attributes["href"])
        else:
            self.nested = True  # e.g. <g:shipping><g:country>: not a value we use

    def text(self, data: str) -> None:
        if self.item is None:
            if self.in_language:
                self.parts.append(data)
        elif self.depth >= 1:
            self.parts.append(data)

    def end(self, name: str) -> None:
        if self.item is None:
            if self.in_language:
                self.language = "".join(self.parts).strip()
                self.in_language = False
            return
        if self.depth == 0:
            self._finish_item()
            return
        if self.depth == 1 and not self.nested:
            key = self.child.rpartition(":")[2].lower()
            text = "".join(self.parts)
            # Descriptions keep their line breaks (they become paragraphs); the rest is one line.
            value = text.strip() if key == "description" else " ".join(text.split())
            if self.child not in self.names:
                self.names.append(self.child)
            if key in _REPEATABLE and self.item.get(key):
                self.item[key] = f"{self.item[key]},{value}"  # a comma list, as in TSV feeds
            elif value and not self.item.get(key):
                self.item[key] = value
        self.depth -= 1

    def _finish_item(self) -> None:
        assert self.item is not None
        if self.language and "content_language" not in self.item:
            self.item["content_language"] = self.language
        row = Row(self.line, self.item, Header(self.names))
        self.done.append(row)
        self.item = None
