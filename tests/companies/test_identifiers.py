"""Tests for the pure identifier rules in tradebridge.companies.identifiers.

Known-good literals were checked by hand (arithmetic in the comments) and by the small independent
check-character helpers below; the hypothesis properties generate valid numbers with those helpers.
"""

from __future__ import annotations

import datetime
from functools import partial

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tradebridge.companies.identifiers import (
    InvalidIdentifier,
    normalize_companies_house_number,
    normalize_prc_resident_id,
    normalize_uk_vat_number,
    normalize_uscc,
)

DIGITS = "0123456789"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
PRC_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
VAT_WEIGHTS = (8, 7, 6, 5, 4, 3, 2)
TODAY = datetime.date(2024, 6, 15)


def vat_total(nine_digits: str) -> int:
    """Weighted sum of the first 7 digits plus the last two read as a number."""
    return sum(w * int(d) for w, d in zip(VAT_WEIGHTS, nine_digits[:7], strict=True)) + int(nine_digits[7:])


def uscc_check_char(first17: str) -> str:
    total = sum(w * USCC_ALPHABET.index(ch) for w, ch in zip(USCC_WEIGHTS, first17, strict=True))
    c = 31 - total % 31
    return USCC_ALPHABET[0 if c == 31 else c]


def prc_id_check_char(first17: str) -> str:
    return "10X98765432"[sum(w * int(d) for w, d in zip(PRC_ID_WEIGHTS, first17, strict=True)) % 11]


def assert_rejected(normalize, value: str, code: str, **kwargs) -> None:
    with pytest.raises(InvalidIdentifier) as excinfo:
        normalize(value, **kwargs)
    assert excinfo.value.code == code
    assert excinfo.value.message.endswith(".")
    assert str(excinfo.value) == excinfo.value.message


def test_invalid_identifier_is_a_value_error_with_code_and_message():
    error = InvalidIdentifier("vat_checksum", "Not valid.")
    assert isinstance(error, ValueError)
    assert (error.code, error.message, str(error)) == ("vat_checksum", "Not valid.", "Not valid.")


# --- Companies House ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("01234567", "01234567", id="eight-digits"),
        pytest.param(" 1234567 ", "01234567", id="seven-digits-padded"),
        pytest.param("1", "00000001", id="one-digit-padded"),
        pytest.param("SC123456", "SC123456", id="scotland"),
        pytest.param("sc 123 456", "SC123456", id="lowercase-with-spaces"),
        pytest.param("SC12345", "SC012345", id="prefixed-padded-after-prefix"),
        pytest.param("\tLP012345\n", "LP012345", id="limited-partnership-tabs"),
        pytest.param("oc301234", "OC301234", id="llp"),
        pytest.param("NI000123", "NI000123", id="northern-ireland"),
        pytest.param("FC31234", "FC031234", id="overseas-padded"),
        pytest.param("R0000123", "R0000123", id="r-zero-pre-partition"),
        pytest.param("r0 1234", "R0001234", id="r-zero-padded"),
        pytest.param("ＳＣ１２３４５６", "SC123456", id="full-width"),
    ],
)
def test_companies_house_number_valid(value, expected):
    assert normalize_companies_house_number(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("  \t", "empty", id="whitespace-only"),
        pytest.param("123456789", "ch_number_format", id="nine-digits"),
        pytest.param("SC1234567", "ch_number_format", id="prefix-and-seven-digits"),
        pytest.param("S1234567", "ch_number_format", id="one-letter"),
        pytest.param("R1234567", "ch_number_format", id="r-without-zero"),
        pytest.param("12AB3456", "ch_number_format", id="letters-in-middle"),
        pytest.param("SC-123456", "ch_number_format", id="hyphen"),
        pytest.param("SC", "ch_number_format", id="prefix-only"),
        pytest.param("١٢٣٤٥٦٧٨", "ch_number_format", id="non-ascii-digits"),
        pytest.param("ß123456", "ch_number_format", id="sharp-s-not-uppercased-to-SS"),
        pytest.param("XX123456", "ch_number_prefix", id="unknown-prefix"),
        pytest.param("ab123456", "ch_number_prefix", id="unknown-prefix-lowercase"),
        pytest.param("00000000", "ch_number_zero", id="all-zeros"),
        pytest.param("0", "ch_number_zero", id="zero-padded"),
        pytest.param("SC000000", "ch_number_zero", id="prefixed-zero-serial"),
    ],
)
def test_companies_house_number_rejected(value, code):
    assert_rejected(normalize_companies_house_number, value, code)


