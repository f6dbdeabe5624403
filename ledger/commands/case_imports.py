"""Bulk import of service cases from a window's own system.

Each record is decided exactly as ``open_case`` decides one (the same domain rules, the same
network rules), and every valid record of a batch is appended in one transaction. A record that
breaks a rule is reported with its index and the rule's code and changes nothing; a record whose
``external_ref`` is already recorded is reported as existing, so re-sending a batch (after a
timeout, say) appends nothing new.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from eventsourcing.persistence import IntegrityError, InterfaceError, OperationalError

from ledger.commands.service_cases import ServiceCaseCommands, Step
from ledger.domain import ids
from ledger.domain.base import check_not_future
from ledger.domain.enterprise import Enterprise
from ledger.domain.service_case import Channel, ServiceCase
from ledger.envelope import Envelope
from ledger.errors import ConcurrentModificationError, LedgerError, UnavailableError

MAX_IMPORT_RECORDS = 1000
# A lost race on a record (another request created the same case meanwhile) is reported as
# existing and the rest saved again; more attempts than this means something else is wrong.
_SAVE_ATTEMPTS = 3


@dataclass(frozen=True)
class CaseRecord:
    """One record of an import: what ``open_case`` takes, with its own business time."""

    external_ref: str
    uscc: str
    category: str
    channel: Channel
    description: str
    meta: Envelope
    then: Sequence[Step] = ()


class ImportStatus(StrEnum):
    CREATED = "created"
    EXISTS = "exists"
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

    @classmethod
    def rejected(cls, index: int, error: LedgerError, stream_id: UUID | None) -> ImportResult:
        return cls(index, ImportStatus.REJECTED, stream_id, code=error.code, detail=error.detail)


class CaseImportCommands(ServiceCaseCommands):
    def import_cases(
        self, records: Sequence[CaseRecord | LedgerError], *, meta: Envelope
    ) -> list[ImportResult]:
        """Append every valid record of ``records`` (in as few transactions as possible).

        An item that is already a :class:`LedgerError` (the caller could not even read it) is
        reported as rejected in its place. ``meta`` says who imports, for whom.
        """
        if len(records) > MAX_IMPORT_RECORDS:
            msg = f"At most {MAX_IMPORT_RECORDS} records per import; split the file."
            raise ValueError(msg)
        window_id = self._acting_window(meta)
        self.connected_window(window_id)
        results: dict[int, ImportResult] = {}
        readable: dict[int, tuple[CaseRecord, UUID]] = {}
        for index, record in enumerate(records):
            if isinstance(record, LedgerError):
                results[index] = ImportResult.rejected(index, record, None)
            else:
                readable[index] = (record, ids.service_case_id(window_id, record.external_ref))
        present = self.recorder_ext.streams_present(list({s for _, s in readable.values()}))
        seen: set[UUID] = set()
        decided: dict[int, ServiceCase] = {}
        enterprise_of = _memoised(self.get_enterprise)
        now = self.clock()
        for index, (record, stream_id) in readable.items():
            if stream_id in present or stream_id in seen:
                results[index] = self._existing(index, stream_id, record, earlier=stream_id in seen)
                continue
            try:
                check_not_future(record.meta, now, self.uow.clock_skew)
                decided[index] = self._opened_case(
                    window_id,
                    external_ref=record.external_ref,
                    uscc=record.uscc,
                    category=record.category,
                    channel=record.channel,
                    description=record.description,
                    meta=record.meta,
                    then=record.then,
                    enterprise_of=enterprise_of,
                )
            except LedgerError as e:
                results[index] = ImportResult.rejected(index, e, stream_id)
                continue
            seen.add(stream_id)
        results.update(self._append(decided))
        return [results[i] for i in range(len(records))]

    def _append(self, decided: dict[int, ServiceCase]) -> dict[int, ImportResult]:
        results: dict[int, ImportResult] = {}
        pending = {index: list(case.pending_events) for index, case in decided.items()}
        for _ in range(_SAVE_ATTEMPTS):
            if not decided:
                return results
            try:
                recordings = self.save(*decided.values())
            except IntegrityError:
                # Another request recorded some of these cases meanwhile: those are existing
                # now, and the rest is saved again (nothing of this transaction was kept).
                taken = self.recorder_ext.streams_present([c.id for c in decided.values()])
                for index, case in list(decided.items()):
                    if case.id in taken:
                        del decided[index]
                        results[index] = ImportResult(
                            index,
                            ImportStatus.EXISTS,
                            case.id,
                            code="external_ref_exists",
                            detail=f"Service case {case.id} was recorded by another request.",
                        )
                    elif not case.pending_events:
                        case.pending_events.extend(pending[index])
                continue
            except (OperationalError, InterfaceError) as e:
                raise UnavailableError(
                    "The event store is not reachable; nothing of this batch was recorded. "
                    "Retry shortly: re-sending the same records is safe."
                ) from e
            positions = {
                r.domain_event.originator_id: r.notification.id for r in recordings
            }  # the last event of each case comes last, so each case maps to its last position
            for index, case in decided.items():
                results[index] = ImportResult(
                    index,
                    ImportStatus.CREATED,
                    case.id,
                    case.version,
                    positions[case.id],
                )
            return results
        raise ConcurrentModificationError(
            "The records kept colliding with other writes; nothing more was recorded. Retry."
        )

    def _existing(
        self, index: int, stream_id: UUID, record: CaseRecord, *, earlier: bool
    ) -> ImportResult:
        where = "an earlier record of this batch" if earlier else "a case already recorded"
        return ImportResult(
            index,
            ImportStatus.EXISTS,
            stream_id,
            code="external_ref_exists",
            detail=f"external_ref {record.external_ref!r} is that of {where} ({stream_id}); "
            "nothing was appended for this record.",
        )


def _memoised(load: Callable[[str], Enterprise]) -> Callable[[str], Enterprise]:
    """``load``, asked once per USCC per batch (many records name the same enterprise)."""
    found: dict[str, Enterprise] = {}

    def cached(uscc: str) -> Enterprise:
        if uscc not in found:
            found[uscc] = load(uscc)
        return found[uscc]

    return cached
