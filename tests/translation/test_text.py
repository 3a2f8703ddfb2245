"""Segmentation, script and width normalisation, CEDICT, and query-term expansion."""

from __future__ import annotations

import pytest

from tradebridge.translation import (
    CEDICT_CREDIT,
    cedict,
    expand_query_term,
    normalise_width,
    segment,
    to_simplified,
)
from tradebridge.translation.glossary import get_glossary
from tradebridge.translation.segmentation import dictionary_words


def test_segmentation_keeps_glossary_words_whole():
    words = segment("不锈钢球阀")
    assert words == ["不锈钢", "球阀"]


def test_segmentation_drops_spaces_and_punctuation_and_keeps_codes():
    assert segment("羔羊毛围巾，藏青色 DN50") == ["羔羊毛", "围巾", "藏青色", "DN50"]


def test_compound_glossary_terms_are_left_for_jieba_to_split():
    words = set(dictionary_words(get_glossary()))
    assert "球阀" in words and "不锈钢" in words
    assert "不锈钢球阀" not in words


def test_to_simplified():
    assert to_simplified("圍巾") == "围巾"
    assert to_simplified("蘋果 頭髮") == "苹果 头发"
    assert to_simplified("乾隆") == "乾隆"  # a word exception, not the character default
    assert to_simplified("羊毛围巾") == "羊毛围巾"


def test_normalise_width():
    assert normalise_width("ＡＢＣ１２３") == "ABC123"
    assert normalise_width("ＸＬ　码") == "XL 码"
    assert normalise_width("围巾") == "围巾"


@pytest.mark.parametrize(
    ("term", "lang", "expected"),
    [
        ("球阀", "zh", ["ball valve"]),
        ("scarf", "en", ["围巾"]),
        ("Scarves", "en", ["围巾"]),
        ("羊毛围巾", "zh", ["wool scarf"]),
        ("毛衣", "zh", ["jumper", "sweater"]),
        ("圍巾", "zh", ["scarf"]),
        ("stainless steel ball valves", "en", ["不锈钢球阀"]),
    ],
)
def test_expand_query_term(term, lang, expected):
    assert expand_query_term(term, lang) == expected


def test_expand_query_term_falls_back_to_cedict_and_knows_when_to_give_up():
    assert "蓬松" in expand_query_term("fluffy", "en")
    assert expand_query_term("  ", "en") == []
    assert expand_query_term("zzqx", "en") == []


def test_cedict_parses_the_shipped_file():
    assert "scarf" in cedict.glosses("围巾")
    assert cedict.glosses("不锈钢") == ("stainless steel",)
    assert cedict.english_to_chinese("stainless steel")[0][0] == "不锈钢"


def test_cedict_parse_cleans_glosses():
    data = cedict.parse(
        [
            "# comment",
            "圍巾 围巾 [wei2 jin1] /scarf/shawl/CL:條|条[tiao2]/",
            "毛衣 毛衣 [mao2 yi1] /(wool) sweater/CL:件[jian4]/",
            "杯具 杯具 [bei1 ju4] /cup/(slang) (pun on 悲劇|悲剧[bei1 ju4], tragedy) so bad/",
            "鞾 靴 [xue1] /variant of 靴[xue1]/",
        ]
    )
    assert data.raw_glosses["围巾"] == "scarf/shawl"
    assert data.reverse["sweater"] == "毛衣,0"
    assert "variant" not in data.raw_glosses.get("靴", "")
    assert data.trad_chars["圍"] == "围"


def test_cedict_credit_names_source_licence_and_link():
    for text in (CEDICT_CREDIT["en"], CEDICT_CREDIT["zh"]):
        assert "CC-CEDICT" in text and "MDBG" in text and "CC BY-SA 4.0" in text
        assert "https://cc-cedict.org/wiki/" in text
