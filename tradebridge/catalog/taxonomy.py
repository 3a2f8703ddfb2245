"""Pure readers for category trees: our authored default tree (data/default_categories.json)
and Google's Product Taxonomy text files. No Django here, so the classifier, the importers and
their tests can use them without a database.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_TREE_FILE = Path(__file__).resolve().parent / "data" / "default_categories.json"

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HS_HEADING_RE = re.compile(r"^\d{4}$")
PATH_SEPARATOR = "/"


# --- Our default tree -----------------------------------------------------------------------


class InvalidTree(ValueError):
    """The default-tree data is malformed; the message lists every problem found."""


@dataclass(frozen=True)
class CategoryNode:
    """One node of the default tree, as authored. `path` is the slugs from the root joined by
    "/", the same key the database uses."""

    path: str
    slug: str
    name_en: str
    name_zh: str
    parent: str | None
    depth: int
    position: int
    hs_headings: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    keywords_zh: tuple[str, ...] = ()
    google: tuple[str, ...] = ()  # Google Product Taxonomy paths that belong under this node

    @property
    def top(self) -> str:
        """The slug of the top-level category this node is under (itself at the top)."""
        return self.path.split(PATH_SEPARATOR, 1)[0]


class CategoryTree:
    """An immutable, validated category tree; iterates parents before children, in file
    order."""

    def __init__(self, nodes: Iterable[CategoryNode]) -> None:
        self._nodes: dict[str, CategoryNode] = {}
        self._children: dict[str | None, list[str]] = {None: []}
        for node in nodes:
            if node.path in self._nodes:
                raise InvalidTree(f"duplicate path {node.path!r}")
            if node.parent is not None and node.parent not in self._nodes:
                raise InvalidTree(f"{node.path!r} comes before its parent {node.parent!r}")
            self._nodes[node.path] = node
            self._children.setdefault(node.parent, []).append(node.path)
            self._children.setdefault(node.path, [])

    @classmethod
    def from_data(cls, data: dict) -> CategoryTree:
        """Build from the JSON document's structure: {"categories": [node, ...]} where a node is
        {slug, name_en, name_zh, hs_headings, keywords_en, keywords_zh, google?, children?}."""
        problems: list[str] = []
        nodes: list[CategoryNode] = []
        roots = data.get("categories") if isinstance(data, dict) else None
        if not isinstance(roots, list) or not roots:
            raise InvalidTree('the document needs a non-empty "categories" list')
        _collect(roots, None, 0, nodes, problems)
        if problems:
            raise InvalidTree("; ".join(problems))
        return cls(nodes)

    @classmethod
    def from_file(cls, path: str | Path) -> CategoryTree:
        with open(path, encoding="utf-8") as fh:
            return cls.from_data(json.load(fh))

    @classmethod
    def default(cls) -> CategoryTree:
        """The tree shipped in data/default_categories.json (parsed once per process)."""
        return _default_tree()

    def __iter__(self) -> Iterator[CategoryNode]:
        return iter(self._nodes.values())

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, path: object) -> bool:
        return path in self._nodes

    def __getitem__(self, path: str) -> CategoryNode:
        return self._nodes[path]

    def get(self, path: str) -> CategoryNode | None:
        return self._nodes.get(path)

    def roots(self) -> list[CategoryNode]:
        return [self._nodes[p] for p in self._children[None]]

    def children(self, path: str) -> list[CategoryNode]:
        return [self._nodes[p] for p in self._children.get(path, [])]

    def ancestors(self, path: str) -> list[CategoryNode]:
        """From the root down to the node's parent."""
        chain: list[CategoryNode] = []
        parent = self._nodes[path].parent
        while parent is not None:
            node = self._nodes[parent]
            chain.append(node)
            parent = node.parent
        return chain[::-1]

    def is_ancestor(self, ancestor: str, of: str) -> bool:
        """True when `ancestor` is a proper ancestor of the node at path `of`."""
        return of.startswith(ancestor + PATH_SEPARATOR)


@functools.cache
def _default_tree() -> CategoryTree:
    return CategoryTree.from_file(DEFAULT_TREE_FILE)


