"""Writes to the category tree: loading our default tree and importing Google's Product
Taxonomy, plus the subtree read that product filters need. One transaction per function; both
writers are idempotent and never delete a node, since products may point at it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypedDict

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from tradebridge.catalog.models import Category
from tradebridge.catalog.taxonomy import SLUG_RE, CategoryTree, GoogleTaxonomy, TaxonomyNode

GOOGLE_ROOT_NAME_EN = "Google Product Taxonomy"
GOOGLE_ROOT_NAME_ZH = "谷歌商品分类"
_SLUG_MAX = Category._meta.get_field("slug").max_length
_PATH_MAX = Category._meta.get_field("path").max_length
_BATCH = 500


class DefaultTreeResult(TypedDict):
    created: int
    updated: int
    unchanged: int
    not_in_file: int  # nodes under our top-level categories that the file no longer lists


class GoogleImportResult(TypedDict):
    read: int  # usable lines in the English file
    created: int
    updated: int
    unchanged: int
    zh_missing: int  # nodes whose Chinese name fell back to English
    zh_only: int  # ids only in the Chinese file (withdrawn since its edition); ignored
    not_in_file: int  # imported earlier, absent now; kept
    en_version: str | None
    zh_version: str | None
    errors: list[str]


@transaction.atomic
def load_default_tree(*, tree: CategoryTree | None = None) -> DefaultTreeResult:
    """Upsert the default tree by path. Names and HS headings come from the file (an edit there
    is how they change); slug, parent and position are set once, on creation."""
    tree = tree or CategoryTree.default()
    by_path = {c.path: c for c in Category.objects.filter(path__in=[n.path for n in tree])}
    result: DefaultTreeResult = {"created": 0, "updated": 0, "unchanged": 0, "not_in_file": 0}
    changed: list[Category] = []
    new_by_depth: dict[int, list[Category]] = defaultdict(list)
    for node in tree:
        category = by_path.get(node.path)
        if category is None:
            category = Category(
                slug=node.slug,
                path=node.path,
                depth=node.depth,
                name_en=node.name_en,
                name_zh=node.name_zh,
                hs_headings=list(node.hs_headings),
                position=node.position,
            )
            by_path[node.path] = category
            new_by_depth[node.depth].append(category)
            continue
        wanted = {
            "name_en": node.name_en,
            "name_zh": node.name_zh,
            "hs_headings": list(node.hs_headings),
        }
        if any(getattr(category, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(category, field, value)
            changed.append(category)
        else:
            result["unchanged"] += 1

    # Level by level, so each new node's parent has its primary key when the node is inserted.
    for depth in sorted(new_by_depth):
        batch = new_by_depth[depth]
        for category in batch:
            parent_path = category.path.rpartition("/")[0]
            category.parent = by_path[parent_path] if parent_path else None
        _insert(batch)
        result["created"] += len(batch)
    Category.objects.bulk_update(changed, ["name_en", "name_zh", "hs_headings"], batch_size=_BATCH)
    result["updated"] = len(changed)

    roots = [node.path for node in tree.roots()]
    in_our_subtrees = Q(path__in=roots)
    for root in roots:
        in_our_subtrees |= Q(path__startswith=f"{root}/")
    result["not_in_file"] = Category.objects.filter(in_our_subtrees).exclude(path__in=list(by_path)).count()
    return result


@transaction.atomic
def import_google_taxonomy(
    en_path: str | Path,
    zh_path: str | Path | None = None,
    *,
    under: str = "google",
    progress: Callable[[int], None] | None = None,
) -> GoogleImportResult:
    """Create or refresh Google's tree under the root node at path `under`.

    Nodes are keyed by google_id. A new node's slug is its slugified English name, made unique
    among its siblings by appending the id. Re-running updates names only: slug, path, parent
    and position stay as first imported, so links and product assignments survive a new
    taxonomy edition. Chinese names fall back to English where the Chinese file lacks the id.
    `progress(n)` is called after each node read. Raises OSError for an unreadable file and
    ValueError for a bad `under`; malformed lines end up in `errors`.
    """
    root = _google_root(under)
    prefix = f"{root.path}/"
    existing = {c.google_id: c for c in Category.objects.filter(google_id__isnull=False)}
    sibling_slugs: dict[str, set[str]] = defaultdict(set)
    for path, slug in Category.objects.filter(path__startswith=prefix).values_list("path", "slug"):
        sibling_slugs[path.rpartition("/")[0]].add(slug)

    taxonomy = GoogleTaxonomy(en_path, zh_path)
    errors: list[str] = []
    placed: dict[int, Category] = {}  # google id -> its node under our root, new or existing
    changed: list[Category] = []
    new_by_depth: dict[int, list[tuple[Category, int | None]]] = defaultdict(list)
    unchanged = 0
    for done, node in enumerate(taxonomy, start=1):
        if progress is not None:
            progress(done)
        name_zh = node.name_zh or node.name_en
        category = existing.get(node.id)
        if category is not None:
            if not category.path.startswith(prefix):
                errors.append(f"id {node.id}: already used by category {category.path!r}")
                continue
            placed[node.id] = category
            if (category.name_en, category.name_zh) == (node.name_en, name_zh):
                unchanged += 1
            else:
                category.name_en, category.name_zh = node.name_en, name_zh
                changed.append(category)
            continue
        parent = root if node.parent_id is None else placed.get(node.parent_id)
        if parent is None:
            errors.append(f"id {node.id}: its parent {node.parent_id} was not imported")
            continue
        slug = _unique_slug(node, sibling_slugs[parent.path])
        path = f"{parent.path}/{slug}"
        if len(path) > _PATH_MAX:
            errors.append(f"id {node.id}: path longer than {_PATH_MAX} characters")
            continue
        sibling_slugs[parent.path].add(slug)
        category = Category(
            slug=slug,
            path=path,
            depth=parent.depth + 1,
            name_en=node.name_en,
            name_zh=name_zh,
            google_id=node.id,
            position=len(sibling_slugs[parent.path]) - 1,
        )
        placed[node.id] = category
        new_by_depth[category.depth].append((category, node.parent_id))

    created = 0
    for depth in sorted(new_by_depth):
        batch = []
        for category, parent_id in new_by_depth[depth]:
            category.parent = root if parent_id is None else placed[parent_id]
            batch.append(category)
        _insert(batch)
        created += len(batch)
    Category.objects.bulk_update(changed, ["name_en", "name_zh"], batch_size=_BATCH)

    seen = set(placed)
    not_in_file = sum(1 for gid, c in existing.items() if gid not in seen and c.path.startswith(prefix))
    return {
        "read": taxonomy.count,
        "created": created,
        "updated": len(changed),
        "unchanged": unchanged,
        "zh_missing": taxonomy.zh_missing,
        "zh_only": taxonomy.zh_only,
        "not_in_file": not_in_file,
        "en_version": taxonomy.en_version,
        "zh_version": taxonomy.zh_version,
        "errors": [str(e) for e in taxonomy.errors] + errors,
    }


def subtree_ids(category: Category) -> list[int]:
    """The ids of `category` and every node below it, in path order: one query on `path`."""
    return list(
        Category.objects.filter(Q(pk=category.pk) | Q(path__startswith=f"{category.path}/"))
        .order_by("path")
        .values_list("pk", flat=True)
    )


def _google_root(under: str) -> Category:
    if not SLUG_RE.match(under):
        raise ValueError(f"'under' must be a slug (a root node's path), got {under!r}")
    root, _created = Category.objects.get_or_create(
        path=under,
        defaults={
            "slug": under,
            "depth": 0,
            "name_en": GOOGLE_ROOT_NAME_EN,
            "name_zh": GOOGLE_ROOT_NAME_ZH,
            "position": Category.objects.filter(parent__isnull=True).count(),
        },
    )
    if root.parent_id is not None:
        raise ValueError(f"category {under!r} is not a root node")
    return root


def _unique_slug(node: TaxonomyNode, taken: set[str]) -> str:
    base = slugify(node.name_en)[:_SLUG_MAX].strip("-") or f"id-{node.id}"
    if base not in taken:
        return base
    # The id, not a counter: the same node gets the same slug whatever the import order.
    for extra in ("", *(f"-{n}" for n in range(2, 100))):
        suffix = f"-{node.id}{extra}"
        slug = base[: _SLUG_MAX - len(suffix)].strip("-") + suffix
        if slug not in taken:
            return slug
    raise ValueError(f"id {node.id}: no free slug for {node.name_en!r}")


def _insert(categories: Iterable[Category]) -> None:
    """bulk_create that guarantees primary keys, which children need as their parent."""
    categories = list(categories)
    Category.objects.bulk_create(categories, batch_size=_BATCH)
    missing = [c for c in categories if c.pk is None]
    if missing:  # a backend that cannot return ids from a bulk insert
        ids = dict(Category.objects.filter(path__in=[c.path for c in missing]).values_list("path", "pk"))
        for category in missing:
            category.pk = ids[category.path]
