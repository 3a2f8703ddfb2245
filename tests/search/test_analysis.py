"""The pure analysis: normal form, tokens, pinyin, query understanding, engine syntax, marks."""

import pytest

from tradebridge.search import pinyin, text, understanding
from tradebridge.search.backends.postgres import PostgresBackend
from tradebridge.search.backends.sqlite import SqliteBackend
from tradebridge.search.highlight import highlight, snippet
from tradebridge.search.ranking import TierRow, boost, unit_price_at


def test_full_width_and_traditional_fold_to_one_form():
    assert text.normalise("ＳＴＡＩＮＬＥＳＳ　ＤＮ５０") == "stainless dn50"
    assert text.normalise("不鏽鋼球閥") == "不锈钢球阀"
    assert text.normalise("羊毛圍巾\x00\u200b") == "羊毛围巾  "


def test_a_word_inside_a_longer_word_is_indexed_as_a_bigram():
    tokens = text.tokens(text.normalise("不锈钢球阀"))
    assert "球阀" in tokens
    assert "不锈钢" in tokens  # jieba's word, kept whole by the glossary
    assert {"不锈", "锈钢", "钢球"} <= set(tokens)
    assert tokens[-1] == "阀"  # the run's last character, for one-character queries


def test_one_character_queries_are_prefixes():
    (term,) = understanding.parse("铜").terms
    assert term.clauses[0].tokens == ("铜",) and term.clauses[0].prefix


def test_a_chinese_query_also_matches_its_words_apart_without_prefixes():
    # 伯爵茶 finds 伯爵红茶: 伯爵 and 茶 anywhere. No token is a prefix: each one-character prefix
    # merges the postings of every token the character starts.
    (term,) = understanding.parse("伯爵茶").terms
    scattered = [c.tokens for c in term.clauses if not c.adjacent]
    assert scattered == [("伯爵", "茶"), ("earl", "grey")]
    fts = SqliteBackend().compile((term,))
    assert '("伯爵" AND "茶")' in fts and "*" not in fts
    assert "('伯爵':ABC & '茶':ABC)" in PostgresBackend().compile((term,))
    # Two-character words are whole tokens; a longer word without sub-words, its bigrams.
    assert understanding._word_tokens("羊毛") == ("羊毛",)
    assert understanding._word_tokens("苏格兰") == ("苏格", "格兰")


def test_english_plurals_meet_their_singular():
    assert text.stem("scarves") == text.stem("scarf")
    assert text.stem("valves") == text.stem("valve")
    assert text.stem("boxes") == text.stem("box")
    assert text.stem("tea") == "tea"


def test_pinyin_pairs_of_chinese_titles():
    assert text.pinyin_tokens("球阀") == ["qiufa"]
    assert text.pinyin_tokens("茶") == ["cha"]
    assert pinyin.split("yangmaoweijin") == ("yang", "mao", "wei", "jin")
    assert pinyin.split("xian") == ("xian",)
    assert pinyin.split("scarf") is None


def _readings(query):
    return [(t.reading.term, t.reading.language) for t in understanding.parse(query).terms]


def test_chinese_query_is_read_into_terms_with_translations():
    parsed = understanding.parse("羊毛围巾")
    assert _readings("羊毛围巾") == [("羊毛", "zh"), ("围巾", "zh")]
    assert parsed.display == "羊毛围巾 → wool scarf"
    assert "wool" in parsed.terms[0].reading.alternatives


def test_english_phrase_from_the_glossary_is_one_term():
    parsed = understanding.parse("ball valves")
    assert _readings("ball valves") == [("ball valves", "en")]
    assert "球阀" in parsed.terms[0].reading.alternatives


def test_pinyin_with_v_for_u_umlaut_reads_as_the_index_writes_it():
    # The index writes 女 as nv (pypinyin's toneless style); typed queries do the same.
    assert text.pinyin_tokens("女士") == ["nvshi"]
    assert pinyin.split("nvshi") == ("nv", "shi")
    assert pinyin.split("lvse") == ("lv", "se")
    assert pinyin.split("nu") == ("nu",) and pinyin.split("lve") == ("lve",)
    (term,) = understanding.parse("nv shi qian bao").terms
    assert term.reading.language == "pinyin" and "女士钱包" in term.reading.alternatives


