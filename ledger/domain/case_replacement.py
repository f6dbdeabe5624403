"""A voided case's ``external_ref`` used again (红字冲销, then re-recorded): the new case names the
voided one and the voided one names it; each voided case is replaced at most once."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from ledger.domain import ids
from ledger.domain.case_values import CaseStatus
from ledger.domain.errors import InvalidReplacementError


class VoidedCase(Protocol):
    """What is read of the case to replace (a :class:`~ledger.domain.service_case.ServiceCase`)."""

    @property
    def id(self) -> UUID: ...

    window_id: UUID | None
    external_ref: str
    status: CaseStatus
    replaced_by: UUID | None


def check_replaceable(voided: VoidedCase, window_id: UUID, external_ref: str) -> None:
    """Refuse to replace what is not a voided, unreplaced case of this window and reference."""
    if voided.window_id != window_id or voided.external_ref != external_ref:
        raise InvalidReplacementError(
            f"Case {voided.id} is not this window's case {external_ref!r}; a new case replaces "
            "only a voided case of its own window, under the same external_ref.",
        )
    if voided.status is not CaseStatus.VOIDED:
        raise InvalidReplacementError(
            f"Case {voided.id} is {voided.status}: only a voided case is replaced (void it "
            "first, with the reason it was recorded by mistake).",
            status=voided.status.value,
        )
    if voided.replaced_by is not None:
        raise InvalidReplacementError(
            f"Case {voided.id} is already replaced by {voided.replaced_by}.",
            replaced_by=str(voided.replaced_by),
        )


def new_case_id(window_id: UUID, external_ref: str, replacing: VoidedCase | None) -> UUID:
    """A case's stream: from its window and reference, or, replacing a voided case, from that
    case (so the store's key lets it be replaced once)."""
    if replacing is None:
        return ids.service_case_id(window_id, external_ref)
    check_replaceable(replacing, window_id, external_ref)
    return ids.replacement_case_id(replacing.id)
