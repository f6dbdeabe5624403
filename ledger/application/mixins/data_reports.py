"""Data reports: scheduled by the hub for a window and period, submitted, accepted or returned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.data_reports import data_report_view
from ledger.application.mixins.platforms import PlatformCommands
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.data_report import DataReport, parse_period
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    DataReportExistsError,
    DataReportNotFoundError,
    PlatformNotConnectedError,
    PlatformNotFoundError,
    UnknownWindowError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform, PlatformKind


class DataReportCommands(PlatformCommands):
    def request_report(
        self,
        *,
        window_id: UUID,
        period: str,
        due_on: date | None,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """The acting hub asks ``window_id`` for its report on ``period``, due on ``due_on``
        (by default the 10th of the next month, or the 15th of the month after a quarter)."""
        hub_id = _acting_platform(meta, "Data reports are requested by the hub platform.")
        reporting_period = parse_period(period)

        def decide(_: DataReport | None) -> DataReport:
            hub = self.get_platform(hub_id)
            if hub.kind is not PlatformKind.HUB:
                raise WrongPlatformKindError(
                    f"Platform {hub_id} is a {hub.kind} platform; the hub requests data reports."
                )
            self._reporting_window(window_id)
            return DataReport.request(
                window_id=window_id,
                hub_id=hub_id,
                period=reporting_period,
                due_on=due_on,
                meta=meta,
            )

        return self.uow.run(
            Write(
                stream_id=ids.data_report_id(window_id, reporting_period.text),
                aggregate_type=DataReport,
                decide=decide,
                resource_type="data_report",
                render=data_report_view,
                not_found=DataReportNotFoundError,
                exists=DataReportExistsError,
            ),
            meta,
            idempotency,
        )

    def act_on_report(
        self,
        report_id: UUID,
        action: Callable[[DataReport], None],
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Run one step (submit; accept or return) on an existing report."""
        platform_id = _acting_platform(meta, "Data reports are handled by hub and window keys.")
        acting_kind = self.get_platform(platform_id).kind

        def visible(report: DataReport) -> None:
            # A window reads only its own reports; another window's is reported as absent.
            if acting_kind is PlatformKind.WINDOW and report.window_id != platform_id:
                raise DataReportNotFoundError(
                    f"No data report with id {report_id}.", id=str(report_id)
                )

        def decide(report: DataReport | None) -> DataReport:
            if report is None:
                raise DataReportNotFoundError(f"No data report with id {report_id}.")
            if acting_kind is PlatformKind.WINDOW:
                self.connected_window(platform_id)
            action(report)
            return report

        return self.uow.run(
            Write(
                stream_id=report_id,
                aggregate_type=DataReport,
                decide=decide,
                resource_type="data_report",
                render=data_report_view,
                not_found=DataReportNotFoundError,
                expected_version=expected_version,
                guard=visible,
            ),
            meta,
            idempotency,
        )

    def get_report(self, report_id: UUID, version: int | None = None) -> DataReport:
        return self.load(report_id, DataReport, DataReportNotFoundError, "data report", version)

    def list_reports(
        self, *, period: str | None = None, window_id: UUID | None = None
    ) -> list[DataReport]:
        """Reports (of ``period``, of ``window_id``), in the order they were requested.

        A small in-process scan of the log for ``DataReport.Requested`` events, filtered before
        any report is loaded. It reads the whole log's requests on every call, which is fine
        for a network's few hundred reports a year; the projections of a later issue replace it.
        """
        wanted = parse_period(period).text if period is not None else None
        found: list[DataReport] = []
        for notification in self.scan(topics=[get_topic(DataReport.Requested)]):
            requested = cast(DataReport.Requested, self.mapper.to_domain_event(notification))
            if wanted is not None and requested.period != wanted:
                continue
            if window_id is not None and requested.window_id != window_id:
                continue
            found.append(self.get_report(requested.originator_id))
        return found

    def _reporting_window(self, window_id: UUID) -> Platform:
        try:
            platform = self.get_platform(window_id)
        except PlatformNotFoundError:
            raise UnknownWindowError(
                f"No window platform with id {window_id}; data reports are requested from "
                "registered windows.",
                window_id=str(window_id),
            ) from None
        if platform.kind is not PlatformKind.WINDOW:
            raise UnknownWindowError(
                f"Platform {window_id} is a {platform.kind} platform; data reports are requested "
                "from windows.",
                window_id=str(window_id),
            )
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Window {window_id} is {platform.status}; only connected windows report."
            )
        return platform


def _acting_platform(meta: Envelope, detail: str) -> UUID:
    if meta.platform_id is None:
        raise WrongPlatformKindError(detail)
    return meta.platform_id
