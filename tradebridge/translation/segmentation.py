"""Chinese word segmentation: jieba, taught our glossary's trade terms.

A private jieba.Tokenizer rather than jieba's global one, so other code that uses jieba keeps
its own dictionary, and our additions never leak into it. Built lazily once per process.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from typing import TYPE_CHECKING

from tradebridge.translation.cedict import private_cache_dir
from tradebridge.translation.glossary import Glossary, get_glossary

if TYPE_CHECKING:
    import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """The process-wide tokenizer, with the glossary's Chinese terms added."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _build()
    return _tokenizer


def _build() -> jieba.Tokenizer:
    import jieba

    # jieba logs its dictionary loading at DEBUG to stderr; its import resets the level, so
    # this must come after it.
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    # jieba caches its prefix dictionary as a marshal file: keep ours in this user's private
    # directory, or in a fresh one (no reuse, but nothing planted) if that is not safe.
    cache = private_cache_dir()
    tk.tmp_dir = str(cache) if cache else tempfile.mkdtemp(prefix="tradebridge-jieba-")
    tk.cache_file = "jieba.cache"
    tk.initialize()
    for word in dictionary_words(get_glossary()):
        tk.add_word(word)
    return tk


def dictionary_words(glossary: Glossary) -> list[str]:
    """Glossary terms jieba should keep whole.

    A term made entirely of other glossary terms (不锈钢球阀 = 不锈钢 + 球阀) is left out, so
    segmentation stays fine-grained for search; translation re-joins such pieces from the
    glossary anyway.
    """
    terms = {entry.zh for entry in glossary.entries}
    return sorted(term for term in terms if len(term) > 1 and not _composed(term, terms))


def _composed(term: str, terms: set[str]) -> bool:
    """True if `term` splits into two or more shorter glossary terms."""
    reachable = [True] + [False] * len(term)
    for end in range(1, len(term) + 1):
        for start in range(end):
            part = term[start:end]
            if reachable[start] and part != term and part in terms:
                reachable[end] = True
                break
    return reachable[-1]


def tokens(text: str) -> list[str]:
    """Every token jieba yields, whitespace and punctuation included (translation needs them)."""
    return tokenizer().lcut(text)


def segment(text: str) -> list[str]:
    """Words of `text`, without whitespace or punctuation: 不锈钢球阀 → ["不锈钢", "球阀"]."""
    return [token for token in tokens(text) if _is_word(token)]


def _is_word(token: str) -> bool:
    return any(char.isalnum() for char in token)
