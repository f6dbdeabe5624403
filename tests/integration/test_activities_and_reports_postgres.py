"""Activities and data reports on PostgreSQL: stored exactly, listed, and raced to one winner."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.activities import Evaluate, Hold, PlanActivity, StepActivity
from ledger.application.commands.data_reports import (
    Accept,
    ReportStep,
    RequestReport,
    ReturnToWindow,
    StepReport,
    Submit,
)
from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.application.interface.activities import activity_view
from ledger.application.interface.data_reports import data_report_view
from ledger.application.queries.data_reports import list_reports
from ledger.application.writes import Outcome
from ledger.domain.activity import (
    Activity,
    ActivityKind,
    ActivityMode,
    ActivityStatus,
    Evaluation,
    Holding,
    Plan,
)
from ledger.domain.data_report import DataReport, ReportStatus, Submission, parse_period
from ledger.domain.errors import ActivityExistsError, ConcurrentModificationError
from ledger.domain.platform import PlatformKind

# Each step is recorded on the day it happened, as the ledger would have recorded it.
from tests.acting import CaughtUp
from tests.acting import act_on_its_day as act
from tests.integration._support import (
    ENTERPRISE_USCC,
    REGION,
    Network,
    deciding_after,
    envelope,
    event_rows,
    race,
    sole_winner,
    start_line,
)

THREADS = 16
HUB_USCC = "91350200776049653A"
PLANNED_AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
HELD_AT = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)
REQUESTED_AT = datetime(2026, 4, 1, 1, 0, tzinfo=UTC)
SUBMITTED_AT = datetime(2026, 4, 8, 2, 0, tzinfo=UTC)
REVIEWED_AT = datetime(2026, 4, 9, 2, 0, tzinfo=UTC)


def _plan(external_ref: str, title: str = "创客项目路演") -> Plan:
    return Plan(
        external_ref=external_ref,
        kind=ActivityKind.ROADSHOW,
        title=title,
        starts_on=date(2026, 3, 16),
        ends_on=date(2026, 3, 17),
        mode=ActivityMode.ONLINE,
        venue="",
        category="12",
        expected_attendance=30,
    )


def _request(ledger: LedgerApplication, window_id: UUID, hub_id: UUID) -> UUID:
    command = RequestReport(window_id=window_id, period=parse_period("2026-03"))
    return act(ledger, command, envelope(hub_id, occurred_at=REQUESTED_AT)).resource_id


def _submit(ledger: LedgerApplication, report_id: UUID, window_id: UUID) -> Outcome:
    step = Submit(submission=Submission({"served": 3}))
    command = StepReport(report_id=report_id, step=step)
    return act(ledger, command, envelope(window_id, occurred_at=SUBMITTED_AT))


@pytest.fixture
def hub_id(pg_ledger: LedgerApplication) -> UUID:
    return act(
        pg_ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.HUB, name="枢纽平台", uscc=HUB_USCC, region=REGION
        ),
        envelope(None),
    ).resource_id


def test_an_activity_and_a_report_read_back_exactly_from_postgres(
    pg_ledger: LedgerApplication, network: Network, hub_id: UUID
) -> None:
    window = network.window_id
    activity_id = act(
        pg_ledger, PlanActivity(plan=_plan("ACT-PG-1")), envelope(window, occurred_at=PLANNED_AT)
    ).resource_id
    holding = Holding(date(2026, 3, 16), 12, (ENTERPRISE_USCC,))
    act(
        pg_ledger,
        StepActivity(activity_id=activity_id, step=Hold(holding=holding)),
        envelope(window, occurred_at=HELD_AT),
    )
    evaluate = Evaluate(evaluation=Evaluation({"5": 9, "4": 2}))
    evaluated = act(
        pg_ledger,
        StepActivity(activity_id=activity_id, step=evaluate),
        envelope(window, occurred_at=HELD_AT),
    )
    report_id = _request(pg_ledger, window, hub_id)
    submitted = _submit(pg_ledger, report_id, window)

    activity = pg_ledger.get(Activity, activity_id)
    report = pg_ledger.get(DataReport, report_id)
    assert activity.status is ActivityStatus.EVALUATED
    assert activity_view(activity) == evaluated.body
    assert data_report_view(report) == submitted.body
    assert report.submissions[0].document_sha256 is None
    assert report.submissions[0].late is False
    assert [r.id for r in list_reports(pg_ledger, CaughtUp(pg_ledger), period="2026-03")] == [
        report_id
    ]
    assert list_reports(pg_ledger, CaughtUp(pg_ledger), window_id=hub_id) == []


def test_racing_plans_with_the_same_external_ref_create_exactly_one_activity(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    network: Network,
    postgres_url: str,
) -> None:
    start = start_line(THREADS)
    head = len(event_rows(postgres_url))

    def attempt(i: int) -> Outcome:
        start.wait()
        return act(
            ledgers[i],
            PlanActivity(plan=_plan("ACT-RACE", title=f"路演 {i}")),
            envelope(network.window_id, occurred_at=PLANNED_AT),
        )

    results = race(start, attempt)

    winner, outcome = sole_winner(results, ActivityExistsError, THREADS)
    activity = pg_ledger.get(Activity, outcome.resource_id)
    assert activity.plan is not None
    assert activity.plan.title == f"路演 {winner}"
    assert len(event_rows(postgres_url)) == head + 1


def test_racing_reviews_of_one_report_either_accept_it_or_return_it_never_both(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    network: Network,
    hub_id: UUID,
    postgres_url: str,
) -> None:
    window = network.window_id
    report_id = _request(pg_ledger, window, hub_id)
    _submit(pg_ledger, report_id, window)
    head = len(event_rows(postgres_url))
    start = start_line(THREADS)

    def attempt(i: int) -> Outcome:
        meta = envelope(hub_id, occurred_at=REVIEWED_AT)
        review: ReportStep = (
            Accept(note=f"accepted by {i}")
            if i % 2
            else ReturnToWindow(reasons=(f"returned by {i}",))
        )
        return act(ledgers[i], StepReport(report_id=report_id, step=review), meta)

    with deciding_after(start, ledgers, DataReport):
        results = race(start, attempt)

    winner, outcome = sole_winner(results, ConcurrentModificationError, THREADS)
    report = pg_ledger.get(DataReport, report_id)
    assert report.version == 3
    if winner % 2:
        assert (report.status, report.acceptance_note) == (
            ReportStatus.ACCEPTED,
            f"accepted by {winner}",
        )
    else:
        assert (report.status, report.returns) == (
            ReportStatus.RETURNED,
            [(f"returned by {winner}",)],
        )
    assert data_report_view(report) == outcome.body
    assert len(event_rows(postgres_url)) == head + 1