# --- UK VAT ------------------------------------------------------------------------------------
#
# GB980780684 (HMRC's published example): 9*8 + 8*7 + 0*6 + 7*5 + 8*4 + 0*3 + 6*2 = 207;
#   207 + 84 = 291 = 3 * 97, so it is valid under modulus 97 (not 9755).
# GB123456782: 1*8 + 2*7 + 3*6 + 4*5 + 5*4 + 6*3 + 7*2 = 112; 112 + 82 = 194 = 2 * 97 -> modulus 97.
# GB123456727: 112 + 27 = 139; 139 + 55 = 194 = 2 * 97 -> modulus 9755.
# GB980780685: 207 + 85 = 292 (292 % 97 = 1, 347 % 97 = 56) -> invalid under both.


def test_vat_hand_arithmetic_agrees_with_helper():
    assert vat_total("980780684") == 291 == 3 * 97
    assert vat_total("123456782") == 194 == 2 * 97
    assert vat_total("123456727") + 55 == 194
    assert vat_total("980780685") % 97 == 1
    assert (vat_total("980780685") + 55) % 97 == 56


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("GB980780684", "GB980780684", id="hmrc-example-mod97"),
        pytest.param("980780684", "GB980780684", id="no-prefix"),
        pytest.param("gb 980 7806 84", "GB980780684", id="lowercase-spaces"),
        pytest.param("GB-980.780.684", "GB980780684", id="hyphens-and-dots"),
        pytest.param("GB 123 4567 82", "GB123456782", id="mod97"),
        pytest.param("123456727", "GB123456727", id="mod9755"),
        pytest.param("GB980780684001", "GB980780684001", id="branch-trader"),
        pytest.param("980 7806 84 123", "GB980780684123", id="branch-trader-no-prefix"),
        pytest.param("GBGD000", "GBGD000", id="gd-lowest"),
        pytest.param("gd499", "GBGD499", id="gd-499-highest"),
        pytest.param("GB HA 500", "GBHA500", id="ha-500-lowest"),
        pytest.param("GBHA999", "GBHA999", id="ha-highest"),
    ],
)
def test_vat_number_valid(value, expected):
    assert normalize_uk_vat_number(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param(" - . ", "empty", id="separators-only"),
        pytest.param("GB", "vat_format", id="prefix-only"),
        pytest.param("GB98078068", "vat_format", id="eight-digits"),
        pytest.param("GB9807806841", "vat_format", id="ten-digits"),
        pytest.param("GB98078068A", "vat_format", id="letter"),
        pytest.param("XI980780684", "vat_format", id="xi-prefix"),
        pytest.param("GBGB980780684", "vat_format", id="double-prefix"),
        pytest.param("GBGD12", "vat_format", id="gd-two-digits"),
        pytest.param("GBGD500", "vat_gd_range", id="gd-500"),
        pytest.param("GBGD999", "vat_gd_range", id="gd-999"),
        pytest.param("GBHA499", "vat_ha_range", id="ha-499"),
        pytest.param("GBHA000", "vat_ha_range", id="ha-000"),
        pytest.param("GB000000000", "vat_zero", id="all-zeros"),
        pytest.param("GB000000000123", "vat_zero", id="all-zeros-branch"),
        pytest.param("GB980780685", "vat_checksum", id="last-digit-changed"),
        pytest.param("GB123456783", "vat_checksum", id="last-digit-changed-2"),
        pytest.param("GB980780648", "vat_checksum", id="check-digits-swapped"),
        pytest.param("GB980780685001", "vat_checksum", id="branch-bad-check"),
    ],
)
def test_vat_number_rejected(value, code):
    assert_rejected(normalize_uk_vat_number, value, code)


