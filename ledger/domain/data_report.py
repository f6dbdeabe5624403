"""Data reports (服务数据报送, Art. 9.6): a window's periodic report of its service data to the hub.

The hub schedules a report for one window and one period (monthly ``2026-03`` or quarterly
``2026-Q1``) with a due date; the window submits it; the hub accepts it or returns it with
reasons; after a return the window resubmits. An accepted report accepts nothing more.

Decisions worth knowing:

- **The hub schedules.** A report exists from the moment it is requested, so a report that was
  never submitted is visible (and overdue) rather than simply absent — the Measures appraise
  windows on their data reporting (Art. 12). One stream per window and period.
- **Due date.** The hub may name one; otherwise it follows the usual statistical-reporting rule:
  a monthly report is due on the 10th of the following month, a quarterly one on the 15th of the
  month after the quarter. It falls after the period and within 366 days of its end, and never
  before the day the report is requested (a window cannot be late by construction).
- **Late, not refused.** A submission whose business date (``occurred_at`` in China Standard
  Time) is after the due date is recorded with ``late = true``.
- **Resubmission.** Each ``Submitted`` event states the plain fact of its own lateness against
  the original due date (there is no extension). The *report* is on time or late by its FIRST
  submission: a window that met the deadline and is asked for a correction is not made late by
  the hub's review time. Returns are counted, so the quality of reporting stays visible.
- A report describes a finished period: it is submitted after the period's last day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    EmptySubmissionError,
    InvalidDocumentDigestError,
    InvalidDueDateError,
    InvalidReportFiguresError,
    InvalidReportPeriodError,
    NotReportHubError,
    NotReportWindowError,
    OccurredBeforePreviousStepError,
    ReasonRequiredError,
    ReportAcceptedError,
    ReportAwaitingReviewError,
    ReportNotSubmittedError,
    ReportPeriodNotEndedError,
)
from ledger.domain.time import CST, record_date
from ledger.domain.values import parse_sha256

MONTHLY_DUE_DAY = 10
QUARTERLY_DUE_DAY = 15
MAX_DUE_AFTER_PERIOD = timedelta(days=366)
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_FIGURES = 32
MAX_FIGURE = 10**12

# ASCII digits only: \d would also take full-width ２０２６, which int() then reads as 2026.
_MONTHLY = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_QUARTERLY = re.compile(r"^([0-9]{4})-Q([0-9])$")
_FIGURE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class ReportKind(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class ReportStatus(StrEnum):
    REQUESTED = "requested"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


def _first_of_next_month(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


@dataclass(frozen=True)
class ReportPeriod:
    """A reporting period: a calendar month or quarter."""

    text: str
    kind: ReportKind
    first_day: date
    last_day: date

    @property
    def default_due_on(self) -> date:
        after = self.last_day + timedelta(days=1)
        day = MONTHLY_DUE_DAY if self.kind is ReportKind.MONTHLY else QUARTERLY_DUE_DAY
        return after.replace(day=day)


def parse_period(value: str) -> ReportPeriod:
    """``2026-03`` (a month) or ``2026-Q1`` (a quarter), canonical, within 2000-2099."""
    text = value.strip().upper()
    hint = 'Send a month such as "2026-03" or a quarter such as "2026-Q1".'
    if m := _MONTHLY.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise InvalidReportPeriodError(f"{value!r} has no month {month}. {hint}", value=value)
        kind, first_month, months = ReportKind.MONTHLY, month, 1
    elif m := _QUARTERLY.match(text):
        year, quarter = int(m[1]), int(m[2])
        if not 1 <= quarter <= 4:
            raise InvalidReportPeriodError(
                f"{value!r} has no quarter {quarter}. {hint}", value=value
            )
        kind, first_month, months = ReportKind.QUARTERLY, 3 * quarter - 2, 3
    else:
        raise InvalidReportPeriodError(f"{value!r} is not a reporting period. {hint}", value=value)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidReportPeriodError(
            f"{value!r} is outside the years {FIRST_YEAR}-{LAST_YEAR}.", value=value
        )
    last_month = first_month + months - 1
    return ReportPeriod(
        text=text,
        kind=kind,
        first_day=date(year, first_month, 1),
        last_day=_first_of_next_month(year, last_month) - timedelta(days=1),
    )


@dataclass(frozen=True)
class Submission:
    """What a window submits: named counts and/or the SHA-256 of the report file."""

    figures: Mapping[str, int]
    document_sha256: str | None = None


@dataclass(frozen=True)
class SubmissionRecord:
    submitted_on: date
    late: bool
    figures: dict[str, int]
    document_sha256: str | None


class DataReport(LedgerAggregate):
    """One window's report for one period, from the hub's request to its acceptance."""

    class Requested(LedgerAggregate.Created):
        window_id: UUID
        hub_id: UUID
        period: str
        kind: str
        due_on: date

        def apply(self, aggregate: DataReport) -> None:
            aggregate.window_id = self.window_id
            aggregate.hub_id = self.hub_id
            aggregate.period = parse_period(self.period)
            aggregate.due_on = self.due_on
            aggregate.requested_at = self.meta.occurred_at
            aggregate.last_step_at = self.meta.occurred_at
            aggregate.status = ReportStatus.REQUESTED

    class Submitted(LedgerAggregate.Event):
        submitted_on: date
        late: bool
        figures: dict[str, int]
        document_sha256: str | None

        def apply(self, aggregate: DataReport) -> None:
            aggregate.submissions.append(
                SubmissionRecord(
                    self.submitted_on, self.late, dict(self.figures), self.document_sha256
                )
            )
            aggregate.last_step_at = self.meta.occurred_at
            aggregate.status = ReportStatus.SUBMITTED

    class Returned(LedgerAggregate.Event):
        reasons: list[str]

        def apply(self, aggregate: DataReport) -> None:
            aggregate.returns.append(tuple(self.reasons))
            aggregate.last_step_at = self.meta.occurred_at
            aggregate.status = ReportStatus.RETURNED

    class Accepted(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: DataReport) -> None:
            aggregate.acceptance_note = self.note
            aggregate.last_step_at = self.meta.occurred_at
            aggregate.status = ReportStatus.ACCEPTED

    def __init__(self) -> None:
        self.window_id: UUID | None = None
        self.hub_id: UUID | None = None
        self.period: ReportPeriod | None = None
        self.due_on: date | None = None
        self.requested_at: datetime | None = None
        self.last_step_at: datetime | None = None
        self.status = ReportStatus.REQUESTED
        self.submissions: list[SubmissionRecord] = []
        self.returns: list[tuple[str, ...]] = []
        self.acceptance_note: str | None = None

    @property
    def late(self) -> bool | None:
        """Whether the report was late: decided by its first submission (``None`` until then)."""
        return self.submissions[0].late if self.submissions else None

    def is_overdue(self, on: date) -> bool:
        """Never submitted, and ``on`` (a business date) is past the due date."""
        return (
            self.status is ReportStatus.REQUESTED and self.due_on is not None and on > self.due_on
        )

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def request(
        cls,
        *,
        window_id: UUID,
        hub_id: UUID,
        period: ReportPeriod,
        due_on: date | None,
        meta: Envelope,
    ) -> DataReport:
        if meta.platform_id != hub_id:
            raise NotReportHubError("A hub requests data reports only in its own name.")
        due = _check_due_on(period, due_on, meta)
        return cls._create(
            cls.Requested,
            id=ids.data_report_id(window_id, period.text),
            window_id=window_id,
            hub_id=hub_id,
            period=period.text,
            kind=period.kind.value,
            due_on=due,
            meta=meta,
        )

    def submit(self, submission: Submission, meta: Envelope) -> None:
        if meta.platform_id != self.window_id:
            raise NotReportWindowError("Only the window a report is requested from submits it.")
        self._check_open(meta)
        if self.status is ReportStatus.SUBMITTED:
            raise ReportAwaitingReviewError(
                "This report is submitted and awaits the hub's review; it can be submitted "
                "again only after the hub returns it."
            )
        submitted_on = meta.occurred_at.astimezone(CST).date()
        if self.period is not None and submitted_on <= self.period.last_day:
            raise ReportPeriodNotEndedError(
                f"The period {self.period.text} ends on {self.period.last_day}; its report is "
                f"submitted after that, not on {submitted_on}.",
                last_day=self.period.last_day.isoformat(),
            )
        figures = _check_figures(submission.figures)
        digest = _check_digest(submission.document_sha256)
        if not figures and digest is None:
            raise EmptySubmissionError(
                "A submission carries figures, the SHA-256 of the report file, or both."
            )
        self.trigger_event(
            self.Submitted,
            submitted_on=submitted_on,
            # Lateness is the ledger's to judge, by the day it records the submission: a
            # submission backdated to before the due date is as late as it is.
            late=self.due_on is not None and record_date(meta) > self.due_on,
            figures=figures,
            document_sha256=digest,
            meta=meta,
        )

    def accept(self, note: str, meta: Envelope) -> None:
        self._check_reviewable(meta)
        self.trigger_event(self.Accepted, note=note.strip(), meta=meta)

    def return_to_window(self, reasons: Sequence[str], meta: Envelope) -> None:
        self._check_reviewable(meta)
        given = [r.strip() for r in reasons if r.strip()]
        if not given:
            raise ReasonRequiredError(
                "A returned report says what to correct: send at least one reason."
            )
        self.trigger_event(self.Returned, reasons=given, meta=meta)

    # --- rules shared by the commands -----------------------------------------------------

    def _check_open(self, meta: Envelope) -> None:
        if self.status is ReportStatus.ACCEPTED:
            raise ReportAcceptedError("This report is accepted and accepts nothing more.")
        if self.last_step_at is not None and meta.occurred_at < self.last_step_at:
            raise OccurredBeforePreviousStepError(
                f"occurred_at {meta.occurred_at.isoformat()} is before the report's previous "
                f"step ({self.last_step_at.isoformat()}).",
                previous_step_at=self.last_step_at.isoformat(),
            )

    def _check_reviewable(self, meta: Envelope) -> None:
        if meta.platform_id != self.hub_id:
            raise NotReportHubError("Only the hub that requested a report reviews it.")
        self._check_open(meta)
        if self.status is not ReportStatus.SUBMITTED:
            raise ReportNotSubmittedError(
                f"Only a submitted report is accepted or returned; this report is {self.status}.",
                status=self.status.value,
            )


def _check_due_on(period: ReportPeriod, due_on: date | None, meta: Envelope) -> date:
    due = due_on or period.default_due_on
    named = "due_on" if due_on is not None else f"The default due date {due}"
    requested_on = record_date(meta)  # a due date before today could only ever be missed
    if due <= period.last_day:
        raise InvalidDueDateError(
            f"due_on {due} is not after the period {period.text} (it ends {period.last_day}).",
        )
    if due - period.last_day > MAX_DUE_AFTER_PERIOD:
        raise InvalidDueDateError(
            f"due_on {due} is more than {MAX_DUE_AFTER_PERIOD.days} days after the period "
            f"{period.text} ends ({period.last_day}).",
        )
    if due < requested_on:
        raise InvalidDueDateError(
            f"{named} is before the report is requested ({requested_on}); the window could "
            "only be late. Name a due date from today on.",
            requested_on=requested_on.isoformat(),
        )
    return due


def _check_figures(figures: Mapping[str, int]) -> dict[str, int]:
    if len(figures) > MAX_FIGURES:
        raise InvalidReportFiguresError(
            f"A report carries at most {MAX_FIGURES} figures; {len(figures)} were sent. Put the "
            "detail in the report file and send its SHA-256.",
        )
    for name, value in figures.items():
        if not _FIGURE_NAME.match(name):
            raise InvalidReportFiguresError(
                f"{name!r} is not a figure name: lower-case letters, digits and underscores, "
                "starting with a letter (e.g. enterprises_served).",
                name=name,
            )
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_FIGURE:
            raise InvalidReportFiguresError(
                f"{name} is a count: a whole number from 0 to {MAX_FIGURE - 1}; got {value!r}.",
                name=name,
            )
    return dict(sorted(figures.items()))


def _check_digest(value: str | None) -> str | None:
    if value is None:
        return None
    return parse_sha256(
        value,
        error=InvalidDocumentDigestError,
        detail="document_sha256 is the SHA-256 of the report file: 64 hexadecimal characters",
    )
