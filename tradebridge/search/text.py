"""Text analysis shared by indexing and querying: one normal form, one tokeniser. Pure.

Both the index and the query go through `normalise` and the same token rules, so whatever a
listing's text becomes, a query for it becomes the same tokens:

- NFKC folds full-width forms (ＡＢＣ１２３ → abc123) and compatibility characters; control and
  format characters go; traditional Chinese becomes simplified (OpenCC's t2s tables); lower case.
- A Chinese run yields its jieba words (glossary terms kept whole) and then its character
  bigrams, so 球阀 is found inside 不锈钢球阀 whatever jieba made of the longer word, and its
  last character alone, so every character starts some token and a one-character query is a
  prefix match (铜 finds 黄铜 and 铜壶).
- A Latin word yields its English stem (Snowball, with a final v folded to f so that scarf and
  scarves meet), digits stay as written.
- Chinese titles also yield pinyin syllable pairs (qiufa for 球阀) in a column of their own.

Tokens contain only letters and digits, so the engines' own tokenisers (FTS5 unicode61,
PostgreSQL's parser with the 'simple' configuration) keep them exactly as they are.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from functools import lru_cache

from tradebridge.translation.segmentation import tokenizer as jieba_tokenizer

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A CJK run, or a run of other letters and digits (the underscore is punctuation to us).
RUN = re.compile(rf"([{_CJK}]+)|([^\W_{_CJK}]+)")
CJK_RUN = re.compile(rf"[{_CJK}]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
MAX_DESCRIPTION_CHARS = 600  # of each language: the opening says what it is; bounds index size and build time

_opencc_lock = threading.Lock()
_t2s = None


def _converter():
    global _t2s
    if _t2s is None:
        with _opencc_lock:
            if _t2s is None:
                from opencc import OpenCC

                _t2s = OpenCC("t2s")
    return _t2s


@lru_cache(maxsize=1)
def _traditional_characters() -> frozenset[str]:
    """Characters OpenCC's t2s would change (TSCharacters.txt entries that differ, and every
    character of a TSPhrases.txt key that differs from its value): a run with none of them
    is already simplified, and converting it would be wasted work."""
    import os

    import opencc

    found: set[str] = set()
    folder = os.path.join(os.path.dirname(opencc.__file__), "dictionary")
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in handle:
                key, _, values = line.rstrip("\n").partition("\t")
                first = values.split(" ")[0]
                found.update(k for k, v in zip(key, first, strict=False) if k != v)
                if len(key) != len(first):
                    found.update(key)
    return frozenset(found)


@lru_cache(maxsize=65_536)
def _simplified_run(run: str) -> str:
    if _traditional_characters().isdisjoint(run):
        return run
    return _converter().convert(run)


def simplify(text: str) -> str:
    """Traditional Chinese → simplified, run by run (Latin text is never touched)."""
    if _traditional_characters().isdisjoint(text):
        return text  # the usual case, settled by one set operation over the whole text
    return CJK_RUN.sub(lambda m: _simplified_run(m.group()), text)


def normalise(text: str) -> str:
    """The one normal form of index and query text (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _CONTROL.sub(" ", text)
    return simplify(text).lower()


def fold_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_stemmer_local = threading.local()


def _stemmer():
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _stemmer_local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@lru_cache(maxsize=131_072)
def stem(word: str) -> str:
    """The index form of one lower-case Latin word: scarves, scarf → scarf; valves → valf."""
    word = fold_accents(word)
    if not word.isascii() or not word.isalpha() or len(word) < 3:
        return word
    stemmed = _stemmer().stemWord(word)
    # Snowball leaves "scarv" for scarves but "scarf" for scarf: fold the v so they meet.
    return stemmed[:-1] + "f" if stemmed.endswith("v") else stemmed


@lru_cache(maxsize=65_536)
def jieba_words(run: str) -> tuple[str, ...]:
    """jieba's words of one Chinese run (no HMM: faster, and the glossary decides compounds)."""
    return tuple(w for w in jieba_tokenizer().cut(run, HMM=False) if w.strip())


def bigrams(run: str) -> list[str]:
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


SHORT_RUN = 16  # Chinese runs this long or shorter (words, phrases) repeat across listings: cached


@lru_cache(maxsize=65_536)
def _short_cjk_tokens(run: str, words: bool) -> tuple[str, ...]:
    return _cjk_tokens(run, words)


def _cjk_tokens(run: str, words: bool) -> tuple[str, ...]:
    out: list[str] = []
    if words and len(run) > 2:
        out.extend(jieba_words(run))
    out.extend(bigrams(run))
    if len(run) > 1:
        # Every character then starts a token, so one character is found by prefix.
        out.append(run[-1])
    return tuple(out)


def tokens(text: str, *, words: bool = True) -> list[str]:
    """Index tokens of already normalised text. `words=False` skips jieba (bigrams alone still
    find every substring), which is how long descriptions are indexed quickly."""
    out: list[str] = []
    for cjk, other in RUN.findall(text):
        if cjk:
            out.extend(_short_cjk_tokens(cjk, words) if len(cjk) <= SHORT_RUN else _cjk_tokens(cjk, words))
        else:
            out.append(stem(other))
    return out


def index_text(text: str, *, words: bool = True) -> str:
    """Space-separated index tokens of raw text, for an engine column."""
    return " ".join(tokens(normalise(text), words=words))


@lru_cache(maxsize=131_072)
def _pinyin_of_word(word: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    return tuple(s.replace("ü", "v") for s in lazy_pinyin(word, style=Style.NORMAL, errors="ignore"))


def _pinyin_of_run(run: str) -> tuple[str, ...]:
    # Word by word (jieba's words, already cut for the title): words repeat across listings
    # far more than whole titles do, so the cache holds.
    if len(run) <= 2:
        return _pinyin_of_word(run)
    return tuple(syllable for word in jieba_words(run) for syllable in _pinyin_of_word(word))


def pinyin_tokens(text: str) -> list[str]:
    """Pinyin syllable pairs of the Chinese in normalised text: 球阀 → qiufa (one syllable alone
    for a single character), the pinyin counterpart of character bigrams."""
    out: list[str] = []
    for run in CJK_RUN.findall(text):
        syllables = _pinyin_of_run(run)
        if len(syllables) == 1:
            out.append(syllables[0])
        out.extend(a + b for a, b in itertools.pairwise(syllables))
    return out


def warm_up() -> None:
    """Load what analysis reads lazily (jieba's dictionary with the glossary, the traditional
    characters, Snowball, pypinyin's tables) now: a process about to analyse many listings then
    pays for it before its first batch rather than in it."""
    jieba_tokenizer()
    _traditional_characters()
    _stemmer()
    _pinyin_of_word("中")
