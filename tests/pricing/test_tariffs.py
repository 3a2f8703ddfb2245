"""The authored China tariff table: lookup, file errors, coverage of the default category tree,
and agreement with the shared references.

Reference checks read ../shared/data (relative to the project root, or TRADEBRIDGE_SHARED_DATA
when set, e.g. in a git worktree that has no ../shared) and skip when it is absent.
"""

import csv
import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradebridge.pricing.tariffs import (
    ConsumptionTaxType,
    MalformedHsCode,
    NonexistentHsCode,
    TariffFileError,
    TariffTable,
    TariffUnknown,
    normalise_hs_code,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("TRADEBRIDGE_SHARED_DATA") or PROJECT_ROOT.parent / "shared" / "data")
DEFAULT_CATEGORIES = PROJECT_ROOT / "tradebridge" / "catalog" / "data" / "default_categories.json"
REFERENCE_TSV = SHARED_DATA / "tariffs" / "china_import_rates_reference.tsv"
HS_CSV = SHARED_DATA / "hs" / "harmonized-system.csv"

TABLE = TariffTable.load()

# Every product group the brief lists, by an HS code a supplier would declare.
PRODUCT_GROUPS = {
    "shortbread": "1905310000",
    "black tea": "0902303900",
    "marmalade": "2007999000",
    "honey": "0409000000",
    "chocolate": "1806900000",
    "cheddar": "0406900000",
    "whisky": "2208300000",
    "gin": "2208500000",
    "beer": "2203000000",
    "wine": "2204210000",
    "infant formula": "1901101090",
    "supplements": "2106909090",
    "vitamins": "2936270000",
    "skin cream": "3304990029",
    "lipstick": "3304100091",
    "eye make-up": "3304200091",
    "nail varnish": "3304300002",
    "face powder": "3304910090",
    "perfume": "3303000020",
    "shampoo": "3305100090",
    "cashmere scarf (knitted)": "6117101100",
    "silk scarf": "6214100010",
    "wool scarf (woven)": "6214201000",
    "wool jumper": "6110110000",
    "cashmere jumper": "6110120000",
    "cotton jumper": "6110200000",
    "men's coat": "6201200000",
    "women's coat": "6202200000",
    "leather handbag": "4202210090",
    "textile handbag": "4202220000",
    "leather shoes": "6403990000",
    "toys": "9503008900",
    "porcelain tableware": "6911101100",
    "stoneware mugs": "6912001000",
    "candles": "3406000000",
    "garden tools": "8201100000",
    "footballs": "9506621000",
    "golf clubs": "9506310000",
    "dog food": "2309109000",
    "phone charger": "8504401990",
    "usb cables": "8544421100",
}


@pytest.mark.parametrize(("group", "code"), sorted(PRODUCT_GROUPS.items()))
def test_every_product_group_has_a_line(group, code):
    line = TABLE.lookup(code)
    assert line.vat_rate in (Decimal(9), Decimal(13)), group
    assert line.source_note, group


def test_longest_prefix_wins():
    assert TABLE.lookup("1901101010").duty_rate == 0  # special formula, provisional 0
    assert TABLE.lookup("1901101090").duty_rate == 5  # ordinary formula, provisional 5
    assert TABLE.lookup("1901109000").duty_rate == 2
    assert TABLE.lookup("190110").duty_rate == 15  # only the subheading is known: MFN
    assert TABLE.lookup("2204290000").mfn_rate == 20
    assert TABLE.lookup("2204210000").mfn_rate == 14
    assert TABLE.lookup("2208.30.00.00").hs_prefix == "220830"


def test_unknown_and_malformed_codes():
    with pytest.raises(TariffUnknown) as info:
        TABLE.lookup("8703312310")  # cars: not a TradeBridge product group
    assert info.value.hs_code == "8703312310"
    assert "rate unknown" in str(info.value)
    for bad in ["220", "22083", "2208a00000", "", "22083000001", "２２０８３０", None]:
        with pytest.raises(MalformedHsCode):
            normalise_hs_code(bad)
    for nowhere in ["0012", "7701000000", "98010000", "9999999999"]:  # no such HS chapter
        with pytest.raises(NonexistentHsCode):
            TABLE.lookup(nowhere)


def test_a_bare_heading_resolves_to_its_heading_line():
    # The catalog accepts 4-digit headings, so a product declared only as "7323" is priced by
    # the heading's line; where subheadings differ, that line's note tells the supplier so.
    assert normalise_hs_code("73.23") == "7323"
    assert TABLE.lookup("7323").hs_prefix == "7323"
    assert TABLE.lookup("3304").mfn_rate == 1 and not TABLE.lookup("3304").verified
    assert "declare the full code" in TABLE.lookup("3304").source_note
    assert TABLE.lookup("330410").mfn_rate == 5  # a declared subheading still wins


def _default_tree_headings() -> set[str]:
    headings: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            headings.update(node.get("hs_headings") or ())
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(DEFAULT_CATEGORIES.read_text(encoding="utf-8")))
    return headings


TREE_HEADINGS = sorted(_default_tree_headings())


