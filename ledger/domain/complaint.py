"""Complaints about how the network's members operate and serve (Art. 15).

The hub, the windows and the cooperating institutions operate and serve according to law and
to their agreements; violations with bad consequences are pursued (依法依规、按照协议开展运营
服务……造成不良后果的，依法追究责任). A complaint is the register's record of one allegation:

    lodged ──handler accepts (response due)──▶ accepted ──subject responds──▶ responded
      │ handler dismisses (reasons)               │                              │
      ▼                                           └───────── handler concludes ◀─┘
    dismissed (terminal)                        (upheld / not upheld, with findings; terminal,
                                                 but an upheld one records its violations)

- **Against whom.** The subject is a platform of the network (the hub or a window) or a
  registered institution, named by id; its kind is fixed when the complaint is lodged.
- **By whom.** An enterprise, by its USCC, or nobody named: the register records the complaint
  on the complainant's behalf (a telephone call, a letter, an anonymous report). Enterprises
  have no keys: the hub (or the bureau) lodges what reaches it. No personal data is kept here.
- **Who handles it.** The hub, for complaints against a window or an institution; the bureau,
  for complaints against the hub itself, which cannot judge its own case (the application
  checks the role; the aggregate checks the order of the steps).
- **The subject is heard.** Accepting a complaint sets the day by which the subject answers;
  the subject's own key states its response. A complaint is concluded once the subject has
  answered, or once its day to answer is over on the ledger's clock (record time): a subject
  that stays silent cannot stop the complaint, and none is found against unheard in time.
- **Violations.** An upheld complaint names each violation found on it (``ViolationRecorded``);
  the violation itself is a record of its own (``ledger.domain.violation``).
- Business times follow each other: no step happened before the one it follows.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    BlankFieldError,
    ComplaintNotUpheldError,
    ComplaintResponsePendingError,
    ComplaintStepOutOfOrderError,
    InvalidResponseDeadlineError,
    NotComplaintSubjectError,
)
from ledger.domain.submission import require_reasons
from ledger.domain.time import CST, business_date, check_not_before, record_date
from ledger.domain.values import parse_sha256, parse_uscc


class ComplaintCategory(StrEnum):
    SERVICE_QUALITY = "service_quality"
    FEES = "fees"
    CONDUCT = "conduct"
    DATA = "data"
    OTHER = "other"


class SubjectKind(StrEnum):
    """What a complaint or a violation is about: a platform of the network or an institution."""

    HUB = "hub"
    WINDOW = "window"
    INSTITUTION = "institution"


RESPONSE_DAYS = 15
"""The subject's time to answer, unless the handler sets another day on accepting."""


class ComplaintStatus(StrEnum):
    LODGED = "lodged"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"
    RESPONDED = "responded"
    UPHELD = "upheld"
    NOT_UPHELD = "not_upheld"


def require_text(value: str, field: str) -> str:
    """``value`` stripped, refused when blank."""
    text = value.strip()
    if not text:
        raise BlankFieldError(f"`{field}` must not be blank.", field=field)
    return text