def test_spaced_pinyin_that_spells_glossary_terms_is_pinyin_even_where_a_word_is_english():
    # "he" and "pin" are English words too; together with their neighbours they spell terms.
    assert _readings("he ka") == [("heka", "pinyin")]
    assert "贺卡" in understanding.parse("he ka").terms[0].reading.alternatives
    assert _readings("hu fu pin") == [("hufupin", "pinyin")]
    assert _readings("hu fu pin wool") == [("hufupin", "pinyin"), ("wool", "en")]
    # English words that spell no term together stay English.
    assert _readings("tie pen") == [("tie", "en"), ("pen", "en")]
    # Words of the trade glossary stay English even where they spell pinyin (迷你抹茶, 尼龙).
    assert _readings("mini mocha") == [("mini", "en"), ("mocha", "en")]
    assert ("long sleeve", "en") in _readings("ni long sleeve")
    # Each word is whole syllables: "xi an" is not xian (线).
    assert ("xian", "pinyin") not in _readings("xi an")


def test_the_pinyin_run_check_looks_a_bounded_way_ahead(monkeypatch):
    # Repeated syllables must not make the reading quadratic in the query's length.
    spelled = []
    segments = pinyin.segments

    def counting(word):
        spelled.append(len(pinyin.split(word) or ()))
        return segments(word)

    monkeypatch.setattr(pinyin, "segments", counting)
    understanding._spells_terms.cache_clear()
    understanding._parse_uncached("ba " * 100)
    assert spelled and max(spelled) <= 2 * pinyin.MAX_WORD_SYLLABLES


def test_dictionary_senses_that_are_function_words_are_not_searched_for():
    # CC-CEDICT reads 存在 as "be" too, and 不 as "not"/"no": each would match most descriptions.
    (exist,) = understanding.parse("存在").terms
    assert "exist" in exist.reading.alternatives and "be" not in exist.reading.alternatives
    assert all(clause.tokens != ("be",) for clause in exist.clauses)
    negation = understanding.parse("不存在").terms[0]
    assert negation.reading.term == "不" and not {"not", "no"} & set(negation.reading.alternatives)


def test_pinyin_and_mixed_scripts():
    assert _readings("yangmao weijin") == [("yangmao", "pinyin"), ("weijin", "pinyin")]
    assert understanding.parse("yangmaoweijin").display == "yangmaoweijin → 羊毛围巾"
    assert "ball valve" in understanding.parse("qiufa").terms[0].reading.alternatives
    assert _readings("wool 围巾") == [("wool", "en"), ("围巾", "zh")]
    assert _readings("tea") == [("tea", "en")]  # an English word is never read as pinyin


@pytest.mark.parametrize("query", ["", "   ", "\x00\x01", "😀🎉", "!!!", "--;'\\"])
def test_queries_without_words_have_no_terms(query):
    assert understanding.parse(query).terms == ()


def test_terms_and_phrases_are_capped():
    parsed = understanding.parse(" ".join(f"word{i}" for i in range(50)) + " " + "茶" * 5000)
    assert len(parsed.terms) <= understanding.MAX_TERMS
    assert all(len(c.tokens) <= understanding.MAX_PHRASE_TOKENS for t in parsed.terms for c in t.clauses)


@pytest.mark.parametrize("query", ['"AND (', "NEAR(", "a OR b", "x' | y", "col:val*", "{title}: ^"])
def test_engine_queries_quote_every_token(query):
    terms = understanding.parse(query).terms
    fts = SqliteBackend().compile(terms)
    tsquery = PostgresBackend().compile(terms)
    for term in terms:
        for clause in term.clauses:
            for token in clause.tokens:
                assert token.isalnum()
                assert f'"{token}"' in fts
                assert f"'{token}':" in tsquery


def test_highlight_escapes_and_marks_stems_and_chinese():
    assert highlight("Ball Valves <b>", ("valve",)) == "Ball <mark>Valves</mark> &lt;b&gt;"
    assert highlight("不锈钢球阀", ("球阀",)) == "不锈钢<mark>球阀</mark>"
    assert "<mark>scarves</mark>" in snippet("<p>Soft <b>scarves</b></p>", ("scarf",))


def test_boost_formula_and_unit_price_rule():
    assert boost(verified=False) == 1
    assert boost(verified=True, response_rate=1, completed_orders=999) == pytest.approx(1.75)
    tiers = [TierRow(1, 5), TierRow(100, 4), TierRow(1, 3, variant_id=7)]
    assert unit_price_at(tiers, moq=10, quantity=None) == 5  # product tiers before SKU tiers
    assert unit_price_at(tiers, moq=10, quantity=150) == 4
    assert unit_price_at(tiers, moq=10, quantity=2) == 5  # below the MOQ prices at the MOQ
    assert unit_price_at([TierRow(1, 3, 7), TierRow(1, 2, 8)], moq=1, quantity=None) == 2
