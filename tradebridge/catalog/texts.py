"""Machine help for imported listings: translated titles and descriptions, and a category guess.

Cached per import run, because a catalog repeats its phrases (colours, sizes, the brand's
boilerplate) far more often than it says something new.
"""

from __future__ import annotations

from functools import lru_cache

from tradebridge import translation
from tradebridge.catalog.classify import CategoryTree, classify
from tradebridge.catalog.importers.records import ImportedProduct


class MachineTexts:
    def __init__(self, google_paths: dict[int, str] | None = None) -> None:
        self.google_paths = google_paths or {}
        self._title = lru_cache(maxsize=50_000)(self._translate_text)
        self._html = lru_cache(maxsize=5_000)(self._translate_html)
        self._tree: CategoryTree | None = None

    @staticmethod
    def _translate_text(text: str, source: str, target: str) -> str:
        return translation.translate(text, source=source, target=target)

    @staticmethod
    def _translate_html(html: str, source: str, target: str) -> str:
        return translation.translate_html(html, source=source, target=target)

    def title(self, text: str, source: str, target: str) -> str:
        return self._title(text, source, target) if text else ""

    def html(self, html: str, source: str, target: str) -> str:
        return self._html(html, source, target) if html else ""

    def category(self, record: ImportedProduct, known_paths: dict[str, int]) -> str | None:
        """The default-tree path that fits the record, if that category exists in the database."""
        if self._tree is None:
            self._tree = CategoryTree.default()
        google_path = self.google_paths.get(record.google_category_id or -1, "")
        path = classify(
            " ".join(filter(None, [record.category_hint, record.title])),
            google_path,
            tree=self._tree,
        )
        return path if path in known_paths else None


TRANSLATED_FIELDS = [
    f"{field}_{lang}{suffix}"
    for field in ("title", "description")
    for lang in ("en", "zh")
    for suffix in ("", "_machine")
]


def fill_translations(product, texts: MachineTexts, *, refresh: bool = False) -> bool:
    """Write the machine translation of each text into the other language where a machine may
    (blank, or its own earlier output when refreshing). Returns whether anything changed."""
    changed = False
    for field, translate in (("title", texts.title), ("description", texts.html)):
        source = getattr(product, f"{field}_source")
        other = "zh" if source == "en" else "en"
        original = getattr(product, f"{field}_{source}")
        current = getattr(product, f"{field}_{other}")
        is_machine = getattr(product, f"{field}_{other}_machine")
        if not original or not (not current.strip() or (refresh and is_machine)):
            continue
        text = translate(original, source, other)
        if field == "title":
            text = text[:300]
        if text != current or not is_machine:
            setattr(product, f"{field}_{other}", text)
            setattr(product, f"{field}_{other}_machine", True)
            changed = True
    return changed
