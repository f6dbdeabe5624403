"""Security files: each platform keeps its own (grading, rectification, incidents); the hub
inspects windows and the bureau inspects any platform; the platform itself, the hub, the bureau
and auditors read it, and another window is told it does not exist.

A file is opened by its first record, in the same save: whichever command comes first creates
the stream, and one that loses that race is decided again on the file the winner opened.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from ledger.application.capability import Capability, View, handles
from ledger.application.commands.security import (
    CloseIncident,
    GradeSecurity,
    RecordInspection,
    RectifyFindings,
    ReportIncident,
    SecurityCommand,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface.security import security_file_view
from ledger.application.lookups import Lookups
from ledger.application.ports import Store
from ledger.application.uow import UnitOfWork
from ledger.application.writes import Outcome, Write
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    NotSecurityInspectorError,
    SecurityFileExistsError,
    SecurityFileNotFoundError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.security import SecurityFile, parse_severity
from ledger.domain.time import business_date

Step = Callable[[SecurityFile, Envelope], object]
_OWN = "A platform keeps its own security records: use that platform's key."


class SecurityFiles(Capability[SecurityFile]):
    aggregate = SecurityFile
    resource_type = "security_file"
    label = "security file"
    not_found = SecurityFileNotFoundError
    target = "platform_id"
    dated = True  # review and rectification overdue follow from the day

    def __init__(self, store: Store, lookups: Lookups, uow: UnitOfWork) -> None:
        self.store = store
        self.lookups = lookups
        self.uow = uow

    def view(self, aggregate: SecurityFile, on: date) -> View:
        return security_file_view(aggregate, on)

    def visible(self, aggregate: SecurityFile, principal: Principal) -> bool:
        return principal.role is not Role.WINDOW or aggregate.platform_id == principal.platform_id

    # --- commands --------------------------------------------------------------------------

    @handles(GradeSecurity)
    def grade(self, command: GradeSecurity, context: RequestContext) -> Outcome:
        return self._record(command, context, lambda file, meta: file.grade(
            level=command.level, filing_number=command.filing_number,
            next_review_on=command.next_review_on, meta=meta,
        ))  # fmt: skip

    @handles(RecordInspection)
    def inspect(self, command: RecordInspection, context: RequestContext) -> Outcome:
        return self._record(command, context, lambda file, meta: file.record_inspection(
            inspector_id=meta.platform_id, findings=list(command.findings),
            deadline=command.deadline, meta=meta,
        ), inspection=True)  # fmt: skip

    @handles(RectifyFindings)
    def rectify(self, command: RectifyFindings, context: RequestContext) -> Outcome:
        return self._record(command, context, lambda file, meta: file.rectify(
            number=command.number, note=command.note, meta=meta
        ))  # fmt: skip

    @handles(ReportIncident)
    def report_incident(self, command: ReportIncident, context: RequestContext) -> Outcome:
        severity = parse_severity(command.severity)
        return self._record(command, context, lambda file, meta: file.report_incident(
            severity=severity, summary=command.summary,
            personal_data_involved=command.personal_data_involved, meta=meta,
        ))  # fmt: skip

    @handles(CloseIncident)
    def close_incident(self, command: CloseIncident, context: RequestContext) -> Outcome:
        return self._record(command, context, lambda file, meta: file.close_incident(
            number=command.number, measures=command.measures, reported_to=command.reported_to,
            meta=meta,
        ))  # fmt: skip

    # --- internals -------------------------------------------------------------------------

    def _check_actor(self, platform: Platform, meta: Envelope, *, inspection: bool) -> None:
        """A platform keeps its own records; the hub inspects windows, and the bureau (acting
        for no platform) inspects any platform."""
        acting = meta.platform_id
        if not inspection:
            if acting != platform.id:
                raise WrongPlatformKindError(_OWN)
            return
        if acting is None:
            return
        if platform.kind is PlatformKind.WINDOW and self.lookups.platform(acting).kind is (
            PlatformKind.HUB
        ):
            return
        raise NotSecurityInspectorError(
            "The hub inspects windows and the bureau inspects any platform (the hub's own "
            "security is inspected by the bureau).",
            platform_id=str(platform.id),
        )

    def _record(
        self,
        command: SecurityCommand,
        context: RequestContext,
        step: Step,
        *,
        inspection: bool = False,
    ) -> Outcome:
        platform = self.lookups.platform(command.platform_id)
        meta = self.uow.envelope(context, command.occurred_at)
        self._check_actor(platform, meta, inspection=inspection)
        if self.store.find(ids.security_file_id(platform.id)) is None:
            try:
                opening = self._write(platform.id, step, meta, context, opens=True)
                return self.uow.run(opening, meta, context.idempotency)
            except SecurityFileExistsError:
                pass  # opened meanwhile by another record: decide this one on that file
        write = self._write(platform.id, step, meta, context, opens=False)
        return self.uow.run(write, meta, context.idempotency)

    def _write(
        self, platform_id: UUID, step: Step, meta: Envelope, context: RequestContext, *, opens: bool
    ) -> Write[SecurityFile]:
        """The record ``step`` on the platform's file, which it ``opens`` (in the same save) or
        finds open; either way refused at commit if the key or platform was revoked meanwhile."""
        file_id = ids.security_file_id(platform_id)

        def decide(found: SecurityFile | None) -> SecurityFile:
            file = SecurityFile.open(platform_id, meta) if opens else found
            if file is None:
                raise self.missing(file_id)
            step(file, meta)
            return file

        return Write(
            stream_id=None if opens else file_id,
            aggregate_type=SecurityFile,
            decide=decide,
            resource_type=self.resource_type,
            render=lambda file: self.view(file, business_date(meta)),
            not_found=self.not_found,
            exists=SecurityFileExistsError if opens else None,
            expected_version=None if opens else context.expected_version,
            authority=context.principal.authority,
        )