@given(
    heading=st.sampled_from(TREE_HEADINGS),
    rest=st.text(alphabet="0123456789", min_size=6, max_size=6),
    length=st.sampled_from([4, 6, 8, 10]),
)
def test_lookup_takes_the_longest_prefix_of_any_code_under_the_tree(heading, rest, length):
    code = (heading + rest)[:length]
    line = TABLE.lookup(code)
    assert code.startswith(line.hs_prefix)
    longer = [other.hs_prefix for other in TABLE.lines if code.startswith(other.hs_prefix)]
    assert max(longer, key=len) == line.hs_prefix


def test_the_default_tree_has_the_headings_we_expect():
    assert len(TREE_HEADINGS) >= 140
    assert all(re.fullmatch(r"[0-9]{4}", heading) for heading in TREE_HEADINGS)


@pytest.mark.parametrize("heading", TREE_HEADINGS)
def test_every_heading_of_the_default_tree_has_a_line(heading):
    line = TABLE.lookup(heading)  # raises TariffUnknown if the heading has no line
    assert line.hs_prefix == heading
    assert line.vat_rate in (Decimal(9), Decimal(13))
    assert line.source_note


def test_every_line_belongs_to_a_heading_of_the_tree():
    # The table is for the tree's goods; a stray prefix is a typo or belongs in the tree first.
    assert {line.hs_prefix[:4] for line in TABLE.lines} <= set(TREE_HEADINGS)


def test_unverified_lines_say_what_is_unverified():
    # The file's header says why markers remain; each line says which part it concerns.
    for line in TABLE.lines:
        if not line.verified:
            assert re.search(r"UNVERIFIED(: no reference line| for )|\S UNVERIFIED", line.source_note), line.hs_prefix


def test_spirits_beer_cosmetics_consumption_tax():
    whisky = TABLE.lookup("2208300000")
    assert whisky.consumption_tax_type is ConsumptionTaxType.COMPOUND
    assert (whisky.consumption_tax_rate, whisky.consumption_tax_specific) == (20, Decimal("0.912"))
    beer = TABLE.lookup("2203000000")
    assert beer.consumption_tax_specific == Decimal("0.253")
    assert beer.consumption_tax_below_specific == Decimal("0.2227")
    cream = TABLE.lookup("3304990029")
    assert {(t.value, t.unit) for t in cream.consumption_tax_threshold} == {
        (10, "ml"),
        (10, "g"),
        (15, "piece"),
    }
    assert not TABLE.lookup("6911101100").verified
    assert TABLE.lookup("1905310000").verified
    golf = TABLE.lookup("9506310000")
    assert (golf.consumption_tax_type, golf.consumption_tax_rate) == (ConsumptionTaxType.AD_VALOREM, 10)
    assert TABLE.lookup("9506621000").consumption_tax_type is ConsumptionTaxType.NONE
    watch = TABLE.lookup("9102110000")
    assert [(t.value, t.unit) for t in watch.consumption_tax_threshold] == [(10_000, "unit")]
    assert TABLE.lookup("8507100000").consumption_tax_rate == 4  # lead-acid
    assert TABLE.lookup("8507600000").consumption_tax_type is ConsumptionTaxType.NONE  # lithium-ion


HEADER = (
    "hs_prefix,description,mfn_rate,provisional_rate,specific_duty,specific_unit,vat_rate,"
    "consumption_tax_type,consumption_tax_rate,consumption_tax_specific,consumption_tax_unit,"
    "consumption_tax_threshold,consumption_tax_below_specific,source_note"
)


def test_operator_upload_errors_are_row_numbered():
    text = "\n".join(
        [
            "# operator upload",
            HEADER,
            "1905,Biscuits,10,,,,13,none,,,,,,ok",
            "19x5,Bad prefix,10,,,,13,none,,,,,,",
            "2208,Spirits,ten,,,,13,compound,20,,L,,,",
            "0409,Honey,15,,,,17,none,,,,,,",
            "1905,Duplicate,10,,,,13,none,,,,,,",
            "1806,Short row,8",
            "9901,No such chapter,0,,,,13,none,,,,,,",
        ]
    )
    with pytest.raises(TariffFileError) as info:
        TariffTable.parse(text)
    found = {(e.row, e.column) for e in info.value.errors}
    assert (4, "hs_prefix") in found
    assert (5, "mfn_rate") in found
    assert (5, "consumption_tax_specific") in found  # compound needs the specific part
    assert (6, "vat_rate") in found
    assert (7, "hs_prefix") in found
    assert (8, "*") in found
    assert (9, "hs_prefix") in found
    assert str(info.value).startswith("row 4, column hs_prefix")


def test_header_errors():
    with pytest.raises(TariffFileError, match="missing column"):
        TariffTable.parse("hs_prefix,description\n1905,Biscuits")
    with pytest.raises(TariffFileError, match="unknown column"):
        TariffTable.parse(HEADER + ",colour\n")
    with pytest.raises(TariffFileError, match="no header"):
        TariffTable.parse("# only comments\n")


