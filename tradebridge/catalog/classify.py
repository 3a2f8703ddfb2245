"""Suggests a default-tree category for an imported product from the words its feed carries
(Shopify "Type", WooCommerce "Categories", Merchant `product_type`, titles) in English or
Chinese, and from its Google product category. Pure: no Django, no database.

The rule, in order:

1. Keywords in the hint. Each node's `keywords_en`/`keywords_zh` are matched in the normalised
   hint: English on word boundaries, tolerant of plurals ("scarf" matches "Scarves", "hoodie"
   matches "Hoodies"); Chinese as substrings, since Chinese has no spaces. Where matches
   overlap, the longer keyword wins, so "tea towel" is not also "tea" and "足球鞋" is footwear,
   not football.
2. The Google path, if given, is mapped through the nodes' `google` lists (longest matching
   prefix), refined by keywords found in the path within that node's subtree, and counts as
   one more match, placed after the hint. One vote, not a veto: real feeds carry
   google_product_category ids that contradict their own product types.
3. Pick the top-level branch with the most matches. A tie goes to the branch of the last
   match: English and Chinese product names both put the head noun last ("Whisky Fudge" is
   fudge, "Cream Sofa" is a sofa, "威士忌杯" is a glass), and an explicit Google category
   beats a single stray keyword ("GEMINI LIGHTS" filed under Cycling are bike lights).
4. Inside that branch: the deepest matched node; then the one whose lineage (itself and its
   ancestors) has most matches; then the one matched last; then the smallest path, so the
   answer never depends on dictionary order.
5. Nothing matched: None. A wrong category is worse than none, since a human reviews a None.

Feeds give Google categories as numbers. Resolve them to the English path first (the imported
Google tree in the database, or `taxonomy.GoogleTaxonomy`) and pass the path.
"""

from __future__ import annotations

import re
import sys
import unicodedata
import weakref
from collections import defaultdict
from dataclasses import dataclass

from tradebridge.catalog.taxonomy import CategoryTree

__all__ = ["CategoryTree", "classify", "normalize"]

