"""Data reports: requested by the hub from a connected window, submitted by the window, then
accepted or returned by the hub that requested them.

A window sees (and acts on) only its own reports; another window's is reported as absent.
"""

from __future__ import annotations

from datetime import date

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.data_reports import (
    Accept,
    ReportStep,
    RequestReport,
    StepReport,
    Submit,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface.data_reports import data_report_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.domain.access_key import Role
from ledger.domain.data_report import DataReport
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    DataReportExistsError,
    DataReportNotFoundError,
    WrongPlatformKindError,
)
from ledger.domain.platform import PlatformKind

_HANDLERS_ONLY = "Data reports are handled by hub and window keys."


class DataReports(Capability[DataReport]):
    aggregate = DataReport
    resource_type = "data_report"
    label = "data report"
    not_found = DataReportNotFoundError
    target = "report_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: DataReport, on: date) -> View:
        return data_report_view(aggregate)

    def visible(self, aggregate: DataReport, principal: Principal) -> bool:
        return principal.role is not Role.WINDOW or aggregate.window_id == principal.platform_id

    def guard(self, aggregate: DataReport, command: object, context: RequestContext) -> None:
        platform_id = context.principal.platform_id
        if platform_id is None:
            raise WrongPlatformKindError(_HANDLERS_ONLY)
        # A window reads only its own reports; another window's is reported as absent.
        acting = self.lookups.platform(platform_id)
        if acting.kind is PlatformKind.WINDOW and aggregate.window_id != platform_id:
            raise self.missing(aggregate.id)

    # --- commands --------------------------------------------------------------------------

    @creates(RequestReport, exists=DataReportExistsError)
    def request_report(self, command: RequestReport, meta: Envelope) -> DataReport:
        hub_id = acting_platform(meta, "Data reports are requested by the hub platform.")
        hub = self.lookups.platform(hub_id)
        if hub.kind is not PlatformKind.HUB:
            raise WrongPlatformKindError(
                f"Platform {hub_id} is a {hub.kind} platform; the hub requests data reports."
            )
        self.lookups.reporting_window(command.window_id)
        return DataReport.request(
            window_id=command.window_id,
            hub_id=hub_id,
            period=command.period,
            due_on=command.due_on,
            meta=meta,
        )

    @acts(StepReport)
    def step_report(self, report: DataReport, command: StepReport, meta: Envelope) -> None:
        platform_id = acting_platform(meta, _HANDLERS_ONLY)
        if self.lookups.platform(platform_id).kind is PlatformKind.WINDOW:
            self.lookups.connected_window(platform_id)
        self._take(report, command.step, meta)

    # --- internals -------------------------------------------------------------------------

    def _take(self, report: DataReport, step: ReportStep, meta: Envelope) -> None:
        match step:
            case Submit():
                report.submit(step.submission, meta)
            case Accept():
                report.accept(step.note, meta)
            case _:
                report.return_to_window(step.reasons, meta)
