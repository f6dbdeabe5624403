"""Seeding the demonstration network, one stage at a time, through the application layer.

The stages run in the order their records depend on each other (a window must be connected
before it signs, an enterprise registered before it is served, a month's cases recorded before
the month is reported); within a stage, business times follow the year's calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from eventsourcing.utils import get_topic

from demo.activities import seed_activities
from demo.agreements import seed_agreements
from demo.appraisals import seed_appraisals
from demo.cases import seed_cases, seed_enterprises
from demo.complaints import seed_complaints
from demo.funds import seed_funds
from demo.network import seed_expert_pool, seed_network
from demo.onboarding import seed_onboarding
from demo.operator import seed_operator
from demo.reports import seed_reports
from demo.security import seed_security
from demo.training import seed_training
from demo.world import DemoReport, DemoWorld, Progress, Window
from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import IssueKey
from ledger.application.commands.periods import ClosePeriod
from ledger.application.commands.standing import ChangePlatformStanding, OrderRectification
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.budget import FIRST_BUDGET_YEAR
from ledger.domain.data_report import DataReport
from ledger.domain.errors import LedgerError
from ledger.domain.platform import Platform
from ledger.domain.time import CST

__all__ = ["DemoAlreadySeededError", "DemoReport", "DemoYearError", "Progress", "seed_demo"]


class DemoAlreadySeededError(LedgerError):
    code = "demo_already_seeded"
    title = "Demonstration network already seeded"


class DemoYearError(LedgerError):
    code = "demo_year_out_of_range"
    title = "Demonstration year out of range"


STAGES: list[Callable[[DemoWorld], None]] = [
    seed_network,
    seed_expert_pool,
    seed_onboarding,
    seed_enterprises,
    seed_agreements,
    seed_cases,
    seed_activities,
    seed_reports,
    seed_funds,
    seed_security,
    seed_complaints,
    seed_training,
]


def _noop(_stage: str, _done: int, _total: int) -> None:
    return None


def seed_demo(
    ledger: LedgerApplication,
    *,
    seed: int = 2026,
    year: int = 2025,
    scale: float = 1.0,
    progress: Progress = _noop,
) -> DemoReport:
    """Seed the demonstration network into an empty ledger (it may hold its first admin key).

    ``scale`` shrinks or grows the number of enterprises and cases (1.0: 1,200 enterprises and
    about 3,000 cases); the rest of the network is always whole: the hub, 11 windows (3 of them
    onboarded during the year), 20 institutions under agreement, 15 experts, about a hundred
    activities, every window's monthly reports, the hub's budget with its disbursements, a
    handful of complaints and violations, the hub's operator, entrusted for the year,
    appraised and renewed, the service alliance and a few trainings of staff.
    """
    if _any_platform(ledger):
        raise DemoAlreadySeededError(
            "This ledger already has platforms; seed the demonstration into an empty ledger "
            "(e.g. LEDGER_DATABASE_URL=sqlite:///./var/demo.sqlite)."
        )
    # December's reports come in the following January: that month must be over too, since no
    # business time may lie in the future. (The clock is read for this check only.)
    today = ledger.clock().astimezone(CST).date()
    latest = today.year - 1 if today >= date(today.year, 2, 1) else today.year - 2
    if not FIRST_BUDGET_YEAR <= year <= latest:
        raise DemoYearError(
            f"The demonstration simulates a finished year under the Measures, whose last "
            f"reports are settled in the January after it: choose a year from "
            f"{FIRST_BUDGET_YEAR} to {latest}, not {year}.",
            year=year,
            latest=latest,
        )
    demo = DemoWorld(ledger, seed, year, scale, progress)
    for stage in STAGES:
        stage(demo)
    _standing(demo)
    _close_year(demo)
    seed_appraisals(demo)
    seed_operator(demo)
    _keys(demo)
    demo.report.head = ledger.head_position()
    demo.report.hub_id = demo.hub_id
    return demo.report


def _any_platform(ledger: LedgerApplication) -> bool:
    """Whether any platform was ever recorded (the first event that says so is enough)."""
    entered = (Platform.RegisteredAsConnected, Platform.ConnectedAfterOnboarding)
    topics = [get_topic(e) for e in entered]
    return bool(ledger.recorder.select_notifications(start=0, limit=1, topics=topics))


def _standing(demo: DemoWorld) -> None:
    """The window most often late with its reports is ordered to rectify on that ground in
    December; priority support and the rest follow from the appraisals (demo.appraisals)."""
    late = {w.id: 0 for w in demo.windows}
    for window in demo.windows:
        for month in range(1, 13):
            report = demo.ledger.find(ids.data_report_id(window.id, f"{demo.year}-{month:02d}"))
            if isinstance(report, DataReport) and report.late:
                late[window.id] += 1
    # Only windows that reported the whole year are compared.
    whole_year = [w for w in demo.windows if not w.onboarded]
    best = min(whole_year, key=lambda w: late[w.id])
    weakest = max(whole_year, key=lambda w: late[w.id])
    if late[weakest.id] == late[best.id]:
        return  # every window reported alike: nobody stands out
    hub = demo.as_hub(demo.at(date(demo.year, 12, 20)))
    failing = OrderRectification(
        deadline=date(demo.year + 1, 3, 31),
        reasons=f"服务数据报送不及时（全年迟报{late[weakest.id]}次）",
        citation="reason:data_reports_late",
    )
    demo.handle(ChangePlatformStanding(subject_id=weakest.id, step=failing), hub)


def _close_year(demo: DemoWorld) -> None:
    """The hub closes the year on the 1st of February after it, once December's reports are
    settled: its figures are final, and its appraisals may be computed."""
    closed_at = min(demo.at(date(demo.year + 1, 2, 1)), demo.ledger.clock())
    demo.handle(
        ClosePeriod(period=str(demo.year), note=f"{demo.year}年度关账"), demo.as_hub(closed_at)
    )


def _keys(demo: DemoWorld) -> None:
    setup = demo.as_admin(datetime.now(UTC))
    report = demo.report
    report.keys["hub"] = demo.handle(
        IssueKey(role=Role.HUB, platform_id=demo.hub_id, name="demo hub"), setup
    ).secret
    for role in (Role.BUREAU, Role.AUDITOR):
        report.keys[role.value] = demo.handle(
            IssueKey(role=role, platform_id=None, name=f"demo {role.value}"), setup
        ).secret
    window: Window = demo.windows[0]
    report.keys[f"window ({window.name})"] = demo.handle(
        IssueKey(role=Role.WINDOW, platform_id=window.id, name="demo window"), setup
    ).secret
