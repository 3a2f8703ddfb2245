"""English ↔ Chinese translation for listings and search: UK suppliers write English, Chinese
buyers read and search in Chinese.

The default engine is dictionary-based and works offline: our curated trade glossary
(data/glossary.tsv) first, CC-CEDICT for words it lacks, jieba for Chinese segmentation. A
LibreTranslate-compatible service can replace it through settings (see providers.py).

Public API (languages are "en" and "zh"; Django codes such as "zh-hans" are accepted):

- translate(text, *, source, target) -> str
- translate_html(html, *, source, target) -> str: text nodes translated, markup kept
- segment(text) -> list[str]: Chinese words, glossary terms kept whole
- to_simplified(text) -> str: traditional characters → simplified
- normalise_width(text) -> str: full-width ASCII → half-width
- expand_query_term(term, lang) -> list[str]: the term's translations, for cross-lingual search
- CEDICT_CREDIT: the attribution CC BY-SA requires wherever CEDICT-derived text is shown
"""

from __future__ import annotations

from tradebridge.translation import cedict, en_zh, markup, segmentation, zh_en
from tradebridge.translation.cedict import CEDICT_CREDIT
from tradebridge.translation.glossary import en_key, get_glossary, word_forms
from tradebridge.translation.providers import (
    PROVIDERS,
    DictionaryProvider,
    HttpProvider,
    TranslationProvider,
    TranslationUnavailable,
    get_provider,
)
from tradebridge.translation.text import LANGUAGES, has_cjk, language, normalise_width

__all__ = [
    "CEDICT_CREDIT",
    "LANGUAGES",
    "PROVIDERS",
    "DictionaryProvider",
    "HttpProvider",
    "TranslationProvider",
    "TranslationUnavailable",
    "expand_query_term",
    "get_provider",
    "normalise_width",
    "segment",
    "to_simplified",
    "translate",
    "translate_html",
]

MAX_ALTERNATIVES = 5
MAX_CEDICT_ALTERNATIVES = 3  # CEDICT's rarer synonyms add noise to a search, not recall


def translate(text: str, *, source: str, target: str) -> str:
    """`text` translated by the configured provider; raises TranslationUnavailable if it can't."""
    if language(source) == language(target) or not text.strip():
        return text
    return get_provider().translate([text], source=source, target=target)[0]


def translate_html(html: str, *, source: str, target: str) -> str:
    """An HTML fragment with its text translated in one provider call; tags kept as written."""
    if language(source) == language(target):
        return html
    provider = get_provider()
    return markup.translate_html(html, lambda texts: provider.translate(texts, source=source, target=target))


def segment(text: str) -> list[str]:
    """Chinese words of `text` (whitespace and punctuation dropped): 不锈钢球阀 → 不锈钢, 球阀."""
    return segmentation.segment(text)


def to_simplified(text: str) -> str:
    """Traditional Chinese → simplified, word-aware where characters alone are ambiguous."""
    return cedict.to_simplified(text)


def expand_query_term(term: str, lang: str) -> list[str]:
    """Translations of one search term into the other language, best first; [] if none.

    A glossary term gives all its glossary translations (球阀 → ["ball valve"], china → 瓷器 and
    中国), with plural spellings folded. A longer term the glossary lacks is translated as a
    phrase (羊毛围巾 → ["wool scarf"]: segmented, each segment translated, so a search can
    require all its words). A single unknown word falls back to CC-CEDICT's senses.
    """
    lang = language(lang)
    term = normalise_width(term).strip()
    if not term:
        return []
    if lang == "en":
        return _expand_english(term)
    return _expand_chinese(to_simplified(term))


def _expand_english(term: str) -> list[str]:
    entries = get_glossary().lookup_en(term)
    if entries:
        return _unique(entry.zh for entry in entries)
    if " " in en_key(term):
        translated = en_zh.translate(term)
        return [translated] if has_cjk(translated) and translated != term else []
    key = en_key(term)
    for form in word_forms(key):
        candidates = cedict.english_to_chinese(form)
        if candidates:
            best = en_zh.cedict_word(key)
            top = candidates[0][1]
            others = [simp for simp, tier in candidates if tier == top and simp != best]
            return _unique([best, *others] if best else others)[:MAX_CEDICT_ALTERNATIVES]
    return []


def _expand_chinese(term: str) -> list[str]:
    entries = get_glossary().by_zh.get(term)
    if entries:
        return _fold_inflections(entry.en for entry in entries)
    if len(segmentation.segment(term)) > 1:
        translated = zh_en.translate(term)
        return [translated] if translated and not has_cjk(translated) else []
    senses = (gloss.removeprefix("to ") for gloss in cedict.glosses(term))
    return _unique(senses)[:MAX_CEDICT_ALTERNATIVES]


def _unique(values) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen[:MAX_ALTERNATIVES]


def _fold_inflections(values) -> list[str]:
    """English alternatives without plural twins: jumper, jumpers, sweater → jumper, sweater."""
    kept: list[str] = []
    keys: set[str] = set()
    for value in values:
        key = en_key(value)
        head, _, last = key.rpartition(" ")
        forms = {f"{head} {form}" if head else form for form in word_forms(last)}
        if not forms & keys:
            kept.append(value)
        keys.add(key)
    return _unique(kept)
