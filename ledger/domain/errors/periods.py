"""Closed periods (关账)."""

from __future__ import annotations

from ledger.domain.errors.base import (
    AlreadyExistsError,
    ConflictError,
    NotFoundError,
    RuleViolationError,
)

__all__ = [
    "InvalidPeriodError",
    "PeriodAlreadyClosedError",
    "PeriodClosedError",
    "PeriodNotEndedError",
    "PeriodNotFoundError",
]


class PeriodNotFoundError(NotFoundError):
    code = "period_not_found"
    title = "Period not closed"


class PeriodAlreadyClosedError(AlreadyExistsError):
    code = "period_already_closed"
    title = "Period already closed"


class PeriodClosedError(ConflictError):
    """An entry for a closed period from a platform the hub has not allowed to make one."""

    code = "period_closed"
    title = "Period closed"


class InvalidPeriodError(RuleViolationError):
    code = "invalid_period"
    title = "Invalid period"


class PeriodNotEndedError(RuleViolationError):
    code = "period_not_ended"
    title = "Period not ended"