def _string_list(raw: dict, key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: {key} must be a list of non-empty strings")
        return ()
    return tuple(v.strip() for v in value)


def _collect(
    raw_nodes: list,
    parent: CategoryNode | None,
    depth: int,
    out: list[CategoryNode],
    problems: list[str],
) -> None:
    seen_slugs: set[str] = set()
    for position, raw in enumerate(raw_nodes):
        if not isinstance(raw, dict):
            problems.append(f"under {parent.path if parent else 'the root'}: a node is not an object")
            continue
        slug = raw.get("slug")
        where = f"{parent.path + PATH_SEPARATOR if parent else ''}{slug}"
        if not isinstance(slug, str) or not SLUG_RE.match(slug):
            problems.append(f"{where}: slug must be lowercase letters, digits and hyphens")
            continue
        if slug in seen_slugs:
            problems.append(f"{where}: slug repeated under the same parent")
            continue
        seen_slugs.add(slug)
        names = {k: raw.get(k) for k in ("name_en", "name_zh")}
        for key, value in names.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where}: {key} is required")
        hs = _string_list(raw, "hs_headings", where, problems)
        bad_hs = [h for h in hs if not HS_HEADING_RE.match(h)]
        if bad_hs:
            problems.append(f"{where}: HS headings must be 4 digits, got {bad_hs}")
        node = CategoryNode(
            path=where,
            slug=slug,
            name_en=str(names["name_en"] or "").strip(),
            name_zh=str(names["name_zh"] or "").strip(),
            parent=parent.path if parent else None,
            depth=depth,
            position=position,
            hs_headings=hs,
            keywords_en=_string_list(raw, "keywords_en", where, problems),
            keywords_zh=_string_list(raw, "keywords_zh", where, problems),
            google=_string_list(raw, "google", where, problems),
        )
        out.append(node)
        children = raw.get("children", [])
        if not isinstance(children, list):
            problems.append(f"{where}: children must be a list")
            continue
        _collect(children, node, depth + 1, out, problems)


# --- Google Product Taxonomy ---------------------------------------------------------------

# `3237 - Animals & Pet Supplies > Live Animals`; names never contain " > ".
_GOOGLE_LINE_RE = re.compile(r"^\s*(\d+)\s+-\s+(\S.*?)\s*$")
_GOOGLE_VERSION_RE = re.compile(r"Google_Product_Taxonomy_Version:\s*(\S+)")
_BOM = "\ufeff"


@dataclass(frozen=True)
class TaxonomyNode:
    """One Google category. `path_zh` is None when the Chinese file lacks the id (it is an
    older edition: about two in five of the 2015 English ids have no translation)."""

    id: int
    path_en: tuple[str, ...]
    path_zh: tuple[str, ...] | None
    parent_id: int | None

    @property
    def name_en(self) -> str:
        return self.path_en[-1]

    @property
    def name_zh(self) -> str | None:
        return self.path_zh[-1] if self.path_zh else None

    @property
    def depth(self) -> int:
        return len(self.path_en) - 1


