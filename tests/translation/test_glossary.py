"""The curated glossary file: well-formed, big enough, no duplicates, Chinese where it should be."""

from __future__ import annotations

import re

import pytest

from tradebridge.translation import glossary
from tradebridge.translation.glossary import KINDS, en_key, get_glossary, word_forms

# Chinese cells: at least one CJK character; Latin, digits and a few marks allowed in mixed terms
# such as T恤, Type-C数据线, SPF50+防晒, 100%天然, 9K金.
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
MIXED = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9+%\-]+")


@pytest.fixture(scope="module")
def lines() -> list[list[str]]:
    text = glossary.read_source()
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_every_line_has_three_non_empty_trimmed_cells(lines):
    for cells in lines:
        assert len(cells) == 3, cells
        assert all(cell and cell == cell.strip() for cell in cells), cells


def test_kinds_are_the_declared_ones(lines):
    assert {kind for _, _, kind in lines} <= KINDS
    assert {kind for _, _, kind in lines} == KINDS  # every kind is actually used


def test_at_least_2500_entries(lines):
    assert len(lines) >= 2500
    assert len(get_glossary().entries) == len(lines)


def test_no_duplicate_pairs_even_after_normalising_english(lines):
    seen: dict[tuple[str, str], str] = {}
    for en, zh, _ in lines:
        key = (en_key(en), zh)
        assert key not in seen, f"{en!r} → {zh} repeats {seen[key]!r}"
        seen[key] = en


def test_chinese_cells_contain_chinese_and_only_valid_mixed_characters(lines):
    for en, zh, _ in lines:
        assert CJK.search(zh), f"{en!r} → {zh!r} has no Chinese"
        assert MIXED.fullmatch(zh), f"{en!r} → {zh!r} has an unexpected character"


def test_english_cells_are_latin(lines):
    for en, _, _ in lines:
        assert not CJK.search(en), en


def test_sectors_the_brief_names_are_covered():
    g = get_glossary()
    expected = {
        "shortbread": "黄油酥饼",
        "Scotch whisky": "苏格兰威士忌",
        "single malt": "单一麦芽",
        "infant formula": "婴儿配方奶粉",
        "moisturiser": "保湿霜",
        "face cream": "面霜",
        "serum": "精华液",
        "scarf": "围巾",
        "scarves": "围巾",
        "cashmere": "羊绒",
        "lambswool": "羔羊毛",
        "merino": "美利奴羊毛",
        "tweed": "粗花呢",
        "jumper": "毛衣",
        "trench coat": "风衣",
        "boots": "靴子",
        "Chelsea boots": "切尔西靴",
        "brogues": "布洛克鞋",
        "trainers": "运动鞋",
        "Goodyear welted": "固特异缝制",
        "enamel": "搪瓷",
        "stoneware": "粗陶",
        "waterproof jacket": "防水夹克",
        "rucksack": "双肩背包",
        "stainless steel": "不锈钢",
        "ball valve": "球阀",
        "stainless steel ball valve": "不锈钢球阀",
        "navy": "藏青色",
        "burgundy": "酒红色",
        "one size": "均码",
        "UK size": "英码",
        "carton": "箱",
        "ml": "毫升",
        "gift box": "礼盒",
        "made in Scotland": "苏格兰制造",
        "made in the UK": "英国制造",
        "limited edition": "限量版",
        "organic": "有机",
        "halal": "清真",
        "vegan": "纯素",
        "cruelty-free": "零残忍",
    }
    for en, zh in expected.items():
        assert g.en_to_zh(en) == zh, en
    assert {e.zh for e in g.lookup_en("cruelty-free")} == {"零残忍", "无动物实验"}


def test_lookups_fold_case_hyphens_and_plurals():
    g = get_glossary()
    assert g.en_to_zh("STAINLESS STEEL") == "不锈钢"
    assert g.en_to_zh("hand-made") == g.en_to_zh("hand made") == "手工制作"
    assert g.en_to_zh("gift boxes") == "礼盒"
    assert g.zh_to_en("球阀") == "ball valve"
    assert g.zh_to_en("不存在的词") is None


def test_longest_phrase_match_wins():
    g = get_glossary()
    words = ["single", "malt", "scotch", "whisky", "70cl"]
    end, entries = g.match(words, 0)
    assert (end, entries[0].zh) == (4, "单一麦芽苏格兰威士忌")
    assert g.match(["zzz"], 0) is None


@pytest.mark.parametrize(
    ("word", "singular"),
    [("scarves", "scarf"), ("boxes", "box"), ("berries", "berry"), ("valves", "valve"), ("knives", "knife")],
)
def test_word_forms_offer_the_singular(word, singular):
    assert singular in word_forms(word)


def test_word_forms_leave_non_plurals_alone():
    assert word_forms("glass") == ("glass",)
    assert word_forms("dress") == ("dress",)


def test_parse_rejects_bad_lines():
    with pytest.raises(ValueError, match="line 2"):
        glossary.parse("scarf\t围巾\tproduct\nbad line\n")
    with pytest.raises(ValueError, match="unknown kind"):
        glossary.parse("scarf\t围巾\tgarment\n")
