"""Complaints (Art. 15): lodged by the hub or the bureau against a platform or an institution,
accepted or dismissed and concluded by the one who handles complaints about that subject (the
hub; the bureau, when the subject is the hub), answered by the subject's own key.

A window or an institution sees the complaints against itself only; any other does not exist
for it (found absent, never "someone else's"). The hub, the bureau and auditors see all.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from ledger.application.capability import Capability, Command, View, acts, creates
from ledger.application.commands.complaints import (
    AcceptComplaint,
    ConcludeComplaint,
    DismissComplaint,
    LodgeComplaint,
    RespondToComplaint,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface.complaints import complaint_view
from ledger.application.lookups import Lookups
from ledger.domain.access_key import Role
from ledger.domain.complaint import Complaint, SubjectKind
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ComplaintExistsError,
    ComplaintNotFoundError,
    ForbiddenRoleError,
)
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform

_SUBJECT_ROLES = (Role.WINDOW, Role.INSTITUTION)
"""Roles that read only what concerns their own platform or institution."""


def sees(principal: Principal, subject_id: UUID | None) -> bool:
    """Whether ``principal`` may read a record about ``subject_id``."""
    return principal.role not in _SUBJECT_ROLES or subject_id == principal.platform_id


def subject_kind(lookups: Lookups, subject_id: UUID) -> SubjectKind:
    """What ``subject_id`` is (refused unless a platform or an institution of the network)."""
    subject = lookups.subject(subject_id)
    if isinstance(subject, Platform):
        return SubjectKind(subject.kind.value)
    if not isinstance(subject, Institution):  # pragma: no cover - a subject is one of the two
        raise TypeError(type(subject).__name__)
    return SubjectKind.INSTITUTION


def check_handler(
    principal: Principal, kind: SubjectKind, allowed: tuple[Role, ...], what: str
) -> None:
    """Refuse a key whose role may not take this step about a subject of ``kind``: what concerns
    the hub itself is the bureau's (the hub does not judge its own case); an operator has no
    role and is not refused."""
    roles = (Role.BUREAU,) if kind is SubjectKind.HUB else allowed
    if principal.role is not None and principal.role not in roles:
        names = " or the ".join(r.value for r in roles)
        raise ForbiddenRoleError(
            f"The {names} {what} about a {kind.value}; a {principal.role_name} key cannot."
        )


class Complaints(Capability[Complaint]):
    aggregate = Complaint
    resource_type = "complaint"
    label = "complaint"
    not_found = ComplaintNotFoundError
    target = "complaint_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Complaint, on: date) -> View:
        return complaint_view(aggregate)

    def visible(self, aggregate: Complaint, principal: Principal) -> bool:
        return sees(principal, aggregate.subject_id)

    def guard(self, aggregate: Complaint, command: Command[Any], context: RequestContext) -> None:
        super().guard(aggregate, command, context)
        if isinstance(command, AcceptComplaint | DismissComplaint | ConcludeComplaint):
            check_handler(
                context.principal, aggregate.subject_kind, (Role.HUB,), "handles complaints"
            )

    # --- commands --------------------------------------------------------------------------

    @creates(LodgeComplaint, exists=ComplaintExistsError)
    def lodge(self, command: LodgeComplaint, meta: Envelope) -> Complaint:
        return Complaint.lodge(
            external_ref=command.external_ref,
            subject_id=command.subject_id,
            subject_kind=subject_kind(self.lookups, command.subject_id),
            complainant_uscc=command.complainant_uscc,
            category=command.category,
            summary=command.summary,
            evidence_sha256=command.evidence_sha256,
            meta=meta,
        )

    @acts(AcceptComplaint)
    def accept(self, complaint: Complaint, command: AcceptComplaint, meta: Envelope) -> None:
        complaint.accept(response_due_on=command.response_due_on, note=command.note, meta=meta)

    @acts(DismissComplaint)
    def dismiss(self, complaint: Complaint, command: DismissComplaint, meta: Envelope) -> None:
        complaint.dismiss(reasons=command.reasons, meta=meta)

    @acts(RespondToComplaint)
    def respond(self, complaint: Complaint, command: RespondToComplaint, meta: Envelope) -> None:
        complaint.respond(
            statement=command.statement, evidence_sha256=command.evidence_sha256, meta=meta
        )

    @acts(ConcludeComplaint)
    def conclude(self, complaint: Complaint, command: ConcludeComplaint, meta: Envelope) -> None:
        complaint.conclude(upheld=command.upheld, findings=command.findings, meta=meta)
