"""Codes and amounts are validated once, at the edge of the domain, with named errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.domain.errors import (
    InvalidAmountError,
    InvalidUSCCError,
    UnknownCategoryError,
    UnknownIndustryError,
    UnknownRegionError,
)
from ledger.domain.values import (
    parse_amount,
    parse_category,
    parse_industry,
    parse_region,
    parse_uscc,
    uscc_check_character,
)

# Copied from /work/shared/reference/uscc_vectors.csv: tests never read shared files at run time.
VALID_USCC = [
    "91350200776049653A",
    "91440101MA5CJQ4N59",
    "913502000728319549",
    "91350213678251743X",
    "9144030071526726XG",
    "91330100716105852F",
    "91640100MA7AY4CL31",
    "91640104MA71TJ3Y8G",
    "91640500MA7272HDX6",
]
INVALID_USCC = [
    pytest.param("91350203M0001QAY9B", id="check-character-wrong"),
    pytest.param("91640100MA7AY4CL3", id="17-characters"),
    pytest.param("91640100MA7AY4CL3I", id="I-not-in-character-set"),
]


# --- USCC --------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", VALID_USCC)
def test_a_valid_uscc_is_accepted_unchanged(code: str) -> None:
    assert parse_uscc(code) == code


@pytest.mark.parametrize("code", VALID_USCC)
def test_the_check_character_of_a_valid_uscc_is_computed_from_its_first_17(code: str) -> None:
    assert uscc_check_character(code[:17]) == code[17]


@pytest.mark.parametrize("code", INVALID_USCC)
def test_an_invalid_uscc_is_refused_with_invalid_uscc(code: str) -> None:
    with pytest.raises(InvalidUSCCError) as excinfo:
        parse_uscc(code)
    assert excinfo.value.code == "invalid_uscc"
    assert excinfo.value.context == {"value": code}


def test_the_wrong_check_character_names_the_one_expected() -> None:
    with pytest.raises(InvalidUSCCError, match="give '9'"):
        parse_uscc("91350203M0001QAY9B")


@pytest.mark.parametrize("code", ["91440101MA5CJQ4N59", "9144030071526726XG"])
def test_a_lower_case_uscc_is_accepted_and_upper_cased(code: str) -> None:
    assert parse_uscc(code.lower()) == code


def test_surrounding_whitespace_is_stripped_from_a_uscc() -> None:
    assert parse_uscc("  91640100MA7AY4CL31\n") == "91640100MA7AY4CL31"


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("", id="empty"),
        pytest.param("91640100MA7AY4CL311", id="19-characters"),
        pytest.param("91640100MA7AY4CL3O", id="letter-O"),
        pytest.param("91640100MA7AY4CL3S", id="letter-S"),
        pytest.param("91640100MA7AY4CL3V", id="letter-V"),
        pytest.param("91640100MA7AY4CL3Z", id="letter-Z"),
        pytest.param("91640100MA7AY4CL3-", id="punctuation"),
        pytest.param("91640100MA7AY4CL32", id="another-wrong-check-character"),
    ],
)
def test_more_malformed_usccs_are_refused(code: str) -> None:
    with pytest.raises(InvalidUSCCError):
        parse_uscc(code)


# --- region, category, industry ----------------------------------------------------------------


@pytest.mark.parametrize("code", ["640000", "640100", "640104", "640500", "640522"])
def test_a_ningxia_region_code_is_accepted(code: str) -> None:
    assert parse_region(code) == code


def test_whitespace_around_a_region_code_is_stripped() -> None:
    assert parse_region(" 640100 ") == "640100"


@pytest.mark.parametrize("code", ["110000", "640199", "6401", "", "银川市"])
def test_a_code_outside_ningxia_is_refused_with_unknown_region(code: str) -> None:
    with pytest.raises(UnknownRegionError) as excinfo:
        parse_region(code)
    assert excinfo.value.code == "unknown_region"


@pytest.mark.parametrize("code", ["10", "17", "99", "100200", "109900", "141100"])
def test_a_known_service_category_is_accepted(code: str) -> None:
    assert parse_category(code) == code


@pytest.mark.parametrize("code", ["18", "1", "100201", "999999", "", "信息服务"])
def test_an_unknown_service_category_is_refused_with_unknown_category(code: str) -> None:
    with pytest.raises(UnknownCategoryError) as excinfo:
        parse_category(code)
    assert excinfo.value.code == "unknown_category"


@pytest.mark.parametrize("industry", ["industry", "retail", "software_it", "wholesale"])
def test_an_industry_with_size_thresholds_is_accepted(industry: str) -> None:
    assert parse_industry(f" {industry} ") == industry


@pytest.mark.parametrize("industry", ["construction", "", "Retail"])
def test_an_industry_without_size_thresholds_is_refused_with_unknown_industry(
    industry: str,
) -> None:
    with pytest.raises(UnknownIndustryError, match="software_it") as excinfo:
        parse_industry(industry)
    assert excinfo.value.code == "unknown_industry"


# --- amounts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1200", "1200.00"),
        ("1200.5", "1200.50"),
        ("1200.55", "1200.55"),
        ("0.01", "0.01"),
        (" 300.00 ", "300.00"),
        (Decimal("3.1"), "3.10"),
        (Decimal("7"), "7.00"),
    ],
)
def test_an_amount_comes_back_with_exactly_two_decimal_places(
    value: Decimal | str, expected: str
) -> None:
    amount = parse_amount(value)
    assert type(amount) is Decimal
    assert str(amount) == expected


@pytest.mark.parametrize("value", ["1.001", "0.005", "1200.000", Decimal("1.234")])
def test_an_amount_with_more_than_two_decimal_places_is_refused(value: Decimal | str) -> None:
    with pytest.raises(InvalidAmountError, match="more than two decimal places") as excinfo:
        parse_amount(value)
    assert excinfo.value.code == "invalid_amount"


@pytest.mark.parametrize("value", ["-1", "-0.01", Decimal("-300")])
def test_a_negative_amount_is_refused_even_when_zero_is_allowed(value: Decimal | str) -> None:
    with pytest.raises(InvalidAmountError):
        parse_amount(value)
    with pytest.raises(InvalidAmountError, match="zero or more"):
        parse_amount(value, allow_zero=True)


@pytest.mark.parametrize("value", ["0", "0.00", Decimal(0)])
def test_zero_is_refused_unless_allowed(value: Decimal | str) -> None:
    with pytest.raises(InvalidAmountError, match="more than zero"):
        parse_amount(value)
    assert str(parse_amount(value, allow_zero=True)) == "0.00"


def test_negative_zero_is_read_as_plain_zero() -> None:
    assert str(parse_amount("-0", allow_zero=True)) == "0.00"


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity")])
def test_a_non_finite_amount_is_refused(value: Decimal | str) -> None:
    with pytest.raises(InvalidAmountError, match="not a finite amount") as excinfo:
        parse_amount(value, allow_zero=True)
    assert excinfo.value.code == "invalid_amount"


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "",
        "1,200",
        "12 yuan",
        "¥12",
        "0x10",
        "1.2.3",
        # Decimal() reads these, but an amount on the wire is written plainly.
        "1_000",
        "1E+2",
        "NaN",
        "sNaN",
        "Infinity",
        "-Infinity",
        "inf",
        "３００.00",  # full-width digits look like an amount but are not written plainly
    ],
)
def test_something_that_is_not_a_number_is_refused(value: str) -> None:
    with pytest.raises(InvalidAmountError, match="not a decimal amount") as excinfo:
        parse_amount(value)
    assert excinfo.value.code == "invalid_amount"
    assert excinfo.value.context == {"value": value}


@pytest.mark.parametrize("value", ["1E+30", "1" + "0" * 27])
def test_an_absurdly_large_amount_is_refused_with_invalid_amount(value: str) -> None:
    with pytest.raises(InvalidAmountError):
        parse_amount(value)