def test_vat_two_schemes_leave_a_known_blind_spot():
    # Adding 6 to the second digit (weight 7) adds 42, turning a modulus 97 total into a
    # modulus 9755 one: 112 + 42 + 82 = 236, and 236 + 55 = 291 = 3 * 97.
    assert vat_total("183456782") + 55 == 291
    assert normalize_uk_vat_number("GB183456782") == "GB183456782"


@st.composite
def valid_vat_numbers(draw) -> str:
    first7 = draw(st.text(DIGITS, min_size=7, max_size=7))
    scheme_offset = draw(st.sampled_from([0, 55]))
    check = -(vat_total(first7 + "00") + scheme_offset) % 97
    number = f"{first7}{check:02d}"
    assume(number != "000000000")
    return number


@given(number=valid_vat_numbers(), data=st.data())
def test_vat_single_digit_changes_are_caught_except_the_scheme_switch(number, data):
    assert normalize_uk_vat_number(number) == "GB" + number
    position = data.draw(st.integers(0, 8), label="position")
    replacement = data.draw(st.sampled_from(DIGITS).filter(lambda d: d != number[position]), label="replacement")
    # Each digit moves the total by weight * delta, never a multiple of 97; only a move of
    # exactly 42 can jump from one accepted scheme to the other (see the blind-spot test).
    weight = (*VAT_WEIGHTS, 10, 1)[position]
    assume(abs(weight * (int(replacement) - int(number[position]))) != 42)
    mutated = number[:position] + replacement + number[position + 1 :]
    assert_rejected(normalize_uk_vat_number, mutated, "vat_checksum")


# --- Unified Social Credit Code ----------------------------------------------------------------
#
# 91350100M000100Y43 (the code usually quoted as the example; M = 21, Y = 30):
#   9*1 + 1*3 + 3*9 + 5*27 + 0*19 + 1*26 + 0*16 + 0*17 + 21*20 + 0*29 + 0*25 + 0*13 + 1*8
#   + 0*24 + 0*10 + 30*30 + 4*28 = 1640; 1640 % 31 = 28; 31 - 28 = 3 -> check char "3".
# The other published codes below also pass, as a random one would only 1 time in 31.

USCC_PUBLISHED = ["91350100M000100Y43", "914403001922038216", "91110000600037341L"]


@pytest.mark.parametrize("code", USCC_PUBLISHED)
def test_uscc_published_codes_match_helper(code):
    assert uscc_check_char(code[:17]) == code[17]


