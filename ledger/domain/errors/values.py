"""Codes and values (USCC, region, category, industry, amounts) and business time."""

from __future__ import annotations

from ledger.domain.errors.base import RuleViolationError

__all__ = [
    "DateBeyondHorizonError",
    "InvalidAmountError",
    "InvalidDocumentDigestError",
    "InvalidEmployeesError",
    "InvalidUSCCError",
    "OccurredBeforeConnectionError",
    "OccurredBeforeNetworkError",
    "OccurredBeforeOpeningError",
    "OccurredInFutureError",
    "UnknownCategoryError",
    "UnknownIndustryError",
    "UnknownRegionError",
]


class InvalidUSCCError(RuleViolationError):
    code = "invalid_uscc"
    title = "Invalid Unified Social Credit Code"


class UnknownRegionError(RuleViolationError):
    code = "unknown_region"
    title = "Unknown region code"


class UnknownCategoryError(RuleViolationError):
    code = "unknown_category"
    title = "Unknown service category"


class UnknownIndustryError(RuleViolationError):
    code = "unknown_industry"
    title = "Unknown industry"


class InvalidEmployeesError(RuleViolationError):
    code = "invalid_employees"
    title = "Invalid number of employees"


class InvalidAmountError(RuleViolationError):
    code = "invalid_amount"
    title = "Invalid amount"


class OccurredInFutureError(RuleViolationError):
    code = "occurred_in_future"
    title = "Business time is in the future"


class OccurredBeforeNetworkError(RuleViolationError):
    code = "occurred_before_network_start"
    title = "Business time is before the network started"


class DateBeyondHorizonError(RuleViolationError):
    code = "date_beyond_horizon"
    title = "Date too far ahead"


class OccurredBeforeConnectionError(RuleViolationError):
    code = "occurred_before_connection"
    title = "Business time is before the platform was connected"


class OccurredBeforeOpeningError(RuleViolationError):
    code = "occurred_before_opening"
    title = "Business time is before the case was opened"


class InvalidDocumentDigestError(RuleViolationError):
    """A document named by its SHA-256 (an agreement's, a report's) that is not 64 hex digits."""

    code = "invalid_document_digest"
    title = "Invalid document digest"