@dataclass(frozen=True)
class TaxonomyError:
    """A line that could not be used. `line` is 1-based; `file` is the file's name."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class GoogleTaxonomy:
    """Streams the nodes of a Google Product Taxonomy `taxonomy-with-ids.<locale>.txt` file,
    joined on id with an optional Chinese file.

    Iterate it once; afterwards `errors` holds every malformed line (with its line number)
    and `count`, `zh_missing` and `zh_only` say how the join went. Only the Chinese file is
    held in memory (a dict of about 4,600 ids), since the English file drives the order.
    A child listed before its parent is held back until the parent appears.
    """

    en_path: str | Path
    zh_path: str | Path | None = None
    errors: list[TaxonomyError] = field(default_factory=list)
    en_version: str | None = None
    zh_version: str | None = None
    count: int = 0
    zh_missing: int = 0
    zh_only: int = 0

    def __iter__(self) -> Iterator[TaxonomyNode]:
        zh = self._read_zh() if self.zh_path is not None else {}
        used_zh: set[int] = set()
        ids_by_path: dict[tuple[str, ...], int] = {}
        seen_ids: set[int] = set()
        claimed_paths: set[tuple[str, ...]] = set()  # emitted or waiting for their parent
        waiting: dict[tuple[str, ...], list[tuple[int, tuple[str, ...], int]]] = {}
        en_name = Path(self.en_path).name

        def release(node_id: int, path: tuple[str, ...]) -> Iterator[TaxonomyNode]:
            # Emit a node, then any children that were waiting for it (iteratively, since a
            # whole subtree may have arrived early).
            stack = [(node_id, path)]
            while stack:
                current_id, current_path = stack.pop()
                parent_id = ids_by_path.get(current_path[:-1]) if len(current_path) > 1 else None
                ids_by_path[current_path] = current_id
                path_zh = zh.get(current_id)
                if path_zh is None:
                    self.zh_missing += 1
                else:
                    used_zh.add(current_id)
                self.count += 1
                yield TaxonomyNode(current_id, current_path, path_zh, parent_id)
                for child_id, child_path, _line in reversed(waiting.pop(current_path, [])):
                    stack.append((child_id, child_path))

        for line_no, node_id, path in self._parse(self.en_path, is_zh=False):
            if node_id in seen_ids:
                self.errors.append(TaxonomyError(en_name, line_no, f"id {node_id} repeated"))
                continue
            if path in claimed_paths:
                self.errors.append(TaxonomyError(en_name, line_no, f"path {' > '.join(path)!r} repeated"))
                continue
            seen_ids.add(node_id)
            claimed_paths.add(path)
            if len(path) > 1 and path[:-1] not in ids_by_path:
                waiting.setdefault(path[:-1], []).append((node_id, path, line_no))
                continue
            yield from release(node_id, path)

        for parent_path, orphans in waiting.items():
            for node_id, _path, line_no in orphans:
                self.errors.append(
                    TaxonomyError(
                        en_name,
                        line_no,
                        f"id {node_id}: parent {' > '.join(parent_path)!r} is not in the file",
                    )
                )
        self.zh_only = len(set(zh) - used_zh)

    def _read_zh(self) -> dict[int, tuple[str, ...]]:
        assert self.zh_path is not None
        zh_name = Path(self.zh_path).name
        paths: dict[int, tuple[str, ...]] = {}
        for line_no, node_id, path in self._parse(self.zh_path, is_zh=True):
            if node_id in paths:
                self.errors.append(TaxonomyError(zh_name, line_no, f"id {node_id} repeated"))
                continue
            paths[node_id] = path
        return paths

    def _parse(self, path: str | Path, *, is_zh: bool) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """Yield (line number, id, path parts) for each usable line; record the rest."""
        name = Path(path).name
        with open(path, "rb") as fh:
            for line_no, raw in enumerate(fh, start=1):
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    self.errors.append(TaxonomyError(name, line_no, f"not UTF-8 ({exc.reason})"))
                    continue
                text = text.lstrip(_BOM).strip()
                if not text:
                    continue
                if text.startswith("#"):
                    version = _GOOGLE_VERSION_RE.search(text)
                    if version:
                        if is_zh:
                            self.zh_version = version.group(1)
                        else:
                            self.en_version = version.group(1)
                    continue
                match = _GOOGLE_LINE_RE.match(text)
                if not match:
                    self.errors.append(TaxonomyError(name, line_no, f"expected 'id - A > B', got {text[:80]!r}"))
                    continue
                parts = tuple(part.strip() for part in match.group(2).split(">"))
                if not all(parts):
                    self.errors.append(TaxonomyError(name, line_no, "empty category name"))
                    continue
                yield line_no, int(match.group(1)), parts


def read_google_taxonomy(
    en_path: str | Path, zh_path: str | Path | None = None
) -> tuple[list[TaxonomyNode], list[TaxonomyError]]:
    """Read both files at once: (nodes in file order, errors). For callers that do not need
    streaming."""
    taxonomy = GoogleTaxonomy(en_path, zh_path)
    nodes = list(taxonomy)
    return nodes, taxonomy.errors