def test_the_file_cites_its_sources():
    head = (PROJECT_ROOT / "tradebridge/pricing/data/china_tariffs.csv").read_text().split("\n")[:40]
    comments = "\n".join(line for line in head if line.startswith("#"))
    for needle in ("国务院关税税则委员会", "消费税暂行条例", "0.912", "财税〔2016〕103号"):
        assert needle in comments


# -- agreement with ../shared/data ------------------------------------------------------------


def _percent(text: str) -> Decimal | None:
    text = text.strip().rstrip("%").strip()
    return Decimal(text) if text else None


def _reference_rows():
    if not REFERENCE_TSV.exists():
        pytest.skip(f"{REFERENCE_TSV} is absent (no ../shared here; set TRADEBRIDGE_SHARED_DATA)")
    with REFERENCE_TSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _covered(code: str):
    try:
        return TABLE.lookup(code)
    except TariffUnknown:
        return None


def test_table_agrees_with_every_covered_reference_line():
    """MFN, provisional, VAT and consumption tax agree wherever the reference gives a figure.

    Blank reference cells are gaps in the transcription, not zero rates (gin's VAT and
    consumption tax, oolong tea's VAT), so they are not compared. The cosmetics threshold is
    quoted there as "10,000 yuan" without its unit: it is 10,000 yuan per kg (htshub: "≥10000
    yuan/kg"), i.e. the 10 yuan per g/ml of 财税〔2016〕103号, which is what we compare.
    """
    rows = _reference_rows()
    compared = 0
    for row in rows:
        line = _covered(row["hs10"])
        if line is None:
            continue
        compared += 1
        code = row["hs10"]
        assert line.mfn_rate == _percent(row["mfn_rate"]), code
        if row["provisional_rate"].strip():
            assert line.provisional_rate == _percent(row["provisional_rate"]), code
        if row["vat"].strip():
            assert line.vat_rate == _percent(row["vat"]), code
        tax = row["consumption_tax"].strip()
        if not tax:
            continue
        if tax in ("0", "0%", "0.0%"):
            assert line.consumption_tax_type is ConsumptionTaxType.NONE, code
        elif "yuan/litre" in tax:  # "20% + 0.912 yuan/litre"
            rate, specific = (part.strip() for part in tax.split("+"))
            assert line.consumption_tax_type is ConsumptionTaxType.COMPOUND, code
            assert line.consumption_tax_rate == _percent(rate), code
            assert line.consumption_tax_specific == Decimal(specific.split()[0]), code
            assert line.consumption_tax_unit == "L", code
        elif "10,000 yuan" in tax:  # "15% if dutiable value >= 10,000 yuan, else 0%"
            assert line.consumption_tax_rate == _percent(tax.split()[0]), code
            per_g = {t.unit: t.value for t in line.consumption_tax_threshold}["g"]
            assert per_g * 1000 == Decimal(10_000), code
            assert line.consumption_tax_below_specific is None, code
        else:
            pytest.fail(f"{code}: unrecognised consumption tax {tax!r}")
    # Whisky, gin, brandy, cosmetics, shampoo, rusks, tea, scarves, cotton garments, balls, …
    assert compared >= 20
    # Every reference line under a heading of the default tree is covered, so compared above.
    uncovered = {row["hs10"] for row in rows if _covered(row["hs10"]) is None}
    assert not {code for code in uncovered if code[:4] in TREE_HEADINGS}


def test_reference_citations_name_real_reference_lines():
    """A note "reference TSV <code>" names a line of the reference file under that prefix."""
    reference = {row["hs10"] for row in _reference_rows()}
    cited = 0
    for line in TABLE.lines:
        for code in re.findall(r"reference TSV ([0-9]{10})", line.source_note):
            cited += 1
            assert code in reference, (line.hs_prefix, code)
            assert code.startswith(line.hs_prefix), (line.hs_prefix, code)
            assert TABLE.lookup(code) is line, (line.hs_prefix, code)
    assert cited >= 10


def _hs_codes() -> set[str]:
    if not HS_CSV.exists():
        pytest.skip(f"{HS_CSV} is absent (no ../shared here; set TRADEBRIDGE_SHARED_DATA)")
    with HS_CSV.open(encoding="utf-8") as handle:
        return {row["hscode"] for row in csv.DictReader(handle)}


def test_every_prefix_is_a_real_hs_heading_and_subheading():
    codes = _hs_codes()
    for line in TABLE.lines:
        assert line.hs_prefix[:4] in codes, line.hs_prefix
        if len(line.hs_prefix) >= 6:
            assert line.hs_prefix[:6] in codes, line.hs_prefix


def test_every_tree_heading_is_real_and_all_its_subheadings_have_a_line():
    """Whatever 6-digit subheading a supplier declares under a heading of the tree, it is priced."""
    codes = _hs_codes()
    subheadings = 0
    for heading in TREE_HEADINGS:
        assert heading in codes, heading
        for code in codes:
            if len(code) == 6 and code.startswith(heading):
                subheadings += 1
                TABLE.lookup(code)  # raises TariffUnknown when no line covers it
    assert subheadings > 500
