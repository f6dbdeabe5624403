"""The demonstration network: seeded through the application layer, the same for the same seed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest

from demo import DemoReport, seed_demo
from demo.seed import DemoAlreadySeededError, DemoYearError
from demo.world import HUB_ACTOR
from ledger.application import interface
from ledger.application.app import LedgerApplication, LoggedEvent
from ledger.application.context import Principal
from ledger.application.queries.access_keys import authenticate
from ledger.application.queries.agreements import list_agreements
from ledger.application.queries.budgets import list_budgets, list_disbursements
from ledger.application.queries.data_reports import list_reports
from ledger.application.queries.experts import list_experts
from ledger.application.queries.onboarding import list_onboarding_applications
from ledger.application.queries.participants import list_institutions, list_platforms
from ledger.application.queries.training import alliance_members, list_trainings
from ledger.domain import ids
from ledger.domain.access_key import AccessKey, Role
from ledger.domain.activity import Activity
from ledger.domain.agreement_terms import PartyKind
from ledger.domain.appraisal import Appraisal
from ledger.domain.data_report import DataReport
from ledger.domain.disbursement import DisbursementStatus
from ledger.domain.enterprise import Enterprise
from ledger.domain.entrustment import Entrustment
from ledger.domain.onboarding import ApplicationStatus
from ledger.domain.period import Period
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.published_scheme import PublishedScheme
from ledger.domain.security import SecurityFile
from ledger.domain.service_case import ProviderKind, ServiceCase
from ledger.domain.standing import StandingAggregate
from ledger.domain.time import CST
from ledger.domain.training import TrainingStatus
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests.acting import CaughtUp
from tests.conftest import FakeClock

SCALE = 0.03
YEAR = 2025


def business_record(ledger: LedgerApplication) -> list[dict[str, Any]]:
    """The log without record times, access keys and sealed contacts (fresh secrets, keys and
    nonces every time)."""
    events = []
    for logged in ledger.log_page(0, 100_000):
        if isinstance(logged.event, AccessKey.Event):
            continue
        view: dict[str, Any] = dict(
            interface.event_view(logged.event, logged.position, logged.topic)
        )
        view.pop("recorded_at")
        view.pop("position")
        if isinstance(logged.event, Enterprise.ContactRecorded):
            for sealed in ("key_id", "nonce", "ciphertext"):
                view["data"].pop(sealed)
        events.append(view)
    return events


@dataclass
class Seeded:
    ledger: LedgerApplication
    report: DemoReport
    progress: list[tuple[str, int, int]]
    log: list[LoggedEvent]

    def events(self, event_type: type[Any]) -> list[Any]:
        return [e.event for e in self.log if isinstance(e.event, event_type)]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """One small demonstration network, read by the tests of its shape."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    ledger = build_ledger(StoreConfig(url))
    progress: list[tuple[str, int, int]] = []
    report = seed_demo(ledger, seed=1, scale=SCALE, progress=lambda *args: progress.append(args))
    yield Seeded(ledger, report, progress, ledger.log_page(0, 100_000))
    ledger.close()


def test_the_same_seed_gives_the_same_network(
    make_ledger: Callable[[str], LedgerApplication], tmp_path: Any
) -> None:
    first = make_ledger(f"sqlite:///{tmp_path / 'a.sqlite'}")
    second = make_ledger(f"sqlite:///{tmp_path / 'b.sqlite'}")

    seed_demo(first, seed=7, scale=SCALE)
    seed_demo(second, seed=7, scale=SCALE)

    assert business_record(first) == business_record(second)


def test_another_seed_gives_another_network(
    make_ledger: Callable[[str], LedgerApplication], tmp_path: Any, seeded: Seeded
) -> None:
    other = make_ledger(f"sqlite:///{tmp_path / 'a.sqlite'}")

    seed_demo(other, seed=8, scale=SCALE)

    assert business_record(other) != business_record(seeded.ledger)


def test_the_network_spans_the_five_cities_with_cases_and_keys(seeded: Seeded) -> None:
    ledger, report = seeded.ledger, seeded.report

    platforms = list_platforms(ledger, CaughtUp(ledger))
    windows = [p for p in platforms if p.kind is PlatformKind.WINDOW]
    assert len([p for p in platforms if p.kind is PlatformKind.HUB]) == 1
    assert len(windows) >= 10
    assert {w.region[:4] for w in windows} == {"6401", "6402", "6403", "6404", "6405"}
    assert len(list_institutions(ledger, CaughtUp(ledger))) == 20
    assert report.counts["service cases"] > 0
    assert report.head == ledger.head_position()
    assert {"hub", "bureau", "auditor"} <= set(report.keys)
    assert all(authenticate(ledger, secret) is not None for secret in report.keys.values())