def test_uscc_hand_arithmetic():
    products = [w * USCC_ALPHABET.index(ch) for w, ch in zip(USCC_WEIGHTS, "91350100M000100Y4", strict=True)]
    assert products == [9, 3, 27, 135, 0, 26, 0, 0, 420, 0, 0, 0, 8, 0, 0, 900, 112]
    assert sum(products) == 1640
    assert uscc_check_char("91350100M000100Y4") == "3"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("91350100M000100Y43", "91350100M000100Y43", id="textbook-example"),
        pytest.param("914403001922038216", "914403001922038216", id="numeric-check-char"),
        pytest.param("91110000600037341L", "91110000600037341L", id="letter-check-char"),
        pytest.param(" 91350100m000100y43 ", "91350100M000100Y43", id="lowercase-whitespace"),
        pytest.param("9135 0100 M000 100Y 43", "91350100M000100Y43", id="inner-spaces"),
        pytest.param("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43", id="full-width"),
        # Constructed codes (check char from the helper) with letter registering authorities.
        pytest.param("Y1110000MA0000001Y", "Y1110000MA0000001Y", id="authority-Y"),
        pytest.param("A1110000MA0000001K", "A1110000MA0000001K", id="authority-A"),
        pytest.param("N2110000MA00000014", "N2110000MA00000014", id="authority-N"),
    ],
)
def test_uscc_valid(value, expected):
    assert normalize_uscc(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("91350100M000100Y4", "uscc_length", id="seventeen"),
        pytest.param("91350100M000100Y433", "uscc_length", id="nineteen"),
        pytest.param("9135-0100M000100Y43", "uscc_length", id="hyphen-not-stripped"),
        pytest.param("91350100O000100Y43", "uscc_charset", id="letter-O"),
        pytest.param("91350100I000100Y43", "uscc_charset", id="letter-I"),
        pytest.param("91350100S000100Y43", "uscc_charset", id="letter-S"),
        pytest.param("91350100V000100Y43", "uscc_charset", id="letter-V"),
        pytest.param("91350100Z000100Y43", "uscc_charset", id="letter-Z"),
        pytest.param("91350100M000100Y4!", "uscc_charset", id="punctuation"),
        # Correct check char for its first 17, so only the region rule rejects it.
        pytest.param("9135010AM000100Y4K", "uscc_region", id="letter-in-region"),
        pytest.param("91350100M000100Y44", "uscc_checksum", id="check-char-changed"),
        pytest.param("91350100M000100Y34", "uscc_checksum", id="last-two-swapped"),
        pytest.param("92350100M000100Y43", "uscc_checksum", id="type-changed"),
    ],
)
def test_uscc_rejected(value, code):
    assert_rejected(normalize_uscc, value, code)


def test_uscc_region_case_has_a_correct_check_char():
    assert uscc_check_char("9135010AM000100Y4") == "K"


@st.composite
def valid_usccs(draw) -> str:
    head = draw(st.text(USCC_ALPHABET, min_size=2, max_size=2))
    region = draw(st.text(DIGITS, min_size=6, max_size=6))
    tail = draw(st.text(USCC_ALPHABET, min_size=9, max_size=9))
    first17 = head + region + tail
    return first17 + uscc_check_char(first17)


@given(code=valid_usccs(), data=st.data())
def test_uscc_any_single_substitution_is_caught(code, data):
    # 31 is prime and no weight is a multiple of it, so every substitution moves the check char.
    assert normalize_uscc(code) == code
    position = data.draw(st.integers(0, 17), label="position")
    allowed = DIGITS if 2 <= position < 8 else USCC_ALPHABET
    replacement = data.draw(st.sampled_from(allowed).filter(lambda ch: ch != code[position]), label="replacement")
    mutated = code[:position] + replacement + code[position + 1 :]
    assert_rejected(normalize_uscc, mutated, "uscc_checksum")


# --- PRC resident identity card ----------------------------------------------------------------
#
# 11010519491231002X (the textbook example): digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 times
#   weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167;
#   167 % 11 = 2; "10X98765432"[2] = "X".

# Each of these has the right check char, so the birth date is the only thing wrong with it.
PRC_BAD_BIRTH_DATES = {
    "110105190002290017": "1900-02-29, 1900 not a leap year",
    "110105189912310015": "1899-12-31, before 1900",
    "110105202406160011": "2024-06-16, the day after TODAY",
    "110105202313010014": "month 13",
    "110105202304310015": "31 April",
    "110105202302290014": "2023-02-29",
    "110105000000000012": "all zeros",
}


def test_prc_id_hand_arithmetic():
    products = [int(d) * w for w, d in zip(PRC_ID_WEIGHTS, "11010519491231002", strict=True)]
    assert products == [7, 9, 0, 5, 0, 20, 2, 9, 24, 27, 7, 18, 30, 5, 0, 0, 4]
    assert sum(products) == 167
    assert prc_id_check_char("11010519491231002") == "X"


