"""Service cases (服务记录): a window opens one from an enterprise's demand and steps it to
closure, one step a request or all of them in one call; a window's own system imports many."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.errors import LedgerError
from ledger.domain.service_case import Channel, Delivery, Feedback, ProviderKind

MAX_IMPORT_RECORDS = 1000


@dataclass(frozen=True, kw_only=True)
class Assign:
    """Who delivers: a registered institution by id (its name is taken from the register), or an
    expert by name."""

    provider_kind: ProviderKind
    provider_name: str | None = None
    provider_id: UUID | None = None
    occurred_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Deliver:
    delivery: Delivery
    occurred_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class GiveFeedback:
    feedback: Feedback
    occurred_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Close:
    note: str = ""
    occurred_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Cancel:
    reason: str
    occurred_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class AmendDelivery:
    """A correction: the delivery as it should have been recorded, and why."""

    delivery: Delivery
    reason: str
    occurred_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Void:
    """A correction: the case was recorded by mistake."""

    reason: str
    occurred_at: datetime | None = None


CaseStep = Assign | Deliver | GiveFeedback | Close | Cancel | AmendDelivery | Void


@dataclass(frozen=True, kw_only=True)
class OpenCase(Command[Outcome]):
    """Open a case for the acting window, then take ``then`` (assign, deliver, feedback) in the
    same save: an already-delivered service recorded in one call, all of it or nothing."""

    external_ref: str
    uscc: str
    category: str
    channel: Channel
    description: str
    then: tuple[CaseStep, ...] = ()
    replaces: UUID | None = None
    """A voided case of the same ``external_ref`` that this one records anew."""


@dataclass(frozen=True, kw_only=True)
class StepCase(Command[Outcome]):
    """Take one step (assign, deliver, feedback, close, cancel) on a case of the acting window."""

    case_id: UUID
    step: CaseStep


class ImportStatus(StrEnum):
    CREATED = "created"
    EXISTS = "exists"
    CONFLICT = "conflict"
    """Its ``external_ref`` is recorded with other content: nothing appended, the differences
    reported (a correction is its own request)."""
    REJECTED = "rejected"


@dataclass(frozen=True)
class ImportResult:
    """What happened to the record at ``index``."""

    index: int
    status: ImportStatus
    id: UUID | None = None
    version: int | None = None
    position: int | None = None
    code: str | None = None
    detail: str | None = None
    differences: tuple[tuple[str, object, object], ...] = ()
    """For a conflict: (field, as recorded, as sent) for each field that differs."""
    replayed: bool = False
    """Created by an earlier request with the same Idempotency-Key: this is its answer."""

    @classmethod
    def rejected(cls, index: int, error: LedgerError, stream_id: UUID | None) -> ImportResult:
        return cls(index, ImportStatus.REJECTED, stream_id, code=error.code, detail=error.detail)


@dataclass(frozen=True, kw_only=True)
class ImportCases(Command[list[ImportResult]]):
    """Open every valid record of a batch as :class:`OpenCase` would, in as few transactions as
    possible. An item that is already an error (the caller could not read it) is reported as
    rejected in its place; a record whose ``external_ref`` is recorded is reported as existing
    if it says what was recorded (re-sending a batch appends nothing new), and as a conflict,
    with the differences, if it says something else: never silently dropped."""

    records: tuple[OpenCase | LedgerError, ...]
