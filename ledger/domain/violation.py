"""Violations found (Art. 15): on an upheld complaint, or by the hub's or the bureau's inspection.

    found ──correction ordered (action, deadline)──▶ correction_ordered ──▶ corrected (terminal)
                                                              │ deadline passed
                                                              ▼
                                                        not_corrected (terminal)

- **One record per violation.** A violation names its subject (a platform or an institution,
  fixed when found), the day it was found (``found_on``: the year it counts in), what was found,
  its severity (minor or serious) and its source: the upheld complaint it was found on
  (``complaint_id``) or, without one, an inspection. A complaint's violations are named on the
  complaint too, in the same save, so either record leads to the other.
- **Correction.** The hub (the bureau, for the hub) orders a corrective action with a deadline
  after the day of the order. It then records the correction (late when its business date is
  after the deadline) or, once the deadline has passed on the ledger's clock, that it was not
  corrected. A violation left ``found`` needs no correction (a minor one, noted).
- What follows for the subject's standing (rectification, revocation) is decided on the
  standing routes; this record is the ground such a decision cites.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.complaint import SubjectKind, require_text
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    CorrectionDeadlineNotPassedError,
    InvalidCorrectionDeadlineError,
    InvalidFoundOnError,
    ViolationStepOutOfOrderError,
)
from ledger.domain.submission import require_reasons
from ledger.domain.time import business_date, check_not_before, record_date


class Severity(StrEnum):
    MINOR = "minor"
    SERIOUS = "serious"


class ViolationStatus(StrEnum):
    FOUND = "found"
    CORRECTION_ORDERED = "correction_ordered"
    CORRECTED = "corrected"
    NOT_CORRECTED = "not_corrected"


class Violation(LedgerAggregate):
    """One violation by a platform or an institution of the network, and its correction."""

    class Found(LedgerAggregate.Created):
        external_ref: str
        subject_id: UUID
        subject_kind: str
        found_on: date
        description: str
        severity: str
        complaint_id: UUID | None

        def apply(self, aggregate: Violation) -> None:
            aggregate.external_ref = self.external_ref
            aggregate.subject_id = self.subject_id
            aggregate.subject_kind = SubjectKind(self.subject_kind)
            aggregate.found_on = self.found_on
            aggregate.description = self.description
            aggregate.severity = Severity(self.severity)
            aggregate.complaint_id = self.complaint_id
            aggregate.found_by = self.meta.actor
            aggregate.last_step_at = self.meta.occurred_at

    class CorrectionOrdered(LedgerAggregate.Event):
        action: str
        deadline: date

        def apply(self, aggregate: Violation) -> None:
            aggregate.corrective_action = self.action
            aggregate.deadline = self.deadline
            aggregate.status = ViolationStatus.CORRECTION_ORDERED
            aggregate.last_step_at = self.meta.occurred_at

    class Corrected(LedgerAggregate.Event):
        note: str
        late: bool

        def apply(self, aggregate: Violation) -> None:
            aggregate.outcome_note = self.note
            aggregate.corrected_late = self.late
            aggregate.closed_on = business_date(self.meta)
            aggregate.status = ViolationStatus.CORRECTED
            aggregate.last_step_at = self.meta.occurred_at

    class NotCorrected(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: Violation) -> None:
            aggregate.outcome_note = self.reasons
            aggregate.closed_on = business_date(self.meta)
            aggregate.status = ViolationStatus.NOT_CORRECTED
            aggregate.last_step_at = self.meta.occurred_at

    def __init__(self) -> None:
        self.external_ref = ""
        self.subject_id: UUID | None = None
        self.subject_kind = SubjectKind.WINDOW
        self.found_on: date | None = None
        self.description = ""
        self.severity = Severity.MINOR
        self.complaint_id: UUID | None = None
        self.found_by = ""
        self.last_step_at: datetime | None = None
        self.status = ViolationStatus.FOUND
        self.corrective_action: str | None = None
        self.deadline: date | None = None
        self.outcome_note: str | None = None
        self.corrected_late: bool | None = None
        self.closed_on: date | None = None

    @property
    def source(self) -> str:
        return "complaint" if self.complaint_id is not None else "inspection"

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def find(
        cls,
        *,
        external_ref: str,
        subject_id: UUID,
        subject_kind: SubjectKind,
        found_on: date | None,
        description: str,
        severity: Severity,
        complaint_id: UUID | None,
        meta: Envelope,
    ) -> Violation:
        """Record a violation found on ``found_on`` (by default, the day of ``occurred_at``)."""
        day = found_on or business_date(meta)
        if day > business_date(meta):
            raise InvalidFoundOnError(
                f"found_on {day} is after the day it is recorded as found "
                f"({business_date(meta)}); a violation is recorded once found.",
                found_on=day.isoformat(),
            )
        return cls._create(
            cls.Found,
            id=ids.violation_id(external_ref),
            external_ref=external_ref,
            subject_id=subject_id,
            subject_kind=subject_kind.value,
            found_on=day,
            description=require_text(description, "description"),
            severity=severity.value,
            complaint_id=complaint_id,
            meta=meta,
        )

    def order_correction(self, *, action: str, deadline: date, meta: Envelope) -> None:
        self._check_step(ViolationStatus.FOUND, "ordered to be corrected", meta)
        if deadline <= business_date(meta):
            raise InvalidCorrectionDeadlineError(
                f"A correction deadline lies after the day of the order ({business_date(meta)}); "
                f"{deadline} does not.",
                deadline=deadline.isoformat(),
            )
        self.trigger_event(
            self.CorrectionOrdered,
            action=require_text(action, "action"),
            deadline=deadline,
            meta=meta,
        )

    def record_correction(self, *, note: str, meta: Envelope) -> None:
        """The corrective action was taken (late, if its business date is after the deadline)."""
        self._check_step(ViolationStatus.CORRECTION_ORDERED, "recorded as corrected", meta)
        late = self.deadline is not None and business_date(meta) > self.deadline
        self.trigger_event(self.Corrected, note=require_text(note, "note"), late=late, meta=meta)

    def record_not_corrected(self, *, reasons: str, meta: Envelope) -> None:
        """The deadline passed (on the ledger's clock) without the correction."""
        self._check_step(ViolationStatus.CORRECTION_ORDERED, "recorded as not corrected", meta)
        if self.deadline is not None and record_date(meta) <= self.deadline:
            raise CorrectionDeadlineNotPassedError(
                f"The subject may correct until {self.deadline}; a violation is recorded as not "
                "corrected after that day.",
                deadline=self.deadline.isoformat(),
            )
        self.trigger_event(
            self.NotCorrected, reasons=require_reasons(reasons, "Not corrected"), meta=meta
        )

    def _check_step(self, allowed: ViolationStatus, action: str, meta: Envelope) -> None:
        if self.status is not allowed:
            raise ViolationStepOutOfOrderError(
                f"A violation that is {self.status} cannot be {action}.",
                status=self.status.value,
            )
        check_not_before(meta, self.last_step_at, "the violation's previous step")
