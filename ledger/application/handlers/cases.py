"""Service cases: opened by a window from an enterprise's demand, then stepped to closure.

Two rules of a case read other aggregates, so they are checked here, after the domain has
decided the steps and before anything is saved (whichever path took the steps, one call or
several): a case is assigned only to a registered institution whose qualification is not revoked,
and a case assigned to an institution is delivered only under an agreement between the case's
window and that institution, in force on the delivery date and covering the case's category.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import date
from uuid import UUID

from ledger.application.capability import Capability, View, acts, creates, handles
from ledger.application.commands.cases import (
    MAX_IMPORT_RECORDS,
    AmendDelivery,
    Assign,
    Cancel,
    CaseStep,
    Close,
    Deliver,
    GiveFeedback,
    ImportCases,
    ImportResult,
    ImportStatus,
    OpenCase,
    StepCase,
    Void,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface import service_case_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.application.ports import Store
from ledger.application.uow import UnitOfWork
from ledger.application.writes import Decision, Outcome, Write
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.enterprise import Enterprise
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ExternalRefExistsError,
    InstitutionNotIdentifiedError,
    InvalidRecordError,
    LedgerError,
    ServiceCaseNotFoundError,
    UnavailableError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform
from ledger.domain.service_case import Assignment, Demand, ProviderKind, ServiceCase

_WINDOWS_ONLY = "Service cases are recorded by a window platform."


class ServiceCases(Capability[ServiceCase]):
    aggregate = ServiceCase
    resource_type = "service_case"
    label = "service case"
    not_found = ServiceCaseNotFoundError
    target = "case_id"

    def __init__(self, store: Store, lookups: Lookups, uow: UnitOfWork) -> None:
        self.store = store
        self.lookups = lookups
        self.uow = uow

    def view(self, aggregate: ServiceCase, on: date) -> View:
        return service_case_view(aggregate)

    def visible(self, aggregate: ServiceCase, principal: Principal) -> bool:
        return principal.role is not Role.WINDOW or aggregate.window_id == principal.platform_id

    def guard(self, aggregate: ServiceCase, command: object, context: RequestContext) -> None:
        if context.principal.platform_id is None:
            raise WrongPlatformKindError(_WINDOWS_ONLY)
        # Another window's case is reported as absent, never as someone else's.
        if aggregate.window_id != context.principal.platform_id:
            raise self.missing(aggregate.id)

    # --- commands --------------------------------------------------------------------------

    @creates(OpenCase, exists=ExternalRefExistsError)
    def open_case(self, command: OpenCase, meta: Envelope) -> ServiceCase | Decision[ServiceCase]:
        """A case, or, ``replaces`` naming a voided one, its replacement saved with it."""
        window_id = acting_platform(meta, _WINDOWS_ONLY)
        window = self.lookups.connected_window(window_id)
        if command.replaces is None:
            return self._opened(window, command, meta, self.lookups.registered_enterprise)
        voided = self.store.load(command.replaces, ServiceCase, self.not_found, self.label)
        if voided.window_id != window_id:
            raise self.missing(voided.id)  # another window's case does not exist for this one
        case = self._opened(window, command, meta, self.lookups.registered_enterprise, voided)
        return Decision(case, (voided,))

    @acts(StepCase)
    def step_case(self, case: ServiceCase, command: StepCase, meta: Envelope) -> None:
        window = self.lookups.connected_window(acting_platform(meta, _WINDOWS_ONLY))
        window.check_connected_by(meta.occurred_at)
        self._take(case, command.step, meta)
        self._check_network_rules(case)

    @handles(ImportCases)
    def import_cases(self, command: ImportCases, context: RequestContext) -> list[ImportResult]:
        """Decide every readable record as :meth:`open_case` does, then append them together."""
        if len(command.records) > MAX_IMPORT_RECORDS:
            msg = f"At most {MAX_IMPORT_RECORDS} records per import; split the file."
            raise ValueError(msg)
        now = self.uow.clock()
        window_id = acting_platform(context.envelope(now), _WINDOWS_ONLY)
        window = self.lookups.connected_window(window_id)
        results: dict[int, ImportResult] = {}
        readable: dict[int, tuple[OpenCase, UUID]] = {}
        for index, record in enumerate(command.records):
            if isinstance(record, LedgerError):
                results[index] = ImportResult.rejected(index, record, None)
            elif record.replaces is not None:
                refused = InvalidRecordError(
                    "A replacement of a voided case is recorded on its own "
                    "(POST /v1/service-cases with replaces), not imported."
                )
                results[index] = ImportResult.rejected(index, refused, None)
            else:
                readable[index] = (record, ids.service_case_id(window_id, record.external_ref))
        present = self.store.streams_present(list({s for _, s in readable.values()}))
        key = context.idempotency
        # A retry with the key: the records it created are answered as they were the first time.
        replayed = self.uow.replayed_parts(key, map(str, readable)) if key is not None else None
        writes: list[tuple[int, UUID, Write[ServiceCase], Envelope]] = []
        enterprise_of = _memoised(self.lookups.registered_enterprise)
        first: dict[UUID, OpenCase] = {}
        for index, (record, stream_id) in readable.items():
            if stream_id in first:
                results[index] = _existing(index, stream_id, record, earlier=True)
                earlier = first[stream_id]
                differences = [
                    (f.name, getattr(earlier, f.name), getattr(record, f.name))
                    for f in fields(OpenCase)
                    if getattr(earlier, f.name) != getattr(record, f.name)
                ]
                if differences:
                    results[index] = _conflict(index, stream_id, differences)
                continue
            first[stream_id] = record
            if replayed and str(index) in replayed:
                results[index] = _imported(index, stream_id, replayed[str(index)])
                continue
            meta = context.envelope(record.occurred_at or now)  # bounded by run_all
            if stream_id in present:
                results[index] = self._compared(index, stream_id, window, record, meta, context)
                continue  # bounded by run_all
            write = self._import_write(window, record, meta, enterprise_of, context)
            writes.append((index, stream_id, write, meta))
        answers = self.uow.run_all(
            [(write, meta) for _, _, write, meta in writes],
            key if replayed is None else None,  # a retry's key is recorded already
            [str(index) for index, _, _, _ in writes],
        )
        for (index, stream_id, _, _), answer in zip(writes, answers, strict=True):
            results[index] = _imported(index, stream_id, answer)
        return [results[i] for i in range(len(command.records))]

    # --- internals -------------------------------------------------------------------------

    def _compared(
        self,
        index: int,
        stream_id: UUID,
        window: Platform,
        record: OpenCase,
        meta: Envelope,
        context: RequestContext,
    ) -> ImportResult:
        """A record whose case is recorded: ``exists`` if it says what the case says, else a
        ``conflict`` naming each field that differs (nothing is appended either way)."""
        case = self.store.load(stream_id, ServiceCase, self.not_found, self.label)
        while case.replaced_by is not None:  # a voided case recorded anew: compare with that
            case = self.store.load(case.replaced_by, ServiceCase, self.not_found, self.label)
        # Compared field by field, by name: as mappings.
        recorded: Mapping[str, object] = service_case_view(case)
        stream_id = case.id
        try:
            self.uow.bounds.check(meta.occurred_at, self.uow.clock())
            sent: Mapping[str, object] = service_case_view(
                self._opened(window, record, meta, self.lookups.registered_enterprise)
            )
        except LedgerError as e:
            return ImportResult.rejected(index, e, stream_id)
        fields = [f for f in _COMPARED if f != "opened_at" or record.occurred_at is not None]
        differences = [(f, recorded[f], sent[f]) for f in fields if recorded[f] != sent[f]]
        if differences:
            return _conflict(index, stream_id, differences)
        return _existing(index, stream_id, record, earlier=False)

    def _import_write(
        self,
        window: Platform,
        record: OpenCase,
        meta: Envelope,
        enterprise_of: Callable[[str], Enterprise],
        context: RequestContext,
    ) -> Write[ServiceCase]:
        return Write(
            stream_id=None,
            aggregate_type=ServiceCase,
            decide=lambda _: self._opened(window, record, meta, enterprise_of),
            resource_type=self.resource_type,
            render=service_case_view,
            not_found=self.not_found,
            exists=ExternalRefExistsError,
            authority=context.principal.authority,
        )

    def _opened(
        self,
        window: Platform,
        command: OpenCase,
        meta: Envelope,
        enterprise_of: Callable[[str], Enterprise],
        replacing: ServiceCase | None = None,
    ) -> ServiceCase:
        """A new case with its steps taken and the network rules checked (not yet saved)."""
        window.check_connected_by(meta.occurred_at)
        enterprise = enterprise_of(command.uscc)
        case = ServiceCase.open(
            replacing=replacing,
            window_id=window.id,
            demand=Demand(
                external_ref=command.external_ref,
                enterprise_id=enterprise.id,
                uscc=enterprise.uscc,
                category=command.category,
                channel=command.channel,
                description=command.description,
            ),
            meta=meta,
        )
        for step in command.then:
            self._take(case, step, meta)
        self._check_network_rules(case)
        return case

    def _take(self, case: ServiceCase, step: CaseStep, meta: Envelope) -> None:
        """One step, at its own business time (the command's, unless the step names one)."""
        at = meta.at(step.occurred_at) if step.occurred_at is not None else meta
        match step:
            case Assign():
                case.assign(self._assignment(step), at)
            case Deliver():
                case.deliver(step.delivery, at)
            case GiveFeedback():
                case.record_feedback(step.feedback, at)
            case Close():
                case.close(step.note, at)
            case Cancel():
                case.cancel(step.reason, at)
            case AmendDelivery():
                case.amend_delivery(step.delivery, step.reason, at)
            case Void():
                case.void(step.reason, at)

    def _assignment(self, step: Assign) -> Assignment:
        """An institution's name is taken from its registration when the step is decided (the
        name sent, if any, is not trusted over the register)."""
        if step.provider_kind is ProviderKind.INSTITUTION and step.provider_id is not None:
            institution = self.lookups.assignable_institution(step.provider_id)
            return Assignment(step.provider_kind, institution.name, institution.id)
        return Assignment(step.provider_kind, step.provider_name or "", step.provider_id)

    def _check_network_rules(self, case: ServiceCase) -> None:
        """The rules that read other aggregates, for the steps just decided on ``case``."""
        for event in case.pending_events:
            if isinstance(event, ServiceCase.Assigned) and event.provider_id is not None:
                self.lookups.assignable_institution(event.provider_id)
            if isinstance(event, ServiceCase.Delivered | ServiceCase.DeliveryAmended):
                self._check_delivery_under_agreement(case, event.delivered_on)

    def _check_delivery_under_agreement(self, case: ServiceCase, delivered_on: date) -> None:
        assignment = case.assignment
        if assignment is None or assignment.provider_kind is not ProviderKind.INSTITUTION:
            return
        if assignment.provider_id is None or case.window_id is None:
            # Only cases assigned before institutions were identified by id: the rule cannot be
            # checked, so the delivery is not recorded as if it had been.
            raise InstitutionNotIdentifiedError(
                f"This case was assigned to {assignment.provider_name!r} by name only, so no "
                "agreement can be checked for its delivery. Cancel it and record the service "
                "anew, assigned by the institution's id.",
            )
        self.lookups.agreement_in_force(
            case.window_id, assignment.provider_id, case.category, delivered_on
        )


_COMPARED = (
    "uscc", "category", "channel", "description", "opened_at", "status", "assignment",
    "delivery", "feedback", "closure_note", "cancellation_reason",
)  # fmt: skip
"""What a re-sent record is compared on: all it says, less what the ledger decides."""


def _conflict(
    index: int, stream_id: UUID, differences: list[tuple[str, object, object]]
) -> ImportResult:
    names = ", ".join(f for f, _, _ in differences)
    return ImportResult(
        index,
        ImportStatus.CONFLICT,
        stream_id,
        code="import_conflict",
        detail=f"This external_ref is recorded with other content ({names}); nothing was "
        "appended. Correct the case with its own request (e.g. a delivery amendment) if the "
        "record is right.",
        differences=tuple(differences),
    )


def _existing(index: int, stream_id: UUID, record: OpenCase, *, earlier: bool) -> ImportResult:
    where = "an earlier record of this batch" if earlier else "a case already recorded"
    return ImportResult(
        index,
        ImportStatus.EXISTS,
        stream_id,
        code="external_ref_exists",
        detail=f"external_ref {record.external_ref!r} is that of {where} ({stream_id}); "
        "nothing was appended for this record.",
    )


def _imported(index: int, stream_id: UUID, answer: Outcome | LedgerError) -> ImportResult:
    if isinstance(answer, Outcome):
        return ImportResult(
            index,
            ImportStatus.CREATED,
            answer.resource_id,
            answer.version,
            answer.position,
            replayed=answer.replayed,
        )
    if isinstance(answer, ExternalRefExistsError):
        # Another request recorded the same case meanwhile.
        return ImportResult(
            index,
            ImportStatus.EXISTS,
            stream_id,
            code=answer.code,
            detail=f"Service case {stream_id} was recorded by another request.",
        )
    if isinstance(answer, UnavailableError):
        raise UnavailableError(
            "The event store is not reachable; nothing of this batch was recorded. "
            "Retry shortly: re-sending the same records is safe."
        ) from answer
    return ImportResult.rejected(index, answer, stream_id)


def _memoised(load: Callable[[str], Enterprise]) -> Callable[[str], Enterprise]:
    """``load``, asked once per USCC per batch (many records name the same enterprise)."""
    found: dict[str, Enterprise] = {}

    def cached(uscc: str) -> Enterprise:
        if uscc not in found:
            found[uscc] = load(uscc)
        return found[uscc]

    return cached