# A hint's own structure: breadcrumbs ("Clothing > Hoodies"), lists, Chinese enumerations.
# A multi-word keyword never matches across one of these.
_SEGMENT_BREAK = re.compile(r"[>|/\\,;\n\r\t›»、]+")
_APOSTROPHES = re.compile(r"['\u2018\u2019`\u00b4]")
_TOKEN = re.compile(r"[a-z0-9]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_GOOGLE_ID_PREFIX = re.compile(r"^\s*\d+\s+-\s+")
BARRIER = "|"
_AFTER_HINT = sys.maxsize  # where the Google category's vote sits: after every hint word


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation as single spaces, breadcrumb separators as " | "."""
    text = unicodedata.normalize("NFKC", text)
    # Strip accents ("rosé" -> "rose") without touching CJK, which NFKD leaves alone anyway.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text)  # "men's" -> "mens", "kids'" -> "kids"
    text = text.replace("&", " and ")
    text = _SEGMENT_BREAK.sub(f" {BARRIER} ", text)
    text = "".join(c if c.isalnum() or c == BARRIER else " " for c in text)
    return " ".join(text.split())


def _word_forms(word: str) -> frozenset[str]:
    """The word and its regular English plurals. Keywords are written in the singular, so a
    plural in the hint still matches; pluralia tantum ("trousers") are written as they are."""
    forms = {word, word + "s", word + "es"}
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    if word.endswith("fe"):
        forms.add(word[:-2] + "ves")
    elif word.endswith("f"):
        forms.add(word[:-1] + "ves")
    return frozenset(forms)


@dataclass(frozen=True)
class _Keyword:
    text: str  # normalised
    node: str  # path of the node it belongs to
    forms: tuple[frozenset[str], ...] = ()  # per token, for English keywords


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    node: str


class _Matcher:
    """The keyword index of one tree, built once per tree."""

    def __init__(self, tree: CategoryTree) -> None:
        self.tree = tree
        self.by_first_form: dict[str, list[_Keyword]] = defaultdict(list)
        # Chinese (and mixed, like "T恤") keywords by first character: scanning the hint once
        # beats searching it for each of the ~700 keywords.
        self.cjk_by_first: dict[str, list[_Keyword]] = defaultdict(list)
        self.google: dict[str, str] = {}
        owner: dict[str, str] = {}
        problems: list[str] = []
        for node in tree:
            for raw in (*node.keywords_en, *node.keywords_zh):
                text = normalize(raw)
                if not text or BARRIER in text:
                    problems.append(f"{node.path}: keyword {raw!r} is empty or has a separator")
                    continue
                if text in owner and owner[text] != node.path:
                    # The same keyword on two nodes would make the answer depend on file order.
                    problems.append(f"keyword {raw!r} is on both {owner[text]} and {node.path}")
                    continue
                owner[text] = node.path
                if _CJK.search(text):
                    self.cjk_by_first[text[0]].append(_Keyword(text, node.path))
                else:
                    forms = tuple(_word_forms(t) for t in text.split(" "))
                    keyword = _Keyword(text, node.path, forms)
                    for form in forms[0]:
                        self.by_first_form[form].append(keyword)
            for google_path in node.google:
                key = _google_key(google_path)
                if key in self.google and self.google[key] != node.path:
                    problems.append(f"Google path {google_path!r} is mapped twice")
                self.google[key] = node.path
        if problems:
            raise ValueError("; ".join(problems))

    def find(self, text: str, *, within: str | None = None) -> list[_Hit]:
        """Non-overlapping keyword matches in `text`, in order; only nodes in the subtree at
        `within` when given."""
        norm = normalize(text)
        if not norm:
            return []
        candidates: list[_Hit] = []
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm)]
        for i, (start, _end, token) in enumerate(tokens):
            for keyword in self.by_first_form.get(token, ()):
                end = _match_rest(norm, tokens, i, keyword.forms)
                if end is not None:
                    candidates.append(_Hit(start, end, keyword.node))
        if _CJK.search(norm):
            for start, char in enumerate(norm):
                for keyword in self.cjk_by_first.get(char, ()):
                    if norm.startswith(keyword.text, start):
                        candidates.append(_Hit(start, start + len(keyword.text), keyword.node))
        if within is not None:
            candidates = [h for h in candidates if h.node == within or _under(h.node, within)]
        # Longest first; among equals the later one, as the head noun comes last.
        candidates.sort(key=lambda h: (-(h.end - h.start), -h.start))
        taken: list[_Hit] = []
        for hit in candidates:
            if all(hit.end <= t.start or hit.start >= t.end for t in taken):
                taken.append(hit)
        return sorted(taken, key=lambda h: h.start)

    def choose(self, hits: list[_Hit]) -> str | None:
        if not hits:
            return None
        by_branch: dict[str, list[_Hit]] = defaultdict(list)
        for hit in hits:
            by_branch[self.tree[hit.node].top].append(hit)
        branch = max(by_branch, key=lambda b: (len(by_branch[b]), max(h.start for h in by_branch[b])))
        hit_counts: dict[str, int] = defaultdict(int)
        last_start: dict[str, int] = {}
        for hit in by_branch[branch]:
            hit_counts[hit.node] += 1
            last_start[hit.node] = max(hit.start, last_start.get(hit.node, -1))

        def lineage_hits(path: str) -> int:
            return sum(n for p, n in hit_counts.items() if p == path or _under(path, p))

        return min(
            hit_counts,
            key=lambda p: (-self.tree[p].depth, -lineage_hits(p), -last_start[p], p),
        )

    def from_google(self, google_path: str) -> str | None:
        parts = [p.strip() for p in _GOOGLE_ID_PREFIX.sub("", google_path).split(">")]
        parts = [p for p in parts if p]
        for size in range(len(parts), 0, -1):
            mapped = self.google.get(_google_key(" > ".join(parts[:size])))
            if mapped is not None:
                refined = self.choose(self.find(google_path, within=mapped))
                return refined if refined is not None else mapped
        return None


def _match_rest(norm: str, tokens: list[tuple[int, int, str]], i: int, forms: tuple[frozenset[str], ...]) -> int | None:
    """End offset of an English keyword starting at token i, or None. Its words must follow
    each other with only a space between (no breadcrumb separator)."""
    end = tokens[i][1]
    for offset, word_forms in enumerate(forms[1:], start=1):
        j = i + offset
        if j >= len(tokens) or tokens[j][2] not in word_forms:
            return None
        if norm[end : tokens[j][0]] != " ":
            return None
        end = tokens[j][1]
    return end


def _under(path: str, ancestor: str) -> bool:
    return path.startswith(ancestor + "/")


def _google_key(path: str) -> str:
    return " > ".join(p.strip() for p in path.split(">")).casefold()


_matchers: weakref.WeakKeyDictionary[CategoryTree, _Matcher] = weakref.WeakKeyDictionary()


def _matcher(tree: CategoryTree) -> _Matcher:
    matcher = _matchers.get(tree)
    if matcher is None:
        matcher = _matchers[tree] = _Matcher(tree)
    return matcher


def classify(hint: str = "", google_path: str = "", *, tree: CategoryTree) -> str | None:
    """The path of the best default-tree category for a product, or None when unsure.

    hint: free text in English or Chinese. Join several fields with " > " or newlines, most
        specific last, e.g. f"{product_type} > {title}"; a separator stops a multi-word keyword
        from spanning two fields.
    google_path: a Google Product Taxonomy path in English ("Apparel & Accessories > Clothing"),
        optionally prefixed by its id ("1604 - Apparel & Accessories > Clothing").
    tree: usually `CategoryTree.default()`.

    See the module docstring for the rule.
    """
    matcher = _matcher(tree)
    hits = matcher.find(hint) if hint else []
    from_google = matcher.from_google(google_path) if google_path else None
    if from_google is not None:
        hits.append(_Hit(_AFTER_HINT, _AFTER_HINT, from_google))
    return matcher.choose(hits)
