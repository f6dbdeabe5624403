"""Enterprise size under 工信部联企业〔2011〕300号, at and around every threshold.

An enterprise is an SME if it is below EITHER ceiling (employees or revenue in 万元); medium and
small need BOTH minimums; anything else below the ceilings is micro.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from ledger.domain.errors import UnknownIndustryError
from ledger.domain.values import SizeClass, size_class

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Thresholds:
    sme_employees_below: int
    sme_revenue_below: Decimal
    medium_employees_min: int
    medium_revenue_min: Decimal
    small_employees_min: int
    small_revenue_min: Decimal


# Copied from the regulation (工信部联企业〔2011〕300号, Art. 4), not read from the package data, so
# a wrong edit of that data fails here.
THRESHOLDS = {
    "industry": Thresholds(1000, Decimal(40000), 300, Decimal(2000), 20, Decimal(300)),
    "retail": Thresholds(300, Decimal(20000), 50, Decimal(500), 10, Decimal(100)),
    "software_it": Thresholds(300, Decimal(10000), 100, Decimal(1000), 10, Decimal(50)),
    "wholesale": Thresholds(200, Decimal(40000), 20, Decimal(5000), 5, Decimal(1000)),
    "transport": Thresholds(1000, Decimal(30000), 300, Decimal(3000), 20, Decimal(200)),
    "warehousing": Thresholds(200, Decimal(30000), 100, Decimal(1000), 20, Decimal(100)),
    "postal": Thresholds(1000, Decimal(30000), 300, Decimal(2000), 20, Decimal(100)),
    "accommodation": Thresholds(300, Decimal(10000), 100, Decimal(2000), 10, Decimal(100)),
    "catering": Thresholds(300, Decimal(10000), 100, Decimal(2000), 10, Decimal(100)),
    "telecom": Thresholds(2000, Decimal(100000), 100, Decimal(1000), 10, Decimal(100)),
    "property_management": Thresholds(1000, Decimal(5000), 300, Decimal(1000), 100, Decimal(500)),
}


def _cases() -> list[Any]:
    cases = []
    for industry, t in THRESHOLDS.items():
        rows: list[tuple[str, int, Decimal, SizeClass]] = [
            # The SME ceilings: at both is large; below either one is an SME.
            ("at-both-sme-ceilings", t.sme_employees_below, t.sme_revenue_below, SizeClass.LARGE),
            (
                "above-both-sme-ceilings",
                t.sme_employees_below * 10,
                t.sme_revenue_below * 10,
                SizeClass.LARGE,
            ),
            (
                "one-employee-below-the-ceiling",
                t.sme_employees_below - 1,
                t.sme_revenue_below,
                SizeClass.MEDIUM,
            ),
            (
                "one-cent-below-the-revenue-ceiling",
                t.sme_employees_below,
                t.sme_revenue_below - CENT,
                SizeClass.MEDIUM,
            ),
            # Medium needs both minimums.
            (
                "at-both-medium-minimums",
                t.medium_employees_min,
                t.medium_revenue_min,
                SizeClass.MEDIUM,
            ),
            (
                "one-employee-short-of-medium",
                t.medium_employees_min - 1,
                t.medium_revenue_min,
                SizeClass.SMALL,
            ),
            (
                "one-cent-short-of-medium",
                t.medium_employees_min,
                t.medium_revenue_min - CENT,
                SizeClass.SMALL,
            ),
            # Small needs both minimums; below either micro bound is micro.
            ("at-both-small-minimums", t.small_employees_min, t.small_revenue_min, SizeClass.SMALL),
            (
                "one-employee-short-of-small",
                t.small_employees_min - 1,
                t.small_revenue_min,
                SizeClass.MICRO,
            ),
            (
                "one-cent-short-of-small",
                t.small_employees_min,
                t.small_revenue_min - CENT,
                SizeClass.MICRO,
            ),
            ("nothing-at-all", 0, Decimal(0), SizeClass.MICRO),
            # Below one ceiling is enough to be an SME, and the other measure may still be tiny.
            (
                "many-staff-little-revenue",
                t.sme_employees_below * 10,
                t.small_revenue_min - CENT,
                SizeClass.MICRO,
            ),
            (
                "few-staff-large-revenue",
                t.small_employees_min - 1,
                t.sme_revenue_below * 10,
                SizeClass.MICRO,
            ),
        ]
        cases += [
            pytest.param(industry, employees, revenue, expected, id=f"{industry}-{name}")
            for name, employees, revenue, expected in rows
        ]
    return cases


@pytest.mark.parametrize(("industry", "employees", "revenue", "expected"), _cases())
def test_size_class_follows_the_2011_thresholds(
    industry: str, employees: int, revenue: Decimal, expected: SizeClass
) -> None:
    assert size_class(industry, employees, revenue) is expected


def test_size_class_for_an_industry_without_thresholds_is_refused() -> None:
    with pytest.raises(UnknownIndustryError) as excinfo:
        size_class("construction", 10, Decimal(10))
    assert excinfo.value.code == "unknown_industry"


@pytest.mark.parametrize(
    ("revenue", "expected"),
    [
        (Decimal(20000), SizeClass.LARGE),  # 营业收入20000万元以下为中小微型企业
        (Decimal(20000) - CENT, SizeClass.MEDIUM),
        (Decimal(500), SizeClass.MEDIUM),
        (Decimal(500) - CENT, SizeClass.SMALL),
        (Decimal(50), SizeClass.SMALL),
        (Decimal(50) - CENT, SizeClass.MICRO),
    ],
)
def test_agriculture_is_sized_by_revenue_alone(revenue: Decimal, expected: SizeClass) -> None:
    for employees in (0, 5000):  # whatever its staff
        assert size_class("agriculture", employees, revenue) is expected


@pytest.mark.parametrize(
    ("employees", "expected"),
    [(300, SizeClass.LARGE), (299, SizeClass.MEDIUM), (100, SizeClass.MEDIUM),
     (99, SizeClass.SMALL), (10, SizeClass.SMALL), (9, SizeClass.MICRO)],
)  # fmt: skip
def test_an_industry_not_listed_is_sized_by_employees_alone(
    employees: int, expected: SizeClass
) -> None:
    for revenue in (Decimal(0), Decimal(10**6)):  # whatever its revenue
        assert size_class("other", employees, revenue) is expected