def test_every_stage_reports_its_progress(seeded: Seeded) -> None:
    stages = Counter(stage for stage, _, _ in seeded.progress)

    assert {
        "network",
        "experts",
        "onboarding",
        "enterprises",
        "agreements",
        "service cases",
        "activities",
        "data reports",
        "budget",
        "disbursements",
    } <= set(stages)
    assert all(0 <= done <= total for _, done, total in seeded.progress)
    finals = {stage: (done, total) for stage, done, total in seeded.progress}
    assert all(done == total for done, total in finals.values())


def test_some_windows_joined_through_the_full_onboarding_path(seeded: Seeded) -> None:
    ledger = seeded.ledger
    applications = list_onboarding_applications(ledger, CaughtUp(ledger))

    assert len(list_experts(ledger, CaughtUp(ledger))) == 15
    statuses = Counter(a.status for a in applications)
    assert statuses[ApplicationStatus.CONNECTED] >= 2
    assert statuses[ApplicationStatus.REJECTED] == 1
    assert statuses[ApplicationStatus.WITHDRAWN] == 1
    for application in applications:
        if application.status is not ApplicationStatus.CONNECTED:
            continue
        assert application.notice is not None
        assert application.connected_at is not None
        assert len(application.reviews) >= 3
        assert application.connected_at.astimezone(CST).date() > application.notice.ends_on
        assert (application.notice.ends_on - application.notice.starts_on).days + 1 >= 5
        assert application.platform_id is not None
        assert ledger.get(Platform, application.platform_id).kind is PlatformKind.WINDOW
    assert any(o.outcome is not None for a in applications for o in a.objections)


def test_every_institution_works_under_an_agreement_and_some_cases_use_it(
    seeded: Seeded,
) -> None:
    ledger = seeded.ledger
    agreements = list_agreements(ledger, CaughtUp(ledger))
    year_end = date(YEAR, 12, 31)

    for institution in list_institutions(ledger, CaughtUp(ledger)):
        mine = [a for a in agreements if a.is_party(institution.id)]
        assert any(a.in_force_on(year_end) for a in mine), institution.name
        assert all(a.proposer.kind is PartyKind.WINDOW for a in mine)
    windows = [p for p in list_platforms(ledger, CaughtUp(ledger)) if p.kind is PlatformKind.WINDOW]
    hub_pairs = {a.counterparty.id for a in agreements if a.proposer.kind is PartyKind.HUB}
    assert hub_pairs == {w.id for w in windows}
    assert any(len(a.periods) > 1 for a in agreements)  # amended
    assert any(a.is_terminated for a in agreements)
    assigned = seeded.events(ServiceCase.Assigned)
    assert any(e.provider_kind == ProviderKind.INSTITUTION.value for e in assigned)
    assert any(e.provider_kind == ProviderKind.EXPERT.value for e in assigned)


def test_every_window_holds_activities_and_the_hub_organises_some(seeded: Seeded) -> None:
    planned = Counter(e.organiser_id for e in seeded.events(Activity.Planned))
    platforms = list_platforms(seeded.ledger, CaughtUp(seeded.ledger))

    assert all(6 <= planned[p.id] <= 14 for p in platforms if p.kind is PlatformKind.WINDOW)
    assert all(planned[p.id] > 0 for p in platforms if p.kind is PlatformKind.HUB)
    assert seeded.events(Activity.Held)
    assert seeded.events(Activity.Evaluated)
    assert seeded.events(Activity.Cancelled)
    assert all(e.enterprises for e in seeded.events(Activity.Held))


def test_every_window_reports_every_month_it_served_some_late_some_returned(
    seeded: Seeded,
) -> None:
    ledger = seeded.ledger
    reports = list_reports(ledger, CaughtUp(ledger))
    windows = [p for p in list_platforms(ledger, CaughtUp(ledger)) if p.kind is PlatformKind.WINDOW]

    for window in windows:
        mine = [r.period for r in reports if r.window_id == window.id]
        periods = sorted(period.text for period in mine if period is not None)
        assert periods[-1] == f"{YEAR}-12"
        if window.application_id is None:
            assert len(periods) == 12
    assert all(r.status.value == "accepted" for r in reports)
    late = Counter(r.window_id for r in reports if r.late)
    assert len(set(late.values())) > 1  # windows differ, so their appraisals will
    assert seeded.events(DataReport.Returned)


