"""Descriptions made safe, titles, handles and certifications."""

from __future__ import annotations

from tradebridge.catalog.importers.text import (
    HANDLE_MAX,
    TITLE_MAX,
    certifications_from,
    clean_title,
    description_html,
    make_handle,
    sanitise_html,
)


def test_sanitiser_keeps_the_safe_subset():
    html = (
        "<h2>Care</h2><p>Wash <strong>cold</strong>, <em>dry flat</em>.</p>"
        "<ul><li>one</li></ul><table><tr><td colspan='2'>cell</td></tr></table>"
    )
    cleaned = sanitise_html(html)
    for kept in ("<h2>Care</h2>", "<strong>cold</strong>", "<em>dry flat</em>", "<li>one</li>", 'colspan="2"'):
        assert kept in cleaned


def test_sanitiser_removes_scripts_styles_handlers_and_bad_links():
    cleaned = sanitise_html(
        '<p onclick="steal()" style="color:red">Hi<script>alert(1)</script><style>p{}</style>'
        '<a href="javascript:alert(1)">js</a><a href="/relative">rel</a>'
        '<a href="https://example.com/x" target="_blank">ok</a><img src=x onerror=alert(1)>'
        '<iframe src="https://evil.example"></iframe></p>'
    )
    for gone in ("onclick", "style", "script", "alert", "javascript", "/relative", "<img", "iframe", "target"):
        assert gone not in cleaned
    assert '<a href="https://example.com/x"' in cleaned
    assert "Hi" in cleaned and "ok</a>" in cleaned


def test_plain_text_descriptions_keep_paragraphs_and_are_escaped():
    assert description_html("Line one\nline two\n\nFish & chips <3") == (
        "<p>Line one<br>line two</p>\n<p>Fish &amp; chips &lt;3</p>"
    )
    assert description_html("   ") == ""


def test_long_titles_are_cut_with_a_flag():
    title, truncated = clean_title("word " * 100)
    assert truncated and len(title) <= TITLE_MAX and title.endswith("…")
    assert clean_title("  Two   spaces <b>bold</b> ") == ("Two spaces bold", False)


def test_handles_are_stable_lowercase_slugs():
    assert make_handle("  Crème Brûlée SET_01 / 500g ") == "crème-brûlée-set-01-500g"
    assert make_handle("英式早餐茶 80袋") == "英式早餐茶-80袋"
    assert make_handle("SRT_COT_111") == make_handle("srt-cot-111") == "srt-cot-111"
    assert len(make_handle("a" * 500)) == HANDLE_MAX
    assert make_handle("---") == ""


def test_certifications_from_tags():
    tags = ["Organic", "Vegan", "Cruelty-Free", "FSC certified", "CE", "ceramic", "Fair Trade", "Halal", "Kosher"]
    assert certifications_from(tags) == [
        "organic",
        "vegan",
        "cruelty_free",
        "fsc",
        "ce",
        "fairtrade",
        "halal",
        "kosher",
    ]
    assert certifications_from(["UKCA", "GOTS", "Leaping Bunny", "organic"]) == [
        "ukca",
        "gots",
        "cruelty_free",
        "organic",
    ]
