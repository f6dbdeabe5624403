"""Data reports on a real (SQLite) ledger: scheduling, submission, review, lists."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.data_reports import (
    Accept,
    ReportStep,
    RequestReport,
    ReturnToWindow,
    StepReport,
    Submit,
)
from ledger.application.interface.data_reports import data_report_view
from ledger.application.queries.data_reports import list_reports
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.data_report import DataReport, ReportStatus, Submission, parse_period
from ledger.domain.errors import (
    DataReportExistsError,
    DataReportNotFoundError,
    InvalidReportPeriodError,
    LedgerError,
    NotReportHubError,
    UnknownWindowError,
    WrongPlatformKindError,
)
from ledger.domain.platform import PlatformKind
from tests.acting import CaughtUp, act, assert_refused_unrecorded
from tests.application.support import envelope, register_platform

REQUESTED_AT = datetime(2026, 4, 1, 1, 0, tzinfo=UTC)
SUBMITTED_AT = datetime(2026, 4, 8, 2, 0, tzinfo=UTC)
REVIEWED_AT = datetime(2026, 4, 9, 2, 0, tzinfo=UTC)
# 00:00 on 11 April in Ningxia, still 10 April in UTC: one day after the default due date.
DAY_AFTER_DUE = datetime(2026, 4, 10, 16, 0, tzinfo=UTC)
SUBMISSION = Submission({"enterprises_served": 152}, "ab" * 32)


def request(
    ledger: LedgerApplication,
    hub_id: UUID,
    window_id: UUID,
    period: str = "2026-03",
    due_on: date | None = None,
) -> Outcome:
    command = RequestReport(window_id=window_id, period=parse_period(period), due_on=due_on)
    return act(ledger, command, envelope(hub_id, REQUESTED_AT), as_it_happened=True)


def step(
    ledger: LedgerApplication, report_id: UUID, platform_id: UUID, when: datetime, what: str
) -> Outcome:
    steps: dict[str, ReportStep] = {
        "submit": Submit(submission=SUBMISSION),
        "accept": Accept(note="数据完整"),
        "return": ReturnToWindow(reasons=("缺少附件",)),
    }
    command = StepReport(report_id=report_id, step=steps[what])
    return act(ledger, command, envelope(platform_id, when), as_it_happened=True)


def test_the_hub_requests_a_report_that_the_window_submits_and_the_hub_accepts(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID
) -> None:
    requested = request(ledger, hub_id, window_id)
    report_id = requested.resource_id
    submitted = step(ledger, report_id, window_id, SUBMITTED_AT, "submit")
    accepted = step(ledger, report_id, hub_id, REVIEWED_AT, "accept")

    assert report_id == ids.data_report_id(window_id, "2026-03")
    assert requested.body["due_on"] == "2026-04-10"
    assert requested.body["kind"] == "monthly"
    assert [requested.body["status"], submitted.body["status"], accepted.body["status"]] == [
        "requested",
        "submitted",
        "accepted",
    ]
    assert accepted.body["late"] is False
    stored = ledger.get(DataReport, report_id)
    assert data_report_view(stored) == accepted.body
    assert stored.submissions[0].figures == {"enterprises_served": 152}
    assert stored.submissions[0].document_sha256 == "ab" * 32


def test_a_late_resubmission_is_stored_with_its_own_flag(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID
) -> None:
    report_id = request(ledger, hub_id, window_id).resource_id
    step(ledger, report_id, window_id, SUBMITTED_AT, "submit")
    step(ledger, report_id, hub_id, REVIEWED_AT, "return")
    step(ledger, report_id, window_id, DAY_AFTER_DUE, "submit")

    stored = ledger.get(DataReport, report_id)
    assert [s.late for s in stored.submissions] == [False, True]
    assert [s.submitted_on for s in stored.submissions] == [date(2026, 4, 8), date(2026, 4, 11)]
    assert stored.late is False
    assert stored.returns == [("缺少附件",)]


def test_a_period_has_one_report_per_window(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID
) -> None:
    request(ledger, hub_id, window_id, "2026-q1")
    assert_refused_unrecorded(
        ledger,
        DataReportExistsError,
        "data_report_exists",
        lambda: request(ledger, hub_id, window_id, "2026-Q1", due_on=date(2026, 5, 1)),
    )


@pytest.mark.parametrize(
    "target", [pytest.param("unknown", id="unknown"), pytest.param("hub", id="the-hub")]
)
def test_a_report_is_requested_only_from_a_registered_window(
    ledger: LedgerApplication, hub_id: UUID, target: str
) -> None:
    assert_refused_unrecorded(
        ledger,
        UnknownWindowError,
        "unknown_window",
        lambda: request(ledger, hub_id, uuid4() if target == "unknown" else hub_id),
    )


def test_a_window_does_not_request_reports(
    ledger: LedgerApplication, window_id: UUID, other_window_id: UUID
) -> None:
    with pytest.raises(WrongPlatformKindError):
        request(ledger, window_id, other_window_id)
    command = RequestReport(window_id=window_id, period=parse_period("2026-03"))
    with pytest.raises(WrongPlatformKindError):
        act(ledger, command, envelope(None, REQUESTED_AT))


def test_an_invalid_period_records_nothing(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID
) -> None:
    head = ledger.head_position()
    with pytest.raises(InvalidReportPeriodError):
        request(ledger, hub_id, window_id, "2026-13")
    assert ledger.head_position() == head


def test_another_windows_report_is_reported_as_absent(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID, other_window_id: UUID
) -> None:
    report_id = request(ledger, hub_id, window_id).resource_id
    assert_refused_unrecorded(
        ledger,
        DataReportNotFoundError,
        "data_report_not_found",
        lambda: step(ledger, report_id, other_window_id, SUBMITTED_AT, "submit"),
    )


def test_another_hub_does_not_review_the_report(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID
) -> None:
    other_hub = register_platform(ledger, "91350200776049653A", PlatformKind.HUB)
    report_id = request(ledger, hub_id, window_id).resource_id
    step(ledger, report_id, window_id, SUBMITTED_AT, "submit")

    with pytest.raises(NotReportHubError):
        step(ledger, report_id, other_hub, REVIEWED_AT, "accept")


def test_a_refused_step_records_nothing(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID
) -> None:
    report_id = request(ledger, hub_id, window_id).resource_id
    assert_refused_unrecorded(
        ledger,
        LedgerError,
        "report_not_submitted",
        lambda: step(ledger, report_id, hub_id, REVIEWED_AT, "accept"),
    )


def test_a_stream_that_is_not_a_report_is_not_found(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID
) -> None:
    with pytest.raises(DataReportNotFoundError):
        ledger.get(DataReport, window_id)
    with pytest.raises(DataReportNotFoundError):
        step(ledger, uuid4(), hub_id, REVIEWED_AT, "accept")


def test_reports_are_listed_by_period_and_by_window_in_request_order(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID, other_window_id: UUID
) -> None:
    a_march = request(ledger, hub_id, window_id, "2026-03").resource_id
    b_march = request(ledger, hub_id, other_window_id, "2026-03").resource_id
    a_q1 = request(ledger, hub_id, window_id, "2026-Q1").resource_id
    step(ledger, a_march, window_id, SUBMITTED_AT, "submit")

    def listed(period: str | None = None, window_id: UUID | None = None) -> list[UUID]:
        return [
            r.id for r in list_reports(ledger, CaughtUp(ledger), period=period, window_id=window_id)
        ]

    assert listed() == [a_march, b_march, a_q1]
    assert listed(period="2026-03") == [a_march, b_march]
    assert listed(period=" 2026-q1") == [a_q1]
    assert listed(window_id=window_id) == [a_march, a_q1]
    assert listed(period="2026-03", window_id=other_window_id) == [b_march]
    assert listed(period="2026-04") == []
    assert (
        list_reports(ledger, CaughtUp(ledger), period="2026-03")[0].status is ReportStatus.SUBMITTED
    )


def test_a_list_filter_with_an_invalid_period_is_refused(ledger: LedgerApplication) -> None:
    with pytest.raises(InvalidReportPeriodError):
        list_reports(ledger, CaughtUp(ledger), period="March")


def test_the_list_reads_past_one_section_of_the_log(
    ledger: LedgerApplication, hub_id: UUID, window_id: UUID
) -> None:
    ledger.log_section_size = 2
    periods = [f"2026-{m:02d}" for m in range(1, 8)]
    for period in periods:
        request(ledger, hub_id, window_id, period, due_on=date(2026, 12, 31))

    assert [r.period.text for r in list_reports(ledger, CaughtUp(ledger)) if r.period] == periods