def test_the_hub_budget_is_approved_line_by_line_and_paid_from(seeded: Seeded) -> None:
    ledger = seeded.ledger
    (budget,) = list_budgets(ledger, CaughtUp(ledger), year=YEAR)

    assert len(budget.lines) == 5
    lines = budget.lines.values()
    assert any(line.approved is not None and line.approved < line.proposed for line in lines)
    disbursements = list_disbursements(ledger, budget.id)
    statuses = Counter(d.status for d in disbursements)
    assert len(disbursements) == 20
    assert statuses[DisbursementStatus.REJECTED] == 2
    assert statuses[DisbursementStatus.PAID] == 18
    assert sum(1 for d in disbursements if d.reversals) == 1
    assert all(line.remaining is not None and line.remaining >= 0 for line in lines)


def test_business_times_lie_in_the_demo_year_but_december_reports(seeded: Seeded) -> None:
    outside = set()
    for logged in seeded.log:
        event = logged.event
        if isinstance(event, AccessKey.Event):
            continue
        day = event.meta.occurred_at.astimezone(CST).date()  # type: ignore[attr-defined]
        if isinstance(event, Period.Closed):
            assert (event.label, day) == (str(YEAR), date(YEAR + 1, 2, 1))  # the year's close
            continue
        if isinstance(event, Appraisal.Event) or event.meta.causation_id.startswith("appraisal:"):  # type: ignore[attr-defined]
            assert date(YEAR + 1, 2, 1) < day < date(YEAR + 1, 3, 1)  # appraised once closed
            continue
        if isinstance(event, Entrustment.OperatorAppraised | Entrustment.Renewed):
            assert date(YEAR + 1, 2, 1) < day < date(YEAR + 1, 3, 1)  # the operator's, likewise
            continue
        if isinstance(event, PublishedScheme.Event | StandingAggregate.PrioritySupportGranted):
            # The scheme the windows are appraised by, and the bureau's decisions on the hub's
            # proposals: around the appraisals.
            assert date(YEAR + 1, 2, 1) < day < date(YEAR + 1, 3, 1)
            continue
        if day.year != YEAR:
            assert isinstance(event, DataReport.Event), type(event)
            assert day < date(YEAR + 1, 2, 1)
            outside.add(seeded.ledger.get(DataReport, event.originator_id).period)
    assert {period.text for period in outside if period is not None} <= {f"{YEAR}-12"}


def test_the_hub_closes_the_year_so_it_can_be_appraised(seeded: Seeded) -> None:
    closed = seeded.ledger.lookups.closed_year(YEAR)

    assert closed.closed_by == HUB_ACTOR
    assert closed.allowances == []


def test_the_networks_standing_follows_from_its_own_appraisals(seeded: Seeded) -> None:
    concluded = seeded.events(Appraisal.Concluded)
    connected = seeded.events(Platform.RegisteredAsConnected) + seeded.events(
        Platform.ConnectedAfterOnboarding
    )
    windows = [e for e in connected if getattr(e, "kind", "window") == "window"]
    assert concluded
    assert len(concluded) <= len(windows)
    grades = {seeded.ledger.get(Appraisal, e.originator_id).subject_id: e.grade for e in concluded}
    for logged in seeded.log:
        event = logged.event
        citation = getattr(event, "citation", None)
        if citation is None:
            continue
        kind, _, ref = citation.partition(":")
        if kind == "appraisal":
            appraisal = seeded.ledger.get(Appraisal, UUID(ref))
            expected = "优秀" if type(event).__name__ == "PrioritySupportGranted" else "不合格"
            assert (appraisal.subject_id, appraisal.grade) == (event.originator_id, expected)
        else:
            assert citation == "reason:data_reports_late", citation
    assert set(grades.values()) <= {"优秀", "合格", "不合格"}


def test_seeding_a_ledger_that_already_has_a_network_is_refused(seeded: Seeded) -> None:
    head = seeded.ledger.head_position()

    with pytest.raises(DemoAlreadySeededError):
        seed_demo(seeded.ledger, seed=1, scale=SCALE)
    assert seeded.ledger.head_position() == head


