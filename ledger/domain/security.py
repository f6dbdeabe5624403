"""A platform's information security file (Art. 6.2: 信息安全; Art. 9.2: the window's
information-security system): its classified protection grading (等级保护), the inspections of
it with their findings and rectification, and its security incidents with their handling.

One file per platform (its stream id derives from the platform's), opened by its first record:

- **Grading** (定级备案): the level (1–5, GB/T 22239), the filing number the public security
  organ gave, the day it was graded and the day its next review (测评) is due, within three
  years. A new grading replaces the one before (a regrading). A review is overdue once its day
  has passed without a new grading.
- **Inspections** (检查): by the hub (of a window) or the bureau (of any platform), numbered in
  the file. Findings come with a rectification deadline after the inspection day; the platform
  records their rectification (整改), late or not, once.

      recorded ──(no findings)──▶ clear
          │ findings, deadline
          ▼
        open ──rectified (by the platform)──▶ rectified (late, if after the deadline)

- **Incidents** (安全事件): reported by the platform with a severity (一般 · 较大 · 重大 · 特别重大,
  as the national emergency plan grades them), whether personal information was involved, and
  closed once with the measures taken and to whom it was reported.

Every step's business time is bounded like any other (``ledger.domain.time``); days are Ningxia
days of business time.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    IncidentClosedError,
    InvalidProtectionLevelError,
    InvalidRectificationDeadlineError,
    InvalidReviewDateError,
    NothingToRectifyError,
    OccurredBeforePreviousStepError,
    UnknownIncidentError,
    UnknownIncidentSeverityError,
    UnknownInspectionError,
)
from ledger.domain.time import business_date

MAX_REVIEW_AFTER = timedelta(days=3 * 366)
MAX_FINDINGS = 50


class Severity(StrEnum):
    """Incident severity, as 国家网络安全事件应急预案 grades them."""

    GENERAL = "general"  # 一般
    LARGER = "larger"  # 较大
    MAJOR = "major"  # 重大
    CRITICAL = "critical"  # 特别重大


def parse_severity(raw: str) -> Severity:
    try:
        return Severity(raw)
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise UnknownIncidentSeverityError(
            f"Unknown severity {raw!r}; use one of: {known}.", severity=raw
        ) from None


class SecurityFile(LedgerAggregate):
    """The security records of one platform."""

    class Opened(LedgerAggregate.Created):
        platform_id: UUID

        def apply(self, aggregate: SecurityFile) -> None:
            aggregate.platform_id = self.platform_id

    class Graded(LedgerAggregate.Event):
        level: int
        filing_number: str
        graded_on: date
        next_review_on: date

        def apply(self, aggregate: SecurityFile) -> None:
            aggregate.grading = {
                "level": self.level,
                "filing_number": self.filing_number,
                "graded_on": self.graded_on,
                "next_review_on": self.next_review_on,
            }
            aggregate.gradings += 1

    class InspectionRecorded(LedgerAggregate.Event):
        number: int
        inspector_id: UUID | None
        """The hub that inspected a window; ``None`` for the bureau (who: the envelope's actor)."""
        inspected_on: date
        findings: tuple[str, ...]
        deadline: date | None

        def apply(self, aggregate: SecurityFile) -> None:
            aggregate.inspections = (
                *aggregate.inspections,
                {
                    "number": self.number,
                    "inspector_id": self.inspector_id,
                    "inspected_on": self.inspected_on,
                    "findings": self.findings,
                    "deadline": self.deadline,
                    "rectified_on": None,
                    "note": None,
                },
            )

    class Rectified(LedgerAggregate.Event):
        number: int
        rectified_on: date
        note: str

        def apply(self, aggregate: SecurityFile) -> None:
            aggregate.inspections = tuple(
                {**i, "rectified_on": self.rectified_on, "note": self.note}
                if i["number"] == self.number
                else i
                for i in aggregate.inspections
            )

    class IncidentReported(LedgerAggregate.Event):
        number: int
        severity: str
        summary: str
        personal_data_involved: bool
        occurred_on: date

        def apply(self, aggregate: SecurityFile) -> None:
            aggregate.incidents = (
                *aggregate.incidents,
                {
                    "number": self.number,
                    "severity": self.severity,
                    "summary": self.summary,
                    "personal_data_involved": self.personal_data_involved,
                    "occurred_on": self.occurred_on,
                    "closed_on": None,
                    "measures": None,
                    "reported_to": None,
                },
            )

    class IncidentClosed(LedgerAggregate.Event):
        number: int
        closed_on: date
        measures: str
        reported_to: str

        def apply(self, aggregate: SecurityFile) -> None:
            aggregate.incidents = tuple(
                {
                    **i,
                    "closed_on": self.closed_on,
                    "measures": self.measures,
                    "reported_to": self.reported_to,
                }
                if i["number"] == self.number
                else i
                for i in aggregate.incidents
            )

    def __init__(self) -> None:
        self.platform_id: UUID | None = None
        self.grading: dict[str, Any] | None = None
        self.gradings = 0
        self.inspections: tuple[dict[str, Any], ...] = ()
        self.incidents: tuple[dict[str, Any], ...] = ()

    @classmethod
    def open(cls, platform_id: UUID, meta: Envelope) -> SecurityFile:
        return cls._create(
            cls.Opened, id=ids.security_file_id(platform_id), platform_id=platform_id, meta=meta
        )

    # --- grading -------------------------------------------------------------------------------

    def grade(
        self, *, level: int, filing_number: str, next_review_on: date, meta: Envelope
    ) -> None:
        """Record the platform's protection level, graded on the business day of ``meta``."""
        if not 1 <= level <= 5:
            raise InvalidProtectionLevelError(
                f"Level {level} is not a classified protection level (1 to 5, GB/T 22239).",
                level=level,
            )
        graded_on = business_date(meta)
        if not graded_on < next_review_on <= graded_on + MAX_REVIEW_AFTER:
            raise InvalidReviewDateError(
                f"The next review ({next_review_on.isoformat()}) falls after the grading "
                f"({graded_on.isoformat()}) and within three years of it.",
                next_review_on=next_review_on.isoformat(),
            )
        self.trigger_event(
            self.Graded,
            level=level,
            filing_number=filing_number.strip(),
            graded_on=graded_on,
            next_review_on=next_review_on,
            meta=meta,
        )

    def review_overdue(self, on: date) -> bool:
        if self.grading is None:
            return False
        due = self.grading["next_review_on"]
        return isinstance(due, date) and due < on

    # --- inspections ---------------------------------------------------------------------------

    def record_inspection(
        self,
        *,
        inspector_id: UUID | None,
        findings: list[str],
        deadline: date | None,
        meta: Envelope,
    ) -> int:
        """Record an inspection on the business day of ``meta``; its number in the file."""
        inspected_on = business_date(meta)
        kept = tuple(f.strip() for f in findings if f.strip())[:MAX_FINDINGS]
        if kept and (deadline is None or deadline <= inspected_on):
            raise InvalidRectificationDeadlineError(
                "Findings are rectified by a deadline after the inspection day "
                f"({inspected_on.isoformat()}).",
            )
        number = len(self.inspections) + 1
        self.trigger_event(
            self.InspectionRecorded,
            number=number,
            inspector_id=inspector_id,
            inspected_on=inspected_on,
            findings=kept,
            deadline=deadline if kept else None,
            meta=meta,
        )
        return number

    def rectify(self, *, number: int, note: str, meta: Envelope) -> None:
        """Record that the findings of inspection ``number`` were rectified (its business day)."""
        inspection = self._inspection(number)
        if not inspection["findings"] or inspection["rectified_on"] is not None:
            raise NothingToRectifyError(f"Inspection {number} has no open findings.", number=number)
        _not_before(meta, inspection["inspected_on"], f"inspection {number}")
        self.trigger_event(
            self.Rectified, number=number, rectified_on=business_date(meta), note=note.strip(),
            meta=meta,
        )  # fmt: skip

    def open_findings(self, on: date) -> tuple[int, int]:
        """Inspections with open findings, and how many of them are past their deadline."""
        open_ = [i for i in self.inspections if i["findings"] and i["rectified_on"] is None]
        overdue = [i for i in open_ if isinstance(i["deadline"], date) and i["deadline"] < on]
        return len(open_), len(overdue)

    # --- incidents -----------------------------------------------------------------------------

    def report_incident(
        self, *, severity: Severity, summary: str, personal_data_involved: bool, meta: Envelope
    ) -> int:
        number = len(self.incidents) + 1
        self.trigger_event(
            self.IncidentReported,
            number=number,
            severity=severity.value,
            summary=summary.strip(),
            personal_data_involved=personal_data_involved,
            occurred_on=business_date(meta),
            meta=meta,
        )
        return number

    def close_incident(
        self, *, number: int, measures: str, reported_to: str, meta: Envelope
    ) -> None:
        incident = next((i for i in self.incidents if i["number"] == number), None)
        if incident is None:
            raise UnknownIncidentError(f"This platform has no incident {number}.", number=number)
        if incident["closed_on"] is not None:
            raise IncidentClosedError(f"Incident {number} is closed already.", number=number)
        _not_before(meta, incident["occurred_on"], f"incident {number}")
        self.trigger_event(
            self.IncidentClosed,
            number=number,
            closed_on=business_date(meta),
            measures=measures.strip(),
            reported_to=reported_to.strip(),
            meta=meta,
        )

    def _inspection(self, number: int) -> dict[str, Any]:
        found = next((i for i in self.inspections if i["number"] == number), None)
        if found is None:
            raise UnknownInspectionError(
                f"This platform has no inspection {number}.", number=number
            )
        return found


def _not_before(meta: Envelope, day: object, what: str) -> None:
    if isinstance(day, date) and business_date(meta) < day:
        raise OccurredBeforePreviousStepError(
            f"This step's business date is before {what} ({day.isoformat()}).",
            previous=day.isoformat(),
        )
