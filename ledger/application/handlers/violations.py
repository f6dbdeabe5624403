"""Violations (Art. 15): recorded by the hub or the bureau (the bureau alone, for the hub), on
an upheld complaint about the same subject or after an inspection; their correction is ordered
and followed up by the same roles.

A window or an institution sees its own violations only; the rest do not exist for it.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from ledger.application.capability import Capability, Command, View, acts, creates
from ledger.application.commands.complaints import (
    OrderCorrection,
    RecordCorrection,
    RecordNotCorrected,
    RecordViolation,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.handlers.complaints import check_handler, sees, subject_kind
from ledger.application.interface.complaints import violation_view
from ledger.application.lookups import Lookups
from ledger.application.writes import Decision, Write
from ledger.domain.access_key import Role
from ledger.domain.complaint import Complaint
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ComplaintNotFoundError,
    UnknownComplaintError,
    ViolationExistsError,
    ViolationNotFoundError,
    ViolationSubjectMismatchError,
)
from ledger.domain.violation import Violation

_HANDLERS = (Role.HUB, Role.BUREAU)
_WHAT = "record and follow up violations"


class Violations(Capability[Violation]):
    aggregate = Violation
    resource_type = "violation"
    label = "violation"
    not_found = ViolationNotFoundError
    target = "violation_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Violation, on: date) -> View:
        return violation_view(aggregate)

    def visible(self, aggregate: Violation, principal: Principal) -> bool:
        return sees(principal, aggregate.subject_id)

    def guard(self, aggregate: Violation, command: Command[Any], context: RequestContext) -> None:
        super().guard(aggregate, command, context)
        check_handler(context.principal, aggregate.subject_kind, _HANDLERS, _WHAT)

    def write(self, command: Command[Any], context: RequestContext, meta: Envelope) -> Write[Any]:
        if isinstance(command, RecordViolation):
            # Who may record depends on the subject: checked before anything is decided.
            kind = subject_kind(self.lookups, command.subject_id)
            check_handler(context.principal, kind, _HANDLERS, _WHAT)
        return super().write(command, context, meta)

    # --- commands --------------------------------------------------------------------------

    @creates(RecordViolation, exists=ViolationExistsError)
    def record(self, command: RecordViolation, meta: Envelope) -> Decision[Violation]:
        complaint = None
        if command.complaint_id is not None:
            complaint = self._complaint(command, command.complaint_id)
        violation = Violation.find(
            external_ref=command.external_ref,
            subject_id=command.subject_id,
            subject_kind=subject_kind(self.lookups, command.subject_id),
            found_on=command.found_on,
            description=command.description,
            severity=command.severity,
            complaint_id=command.complaint_id,
            meta=meta,
        )
        if complaint is None:
            return Decision(violation)
        # Named on the complaint in the same save, so each record leads to the other.
        complaint.record_violation(violation_id=violation.id, meta=meta)
        return Decision(violation, (complaint,))

    @acts(OrderCorrection)
    def order(self, violation: Violation, command: OrderCorrection, meta: Envelope) -> None:
        violation.order_correction(action=command.action, deadline=command.deadline, meta=meta)

    @acts(RecordCorrection)
    def corrected(self, violation: Violation, command: RecordCorrection, meta: Envelope) -> None:
        violation.record_correction(note=command.note, meta=meta)

    @acts(RecordNotCorrected)
    def not_corrected(
        self, violation: Violation, command: RecordNotCorrected, meta: Envelope
    ) -> None:
        violation.record_not_corrected(reasons=command.reasons, meta=meta)

    # --- internals -------------------------------------------------------------------------

    def _complaint(self, command: RecordViolation, complaint_id: UUID) -> Complaint:
        """The complaint the violation is found on, about the same subject."""
        try:
            complaint = self.lookups.store.load(
                complaint_id, Complaint, ComplaintNotFoundError, "complaint"
            )
        except ComplaintNotFoundError:
            raise UnknownComplaintError(
                f"No complaint with id {complaint_id}; leave complaint_id out for a "
                "violation found by inspection.",
                complaint_id=str(complaint_id),
            ) from None
        if complaint.subject_id != command.subject_id:
            raise ViolationSubjectMismatchError(
                f"Complaint {complaint.id} is about {complaint.subject_id}, not "
                f"{command.subject_id}; a violation found on it is the complaint's subject's.",
                complaint_subject_id=str(complaint.subject_id),
            )
        return complaint