@pytest.mark.parametrize(
    ("year", "now"),
    [
        (YEAR, datetime(YEAR + 1, 1, 20, tzinfo=UTC)),  # December's reports are not all in
        (2017, datetime(YEAR + 1, 6, 1, tzinfo=UTC)),  # before the Measures took effect
    ],
)
def test_a_year_that_cannot_be_simulated_whole_is_refused_before_anything_is_recorded(
    tmp_path: Any, clock: FakeClock, year: int, now: datetime
) -> None:
    clock.now = now
    ledger = build_ledger(StoreConfig(f"sqlite:///{tmp_path / 'early.sqlite'}"), clock=clock)
    try:
        with pytest.raises(DemoYearError):
            seed_demo(ledger, year=year, scale=SCALE)
        assert ledger.head_position() == 0
    finally:
        ledger.close()


def test_some_enterprises_have_a_sealed_contact_and_one_was_erased(seeded: Seeded) -> None:
    recorded = seeded.events(Enterprise.ContactRecorded)
    (erased,) = seeded.events(Enterprise.ContactErased)
    assert len(recorded) == seeded.report.counts["contact persons"] >= 2
    enterprises: Any = seeded.ledger.capability(Enterprise)
    hub = Principal("demo:hub-clerk", Role.HUB)
    readable = {
        event.originator_id: enterprises.contact(
            seeded.ledger.get(Enterprise, event.originator_id), hub
        )
        for event in recorded
    }
    assert readable[erased.originator_id]["state"] == "erased"
    opened = [c for i, c in readable.items() if i != erased.originator_id]
    assert opened
    assert all(c["state"] == "recorded" and c["phone"].startswith("139") for c in opened)


def test_every_platform_graded_and_some_inspected_one_rectified_late(seeded: Seeded) -> None:
    ledger = seeded.ledger
    files = [
        ledger.get(SecurityFile, ids.security_file_id(p.id))
        for p in list_platforms(ledger, CaughtUp(ledger))
        if ledger.find(ids.security_file_id(p.id)) is not None
    ]
    levels = sorted({f.grading["level"] for f in files if f.grading})
    assert levels == [2, 3]
    late = [
        i
        for f in files
        for i in f.inspections
        if i["rectified_on"] is not None and i["rectified_on"] > i["deadline"]
    ]
    assert len(late) == 1
    assert sum(len(f.incidents) for f in files) == 1


def test_the_hub_entrusts_its_operator_for_the_year_and_renews_it_after_a_passing_appraisal(
    seeded: Seeded,
) -> None:
    (made,) = seeded.events(Entrustment.Made)
    entrustment = seeded.ledger.get(Entrustment, made.originator_id)

    assert entrustment.in_force_on(date(YEAR, 1, 1))
    assert entrustment.in_force_on(date(YEAR + 1, 12, 31))
    assert entrustment.appraisals[YEAR].grade == "合格"
    assert [r.appraisal_year for r in entrustment.renewals] == [YEAR]
    assert seeded.report.counts["operator appraisals 合格"] == 1
    # The operator's appraisal is no appraisal of the engine: the windows' are all there is.
    assert {e.subject_kind for e in seeded.events(Appraisal.Computed)} == {"window"}


def test_the_alliance_forms_in_january_and_staff_are_trained(seeded: Seeded) -> None:
    ledger = seeded.ledger
    members = alliance_members(ledger, CaughtUp(ledger), on=date(YEAR, 6, 30))
    after = alliance_members(ledger, CaughtUp(ledger), on=date(YEAR, 12, 31))
    assert seeded.report.hub_id in {m.member_id for m in members}
    assert len(after) == len(members) - 1 == seeded.report.counts["alliance members"] - 1
    marked = seeded.events(Activity.MarkedAsAllianceActivity)
    assert len(marked) == 1

    trainings = list_trainings(ledger, CaughtUp(ledger), year=YEAR)
    statuses = Counter(t.status for t in trainings)
    assert statuses == {
        TrainingStatus.CLOSED: 2,
        TrainingStatus.HELD: 1,
        TrainingStatus.CANCELLED: 1,
    }
    assert sum(t.amendments for t in trainings) == 1
    entries = [e for t in trainings for e in t.roster]
    assert len(entries) == seeded.report.counts["trainees"]
    assert {e.participant_kind for e in entries} >= {PartyKind.WINDOW, PartyKind.INSTITUTION}