class Complaint(LedgerAggregate):
    """One complaint against a platform or an institution of the network."""

    class Lodged(LedgerAggregate.Created):
        external_ref: str
        subject_id: UUID
        subject_kind: str
        complainant_uscc: str | None
        category: str
        summary: str
        evidence_sha256: str | None

        def apply(self, aggregate: Complaint) -> None:
            aggregate.external_ref = self.external_ref
            aggregate.subject_id = self.subject_id
            aggregate.subject_kind = SubjectKind(self.subject_kind)
            aggregate.complainant_uscc = self.complainant_uscc
            aggregate.category = ComplaintCategory(self.category)
            aggregate.summary = self.summary
            aggregate.evidence_sha256 = self.evidence_sha256
            aggregate.lodged_by = self.meta.actor
            aggregate.lodged_at = self.meta.occurred_at
            aggregate.last_step_at = self.meta.occurred_at

    class Accepted(LedgerAggregate.Event):
        response_due_on: date
        note: str

        def apply(self, aggregate: Complaint) -> None:
            aggregate.response_due_on = self.response_due_on
            aggregate.acceptance_note = self.note
            aggregate.status = ComplaintStatus.ACCEPTED
            aggregate.last_step_at = self.meta.occurred_at

    class Dismissed(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: Complaint) -> None:
            aggregate.dismissal_reasons = self.reasons
            aggregate.status = ComplaintStatus.DISMISSED
            aggregate.last_step_at = self.meta.occurred_at

    class Responded(LedgerAggregate.Event):
        statement: str
        evidence_sha256: str | None

        def apply(self, aggregate: Complaint) -> None:
            aggregate.response = self.statement
            aggregate.response_evidence_sha256 = self.evidence_sha256
            aggregate.responded_at = self.meta.occurred_at
            aggregate.status = ComplaintStatus.RESPONDED
            aggregate.last_step_at = self.meta.occurred_at

    class Concluded(LedgerAggregate.Event):
        upheld: bool
        findings: str

        def apply(self, aggregate: Complaint) -> None:
            aggregate.findings = self.findings
            aggregate.concluded_at = self.meta.occurred_at
            aggregate.status = ComplaintStatus.UPHELD if self.upheld else ComplaintStatus.NOT_UPHELD
            aggregate.last_step_at = self.meta.occurred_at

    class ViolationRecorded(LedgerAggregate.Event):
        violation_id: UUID

        def apply(self, aggregate: Complaint) -> None:
            aggregate.violation_ids.append(self.violation_id)

    def __init__(self) -> None:
        self.external_ref = ""
        self.subject_id: UUID | None = None
        self.subject_kind = SubjectKind.WINDOW
        self.complainant_uscc: str | None = None
        self.category = ComplaintCategory.OTHER
        self.summary = ""
        self.evidence_sha256: str | None = None
        self.lodged_by = ""
        self.lodged_at: datetime | None = None
        self.last_step_at: datetime | None = None
        self.status = ComplaintStatus.LODGED
        self.response_due_on: date | None = None
        self.acceptance_note: str | None = None
        self.dismissal_reasons: str | None = None
        self.response: str | None = None
        self.response_evidence_sha256: str | None = None
        self.responded_at: datetime | None = None
        self.findings: str | None = None
        self.concluded_at: datetime | None = None
        self.violation_ids: list[UUID] = []

    @property
    def lodged_on(self) -> date:
        """The Ningxia day the complaint was lodged: the year it counts in."""
        if self.lodged_at is None:
            msg = "A complaint that was never lodged has no day."
            raise ValueError(msg)
        return self.lodged_at.astimezone(CST).date()

    @property
    def upheld(self) -> bool:
        return self.status is ComplaintStatus.UPHELD

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def lodge(
        cls,
        *,
        external_ref: str,
        subject_id: UUID,
        subject_kind: SubjectKind,
        complainant_uscc: str | None,
        category: ComplaintCategory,
        summary: str,
        evidence_sha256: str | None,
        meta: Envelope,
    ) -> Complaint:
        return cls._create(
            cls.Lodged,
            id=ids.complaint_id(external_ref),
            external_ref=external_ref,
            subject_id=subject_id,
            subject_kind=subject_kind.value,
            complainant_uscc=None if complainant_uscc is None else parse_uscc(complainant_uscc),
            category=category.value,
            summary=require_text(summary, "summary"),
            evidence_sha256=None if evidence_sha256 is None else parse_sha256(evidence_sha256),
            meta=meta,
        )

    def accept(self, *, response_due_on: date | None, note: str, meta: Envelope) -> None:
        """Accept the complaint for handling; the subject answers by ``response_due_on`` (by
        default :data:`RESPONSE_DAYS` after the day of acceptance)."""
        self._check_step({ComplaintStatus.LODGED}, "accepted", meta)
        if response_due_on is None:
            response_due_on = business_date(meta) + timedelta(days=RESPONSE_DAYS)
        if response_due_on <= business_date(meta):
            raise InvalidResponseDeadlineError(
                f"The subject answers after the day of acceptance ({business_date(meta)}); "
                f"{response_due_on} is not after it.",
                response_due_on=response_due_on.isoformat(),
            )
        self.trigger_event(
            self.Accepted, response_due_on=response_due_on, note=note.strip(), meta=meta
        )

    def dismiss(self, *, reasons: str, meta: Envelope) -> None:
        self._check_step({ComplaintStatus.LODGED}, "dismissed", meta)
        self.trigger_event(
            self.Dismissed, reasons=require_reasons(reasons, "A dismissal"), meta=meta
        )

    def respond(self, *, statement: str, evidence_sha256: str | None, meta: Envelope) -> None:
        """The subject states its response (its own key: ``meta.platform_id`` is the subject)."""
        self._check_step({ComplaintStatus.ACCEPTED}, "answered", meta)
        if meta.platform_id != self.subject_id:
            raise NotComplaintSubjectError(
                "A complaint is answered by its subject, with the subject's own key."
            )
        self.trigger_event(
            self.Responded,
            statement=require_text(statement, "statement"),
            evidence_sha256=None if evidence_sha256 is None else parse_sha256(evidence_sha256),
            meta=meta,
        )

    def conclude(self, *, upheld: bool, findings: str, meta: Envelope) -> None:
        self._check_step({ComplaintStatus.ACCEPTED, ComplaintStatus.RESPONDED}, "concluded", meta)
        due = self.response_due_on
        if self.status is ComplaintStatus.ACCEPTED and due is not None and record_date(meta) <= due:
            raise ComplaintResponsePendingError(
                f"The subject may answer until {due}; conclude once it has answered, or after "
                "that day.",
                response_due_on=due.isoformat(),
            )
        self.trigger_event(
            self.Concluded, upheld=upheld, findings=require_text(findings, "findings"), meta=meta
        )

    def record_violation(self, *, violation_id: UUID, meta: Envelope) -> None:
        """Name a violation found on this complaint (recorded in the same save)."""
        if self.status is not ComplaintStatus.UPHELD:
            raise ComplaintNotUpheldError(
                f"Complaint {self.id} is {self.status}; a violation is recorded on an upheld "
                "complaint (or as the finding of an inspection, without a complaint).",
                status=self.status.value,
            )
        self.trigger_event(self.ViolationRecorded, violation_id=violation_id, meta=meta)

    # --- rules shared by the commands -----------------------------------------------------

    def _check_step(self, allowed: set[ComplaintStatus], action: str, meta: Envelope) -> None:
        if self.status not in allowed:
            raise ComplaintStepOutOfOrderError(
                f"A complaint that is {self.status} cannot be {action}.",
                status=self.status.value,
            )
        check_not_before(meta, self.last_step_at, "the complaint's previous step")
