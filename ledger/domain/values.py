"""Validated value objects: codes and amounts are checked once, at the edge of the domain.

Each ``parse_*`` function returns the canonical plain value (``str``/``Decimal``) that events
store, or raises the named rule error. Events keep plain values so the stored contract does not
depend on these classes.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from ledger.domain import reference
from ledger.domain.errors import (
    InvalidAmountError,
    InvalidSha256Error,
    InvalidUSCCError,
    RuleViolationError,
    UnknownCategoryError,
    UnknownIndustryError,
    UnknownRegionError,
)

# Far above any real fee or revenue (in yuan or 万元), and well within decimal's default precision.
MAX_AMOUNT = Decimal(10) ** 15

# GB 32100-2015: the 31 characters allowed (I, O, S, V, Z excluded) and the position weights.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_INDEX = {ch: i for i, ch in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def uscc_check_character(first17: str) -> str:
    """The check character for the first 17 characters of a USCC."""
    total = sum(_USCC_INDEX[ch] * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def parse_uscc(value: str) -> str:
    """A Unified Social Credit Code, upper-cased, with its check character verified."""
    code = value.strip().upper()
    if len(code) != 18:
        raise InvalidUSCCError(f"A USCC has 18 characters; {value!r} has {len(code)}.", value=value)
    bad = sorted({ch for ch in code if ch not in _USCC_INDEX})
    if bad:
        raise InvalidUSCCError(
            f"{value!r} contains {''.join(bad)!r}, which GB 32100-2015 does not allow "
            "(I, O, S, V and Z are never used).",
            value=value,
        )
    expected = uscc_check_character(code[:17])
    if code[17] != expected:
        raise InvalidUSCCError(
            f"The check character of {value!r} is {code[17]!r}, but the first 17 characters "
            f"give {expected!r}. Check the code for a typing error.",
            value=value,
        )
    return code


def parse_region(value: str) -> str:
    """A GB/T 2260 region code within Ningxia."""
    code = value.strip()
    if code not in reference.regions():
        raise UnknownRegionError(
            f"{value!r} is not a known Ningxia region code (GB/T 2260, e.g. 640100 for 银川市).",
            value=value,
        )
    return code


def parse_category(value: str) -> str:
    """A service category code from the national category list."""
    code = value.strip()
    if code not in reference.categories():
        raise UnknownCategoryError(
            f"{value!r} is not a known service category code "
            "(first-level 10-17 or 99, or a six-digit item such as 100200).",
            value=value,
        )
    return code


def parse_industry(value: str) -> str:
    key = value.strip()
    if key not in reference.size_thresholds():
        known = ", ".join(sorted(reference.size_thresholds()))
        raise UnknownIndustryError(
            f"{value!r} is not an industry with size thresholds; use one of: {known}.",
            value=value,
        )
    return key


_PLAIN_DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def parse_amount(value: Decimal | str, *, allow_zero: bool = False) -> Decimal:
    """An exact money amount in yuan: at most two decimal places, positive (or zero if allowed)."""
    if isinstance(value, str) and not _PLAIN_DECIMAL.match(value.strip()):
        # Decimal() would also take "1_000", "1E3" and "Infinity": amounts are written plainly.
        raise InvalidAmountError(
            f'{value!r} is not a decimal amount; send it as a string such as "1200.00".',
            value=value,
        )
    try:
        amount = value if isinstance(value, Decimal) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise InvalidAmountError(
            f'{value!r} is not a decimal amount; send it as a string such as "1200.00".',
            value=str(value),
        ) from None
    if not amount.is_finite():
        raise InvalidAmountError(f"{value!r} is not a finite amount.", value=str(value))
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise InvalidAmountError(f"{value!r} has more than two decimal places.", value=str(value))
    if amount < 0 or (amount == 0 and not allow_zero):
        raise InvalidAmountError(
            f"{value!r} must be {'zero or more' if allow_zero else 'more than zero'}.",
            value=str(value),
        )
    if amount >= MAX_AMOUNT:
        # Also keeps quantize() within the default 28-digit context, which would raise otherwise.
        raise InvalidAmountError(
            f"{value!r} is too large; amounts are below {MAX_AMOUNT:,}.", value=str(value)
        )
    if amount == 0:
        # "-0" is zero too: never store (or show) a signed zero.
        return Decimal("0.00")
    return amount.quantize(Decimal("0.01"))


class SizeClass(StrEnum):
    """Enterprise size under 工信部联企业〔2011〕300号."""

    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"
    MICRO = "micro"


def size_class(industry: str, employees: int, revenue_wan: Decimal) -> SizeClass:
    """Classify an enterprise: SME if below EITHER ceiling; medium/small need BOTH minimums
    (of the measures the standard uses for the industry: one, for some)."""
    t = reference.size_thresholds()[parse_industry(industry)]
    values = (Decimal(employees), revenue_wan)
    if not any(v < ceiling for v, ceiling in _stated(values, t.sme_employees_below,
                                                     t.sme_revenue_wan_below)):  # fmt: skip
        return SizeClass.LARGE
    if all(v >= m for v, m in _stated(values, t.medium_employees_min, t.medium_revenue_wan_min)):
        return SizeClass.MEDIUM
    if all(v >= m for v, m in _stated(values, t.small_employees_min, t.small_revenue_wan_min)):
        return SizeClass.SMALL
    return SizeClass.MICRO


def _stated(
    values: tuple[Decimal, Decimal], employees: int | None, revenue_wan: Decimal | None
) -> list[tuple[Decimal, Decimal]]:
    """Each measure (employees, revenue) with its threshold, for those the industry uses."""
    limits = (employees, revenue_wan)
    return [
        (v, Decimal(limit)) for v, limit in zip(values, limits, strict=True) if limit is not None
    ]


_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def parse_sha256(
    value: str,
    *,
    error: type[RuleViolationError] = InvalidSha256Error,
    detail: str = "send the 64 hexadecimal characters of `sha256sum <file>`",
) -> str:
    """A SHA-256 digest as 64 hex characters, lower-cased (the form events store).

    ``error`` and ``detail`` let each capability name the digest it expects (a voucher, a
    signed agreement, a report file) with its own error code.
    """
    digest = value.strip().lower()
    if not _SHA256.match(digest):
        raise error(f"{value!r} is not a SHA-256 digest; {detail}.", value=value)
    return digest
