"""How a query is understood: terms, their translations, and the match each engine runs. Pure.

A query becomes at most MAX_TERMS terms, in the order typed:

- a Chinese run is cut by jieba (glossary terms kept whole; consecutive single characters
  re-joined, since they are usually a word jieba does not know);
- Latin words are grouped into glossary phrases where one matches ("ball valve"), else taken
  one by one; words with no English reading that spell pinyin ("yangmao weijin") become one
  pinyin term.

Each term gets its alternatives from the dictionaries (`translation.expand_query_term`:
glossary, then CC-CEDICT), and becomes clauses that are OR-ed; the terms are AND-ed. A clause is
a phrase of index tokens (see `text`), so a term and each of its translations match exactly the
way the listing's own words were indexed. The engines quote every token they are given; no
user text reaches an engine's query syntax.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from tradebridge.search import pinyin, text
from tradebridge.search.query import Interpretation, TermReading
from tradebridge.translation import expand_query_term
from tradebridge.translation.glossary import get_glossary

MAX_QUERY_CHARS = 200  # a longer query is cut here: nobody types more, and it bounds the work
MAX_TERMS = 8
MAX_ALTERNATIVES = 5
MAX_PHRASE_TOKENS = 12  # a longer phrase is matched by its first tokens
MAX_TOKEN_CHARS = 40
EN_STOPWORDS = frozenset({"a", "an", "the", "of", "for", "and", "or", "with", "in", "on", "to", "by", "from"})
ZH_STOPWORDS = frozenset({"的", "和", "与", "及", "或", "在", "了", "是"})
# Dictionary senses that carry no meaning in a listing: CC-CEDICT gives 存在 as "be" and 不 as
# "not" and "no", which would find nearly every English description.
FUNCTION_WORDS = EN_STOPWORDS | frozenset(
    {"be", "is", "are", "was", "were", "no", "not", "it", "do", "have", "has", "i", "you", "he", "she", "we", "they"}
)


@dataclass(frozen=True)
class Clause:
    """Index tokens that must all match: adjacent, in order (a phrase; the last token may be a
    prefix) or, when not `adjacent`, anywhere in the same column group (every token a prefix
    when `prefix`). `field` is "text" (title, attributes, description) or "pinyin"."""

    tokens: tuple[str, ...]
    prefix: bool = False
    field: str = "text"
    adjacent: bool = True


@dataclass(frozen=True)
class Term:
    reading: TermReading
    clauses: tuple[Clause, ...]  # OR-ed


@dataclass(frozen=True)
class ParsedQuery:
    original: str
    normalised: str
    terms: tuple[Term, ...]
    display: str

    def interpretation(self, *, relaxed: bool) -> Interpretation:
        return Interpretation(
            original=self.original,
            normalised=self.normalised,
            terms=tuple(t.reading for t in self.terms),
            display=self.display,
            relaxed=relaxed,
        )

    @property
    def highlight_terms(self) -> tuple[str, ...]:
        """What a result may show marked: the terms and every alternative."""
        found: list[str] = []
        for term in self.terms:
            for word in (term.reading.term, *term.reading.alternatives):
                if word not in found:
                    found.append(word)
        return tuple(found)


def parse(query: str) -> ParsedQuery:
    """The query understood. Searches repeat (the same words paged, filtered, sorted), and the
    dictionaries only change with a deploy, so readings are cached per query text."""
    query = query or ""
    return _parse(query) if len(query) <= MAX_QUERY_CHARS * 4 else _parse_uncached(query)


def _parse_uncached(query: str) -> ParsedQuery:
    original = (query or "")[: MAX_QUERY_CHARS * 4]
    normalised = " ".join(text.normalise(original).split())[:MAX_QUERY_CHARS]
    pieces = _pieces(normalised)
    terms = tuple(_term(piece, language, is_last=(i == len(pieces) - 1)) for i, (piece, language) in enumerate(pieces))
    terms = tuple(t for t in terms if t.clauses)[:MAX_TERMS]
    return ParsedQuery(original=query or "", normalised=normalised, terms=terms, display=_display(normalised, terms))


_parse = lru_cache(maxsize=4096)(_parse_uncached)


def _pieces(normalised: str) -> list[tuple[str, str]]:
    """(term, language) in query order; language is "zh", "en" or "pinyin"."""
    pieces: list[tuple[str, str]] = []
    latin: list[str] = []

    def flush() -> None:
        for piece, language in _latin_pieces(latin):
            if language == "pinyin":
                # yangmaoweijin is two terms, 羊毛 and 围巾, each required.
                pieces.extend((key, "pinyin") for key, _ in pinyin.segments(piece) or ((piece, ()),))
            else:
                pieces.append((piece, language))
        latin.clear()

    for cjk, other in text.RUN.findall(normalised):
        if other:
            latin.append(text.fold_accents(other))
            continue
        flush()
        pieces.extend((word, "zh") for word in _chinese_words(cjk))
    flush()
    return pieces[: MAX_TERMS * 2]


def _chinese_words(run: str) -> list[str]:
    words: list[str] = []
    pending = ""
    for word in text.jieba_words(run) if len(run) > 2 else (run,):
        if len(word) == 1 and word not in ZH_STOPWORDS:
            pending += word
            continue
        if pending:
            words.append(pending)
            pending = ""
        if word not in ZH_STOPWORDS:
            words.append(word)
    if pending:
        words.append(pending)
    return words


def _latin_pieces(words: list[str]) -> list[tuple[str, str]]:
    glossary = get_glossary()
    pieces: list[tuple[str, str]] = []
    syllables: list[str] = []
    i = 0
    while i < len(words):
        match = glossary.match(words, i) if words[i].isalpha() else None
        if match and match[0] - i > 1:
            if syllables:
                pieces.append(("".join(syllables), "pinyin"))
                syllables = []
            pieces.append((" ".join(words[i : match[0]]), "en"))
            i = match[0]
            continue
        end = _pinyin_run(words, i, glossary)
        if end > i:
            if syllables:
                pieces.append(("".join(syllables), "pinyin"))
                syllables = []
            pieces.append(("".join(words[i:end]), "pinyin"))
            i = end
            continue
        word = words[i]
        i += 1
        if _is_pinyin(word):
            syllables.append(word)
            continue
        if syllables:
            pieces.append(("".join(syllables), "pinyin"))
            syllables = []
        if word not in EN_STOPWORDS or len(words) == 1:
            pieces.append((word, "en"))
    if syllables:
        pieces.append(("".join(syllables), "pinyin"))
    return pieces


def _pinyin_run(words: list[str], start: int, glossary) -> int:
    """The end of the longest run of two or more words from `start` that together spell
    glossary terms in pinyin, else `start`. Such a run is pinyin even where a word of it has an
    English reading in CC-CEDICT: "he ka" is 贺卡, not the pronoun and a syllable; "hu fu pin"
    is 护肤品. A word of our trade glossary (mocha, can, long sleeve) or a small word ends it."""
    end = start
    i = start
    stop = min(len(words), start + pinyin.MAX_WORD_SYLLABLES * 2)  # bounds the work on "ba ba ba …"
    while (
        i < stop
        and words[i].isalpha()
        and words[i] not in EN_STOPWORDS
        and glossary.match(words, i) is None
        and pinyin.split(words[i]) is not None
    ):
        i += 1
        if i - start >= 2 and _spells_terms(tuple(words[start:i])):
            end = i
    return end


@lru_cache(maxsize=4096)
def _spells_terms(words: tuple[str, ...]) -> bool:
    spelling = "".join(words)
    # Each word is whole syllables: "xi an" (西安) is not the one syllable xian.
    if pinyin.split(spelling) != tuple(s for word in words for s in pinyin.split(word) or ()):
        return False
    found = pinyin.segments(spelling)
    return bool(found) and all(chinese for _, chinese in found)


@lru_cache(maxsize=4096)
def _is_pinyin(word: str) -> bool:
    if len(word) < 2 or word in EN_STOPWORDS or pinyin.split(word) is None:
        return False
    return not expand_query_term(word, "en")


@lru_cache(maxsize=4096)
def _alternatives(term: str, language: str) -> tuple[str, ...]:
    if language == "pinyin":
        words = pinyin.glossary_words(term)
        english = [a for word in words for a in expand_query_term(word, "zh") if a.lower() not in FUNCTION_WORDS]
        return tuple(dict.fromkeys([*words, *english]))[:MAX_ALTERNATIVES]
    found = expand_query_term(term, language)
    if language == "zh":
        found = [a.lower() for a in found if a.lower() not in FUNCTION_WORDS]
    return tuple(dict.fromkeys(found))[:MAX_ALTERNATIVES]


def _term(piece: str, language: str, *, is_last: bool) -> Term:
    alternatives = _alternatives(piece, language)
    clauses: list[Clause] = []
    if language == "pinyin":
        syllables = pinyin.split(piece) or (piece,)
        pairs = tuple(a + b for a, b in itertools.pairwise(syllables))
        clauses.append(_clause(pairs or syllables, prefix=len(syllables) == 1, field="pinyin"))
    else:
        clauses.extend(_clauses(piece))
        if language == "en" and is_last and " " not in piece and len(piece) >= 3 and piece.isalpha():
            # As-you-type: the last word may be unfinished ("scar" finds scarf).
            clauses.append(_clause((text.stem(piece),), prefix=True))
    # A pinyin term's alternatives are the Chinese words it spells and their English, so it
    # also finds listings that have no Chinese title to take pinyin from.
    for alternative in alternatives:
        clauses.extend(_clauses(text.normalise(alternative)))
    return Term(TermReading(piece, language, alternatives), tuple(dict.fromkeys(c for c in clauses if c.tokens)))


def _clauses(normalised: str) -> list[Clause]:
    """How a phrase of normalised text is matched: its tokens as one phrase; Chinese also as
    its jieba word alone, so a listing with the whole word ranks with both."""
    latin: list[str] = []
    bigrams: list[str] = []
    for cjk, other in text.RUN.findall(normalised):
        if other:
            latin.append(text.stem(other))
        else:
            bigrams.extend(text.bigrams(cjk))
    clauses = []
    if latin and not bigrams:
        clauses.append(_clause(latin))
        if len(latin) > 1:
            # "cashmere scarf" also finds "Cashmere Tartan Scarf", ranked below the exact phrase.
            clauses.append(_clause(latin, adjacent=False))
    elif bigrams and not latin:
        # One character is matched as a prefix: it starts a bigram or ends a run (see text).
        clauses.append(_clause(bigrams, prefix=len(bigrams) == 1 and len(bigrams[0]) == 1))
        runs = text.CJK_RUN.findall(normalised)
        if sum(map(len, runs)) > 2:
            # 伯爵茶 also finds 伯爵红茶: its words anywhere (伯爵, and 茶 where a run ends). No
            # prefixes: a one-character prefix merges the postings of every token the character
            # starts (色: half of a million listings), which cost more than the rest of the query.
            scattered = [token for run in runs for word in text.jieba_words(run) for token in _word_tokens(word)]
            clauses.append(_clause(tuple(dict.fromkeys(scattered)), adjacent=False))
    elif latin and bigrams:
        # A mixed alternative ("CE 认证"): every token, in any order.
        clauses.extend(_clause((token,)) for token in (*latin, *bigrams)[:MAX_PHRASE_TOKENS])
    return clauses


def _word_tokens(word: str) -> tuple[str, ...]:
    """A Chinese word as index tokens that may lie apart: a word of one or two characters is
    itself (a lone character is a token where a run ends); a longer one its dictionary
    sub-words (伯爵茶: 伯爵) and each character they leave out (茶), or its bigrams when it has
    no sub-words."""
    if len(word) <= 2:
        return (word,)
    parts = [p for p in text.jieba_tokenizer().cut_for_search(word, HMM=False) if len(p) == 2 and p != word]
    if not parts:
        return tuple(text.bigrams(word))
    covered = {i + k for part in parts for i in range(len(word) - 1) if word[i : i + 2] == part for k in (0, 1)}
    return (*parts, *(char for i, char in enumerate(word) if i not in covered))


def _clause(tokens, *, prefix: bool = False, field: str = "text", adjacent: bool = True) -> Clause:
    tokens = tuple(t[:MAX_TOKEN_CHARS] for t in tokens[:MAX_PHRASE_TOKENS])
    return Clause(tokens, prefix=prefix, field=field, adjacent=adjacent or len(tokens) == 1)


def _display(normalised: str, terms: tuple[Term, ...]) -> str:
    """ "羊毛围巾 → wool scarf": the query, then each term's first translation (or itself)."""
    if not any(t.reading.alternatives for t in terms):
        return normalised
    separator = ""
    parts: list[str] = []
    for term in terms:
        part = term.reading.alternatives[0] if term.reading.alternatives else term.reading.term
        parts.append(part)
    # Chinese translations read without spaces; English ones with.
    separator = " " if any(not text.CJK_RUN.fullmatch(p.replace(" ", "")) for p in parts) else ""
    return f"{normalised} → {separator.join(parts)}"
