"""Reference data shipped with the package: service categories, region codes, size thresholds.

The CSV files under ``ledger/data`` are copies of the provincial reference tables. They are read
once per process and never change while it runs.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Category:
    code: str
    name_zh: str
    name_en: str
    parent: str | None


@dataclass(frozen=True)
class Region:
    code: str
    name_zh: str
    level: str
    parent: str | None


@dataclass(frozen=True)
class SizeThresholds:
    """工信部联企业〔2011〕300号 thresholds for one industry; revenue in 万元. A measure the
    standard does not use for the industry is ``None`` (agriculture: revenue only; industries
    not listed elsewhere: employees only)."""

    industry: str
    sme_employees_below: int | None
    sme_revenue_wan_below: Decimal | None
    medium_employees_min: int | None
    medium_revenue_wan_min: Decimal | None
    small_employees_min: int | None
    small_revenue_wan_min: Decimal | None
    micro_employees_below: int | None
    micro_revenue_wan_below: Decimal | None


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("ledger.domain").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def categories() -> dict[str, Category]:
    """Service categories by code (the national "eight services" plus second-level items)."""
    return {
        r["code"]: Category(r["code"], r["name_zh"], r["name_en"], r["parent"] or None)
        for r in _rows("service_categories.csv")
    }


@cache
def regions() -> dict[str, Region]:
    """GB/T 2260 region codes of Ningxia by code."""
    return {
        r["code"]: Region(r["code"], r["name_zh"], r["level"], r["parent"] or None)
        for r in _rows("ningxia_regions.csv")
    }


def _count(cell: str) -> int | None:
    return int(cell) if cell else None


def _amount(cell: str) -> Decimal | None:
    return Decimal(cell) if cell else None


@cache
def size_thresholds() -> dict[str, SizeThresholds]:
    """Size thresholds by industry key (``industry``, ``retail``, ``software_it``, ...): the
    thirteen industries of the standard measured by employees and revenue (or one of them)."""
    return {
        r["industry"]: SizeThresholds(
            industry=r["industry"],
            sme_employees_below=_count(r["sme_employees_below"]),
            sme_revenue_wan_below=_amount(r["sme_revenue_wan_below"]),
            medium_employees_min=_count(r["medium_employees_min"]),
            medium_revenue_wan_min=_amount(r["medium_revenue_wan_min"]),
            small_employees_min=_count(r["small_employees_min"]),
            small_revenue_wan_min=_amount(r["small_revenue_wan_min"]),
            micro_employees_below=_count(r["micro_employees_below"]),
            micro_revenue_wan_below=_amount(r["micro_revenue_wan_below"]),
        )
        for r in _rows("sme_size_thresholds.csv")
    }
