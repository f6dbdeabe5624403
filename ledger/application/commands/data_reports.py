"""Data reports (数据报送): the hub requests a window's report for a month or quarter, the
window submits it, and the hub accepts it or returns it for correction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.data_report import ReportPeriod, Submission


@dataclass(frozen=True, kw_only=True)
class Submit:
    """The window's figures and/or the digest of its report file (again, after a return)."""

    submission: Submission


@dataclass(frozen=True, kw_only=True)
class Accept:
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ReturnToWindow:
    """Send the report back to the window, saying what to correct."""

    reasons: tuple[str, ...]


ReportStep = Submit | Accept | ReturnToWindow


@dataclass(frozen=True, kw_only=True)
class RequestReport(Command[Outcome]):
    """The acting hub asks ``window_id`` for its report on ``period``, due on ``due_on`` (by
    default the 10th of the next month, or the 15th of the month after a quarter)."""

    window_id: UUID
    period: ReportPeriod
    due_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class StepReport(Command[Outcome]):
    """Take one step (submit; accept or return) on a report."""

    report_id: UUID
    step: ReportStep