@pytest.mark.parametrize("number", PRC_BAD_BIRTH_DATES)
def test_prc_id_bad_birth_date_cases_have_correct_check_chars(number):
    assert prc_id_check_char(number[:17]) == number[17]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("11010519491231002X", "11010519491231002X", id="textbook-example"),
        pytest.param("11010519491231002x", "11010519491231002X", id="lowercase-x"),
        pytest.param(" 110105 19491231 002x ", "11010519491231002X", id="spaces"),
        pytest.param("110105200002290013", "110105200002290013", id="leap-day-2000"),
        pytest.param("11010519000101001X", "11010519000101001X", id="earliest-1900-01-01"),
        pytest.param("110105202406150016", "110105202406150016", id="born-today"),
        pytest.param("44030119850715123X", "44030119850715123X", id="constructed-x-check"),
    ],
)
def test_prc_id_valid(value, expected):
    assert normalize_prc_resident_id(value, today=TODAY) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("110105491231002", "prc_id_length", id="first-generation-15-digits"),
        pytest.param("11010519491231002XX", "prc_id_length", id="nineteen"),
        pytest.param("11010519491231002Y", "prc_id_format", id="bad-check-letter"),
        pytest.param("1101051949123100X2", "prc_id_format", id="x-not-last"),
        pytest.param("11010519491231002-", "prc_id_format", id="punctuation"),
        pytest.param("110105194912310021", "prc_id_checksum", id="check-char-changed"),
        pytest.param("110105194912310012", "prc_id_checksum", id="sequence-and-check-changed"),
        *(pytest.param(number, "prc_id_birth_date", id=reason) for number, reason in PRC_BAD_BIRTH_DATES.items()),
    ],
)
def test_prc_id_rejected(value, code):
    assert_rejected(normalize_prc_resident_id, value, code, today=TODAY)


def test_prc_id_today_defaults_to_the_real_date():
    assert normalize_prc_resident_id("11010519491231002X") == "11010519491231002X"
    first17 = "11010529991231001"
    assert_rejected(normalize_prc_resident_id, first17 + prc_id_check_char(first17), "prc_id_birth_date")


@st.composite
def valid_prc_ids(draw) -> str:
    address = draw(st.text(DIGITS, min_size=6, max_size=6))
    born = draw(st.dates(datetime.date(1900, 1, 1), TODAY))
    sequence = draw(st.text(DIGITS, min_size=3, max_size=3))
    first17 = f"{address}{born:%Y%m%d}{sequence}"
    return first17 + prc_id_check_char(first17)


@given(number=valid_prc_ids(), data=st.data())
def test_prc_id_any_single_substitution_is_caught(number, data):
    # No weight is a multiple of 11, so every substitution moves the check char.
    assert normalize_prc_resident_id(number, today=TODAY) == number
    position = data.draw(st.integers(0, 17), label="position")
    allowed = DIGITS + "X" if position == 17 else DIGITS
    replacement = data.draw(st.sampled_from(allowed).filter(lambda ch: ch != number[position]), label="replacement")
    mutated = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(InvalidIdentifier) as excinfo:
        normalize_prc_resident_id(mutated, today=TODAY)
    # A changed birth-date digit may make the date impossible, which is reported first.
    in_birth_date = 6 <= position < 14
    expected = {"prc_id_checksum", "prc_id_birth_date"} if in_birth_date else {"prc_id_checksum"}
    assert excinfo.value.code in expected


# --- All of them -------------------------------------------------------------------------------

NORMALIZERS = [
    pytest.param(normalize_companies_house_number, id="companies-house"),
    pytest.param(normalize_uk_vat_number, id="vat"),
    pytest.param(normalize_uscc, id="uscc"),
    pytest.param(partial(normalize_prc_resident_id, today=TODAY), id="prc-id"),
]


@pytest.mark.parametrize("normalize", NORMALIZERS)
@given(value=st.text())
def test_any_text_is_normalised_idempotently_or_rejected_cleanly(normalize, value):
    try:
        canonical = normalize(value)
    except InvalidIdentifier as error:
        assert error.code
        assert error.message
    else:
        assert normalize(canonical) == canonical
