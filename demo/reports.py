"""Monthly data reports (Art. 9.6): the hub asks every window for each month it served, the
window submits its figures (most on time, some late, how often differs by window, so their
appraisals differ), the hub returns a few for correction and accepts the rest.

The figures are the window's own month as the earlier stages recorded it. December's report can
only be submitted after December ends, so it and its acceptance fall in the next January.
"""

from __future__ import annotations

from datetime import date

from demo.names import REPORT_RETURN_REASONS
from demo.world import DemoWorld, MonthTally, Window
from ledger.application.commands.data_reports import (
    Accept,
    ReportStep,
    RequestReport,
    ReturnToWindow,
    StepReport,
    Submit,
)
from ledger.domain.data_report import MONTHLY_DUE_DAY, Submission, parse_period
from ledger.domain.envelope import Envelope

LATENESS = [0.0, 0.0, 0.05, 0.05, 0.1, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5]
"""How often a window submits late, dealt to the windows at random (dealt round again if there
are more windows than shares)."""
RETURNED_SHARE = 0.08
REQUEST_DAY = 25
"""The hub sends its monthly reporting notice near the end of the month reported on."""


def seed_reports(demo: DemoWorld) -> None:
    lateness = demo.rng.sample(LATENESS, k=len(LATENESS))
    plan = [(w, lateness[i % len(lateness)], _first_month(w)) for i, w in enumerate(demo.windows)]
    progress = demo.stage("data reports", sum(13 - first for _, _, first in plan))
    for window, late_share, first in plan:
        for month in range(first, 13):
            _one(demo, window, month, late_share)
            progress.tick()


def _first_month(window: Window) -> int:
    """The first month a window reports on: the month it joined, unless it joined late in it."""
    if window.active_from.day <= 20:
        return window.active_from.month
    return window.active_from.month + 1


def _one(demo: DemoWorld, window: Window, month: int, late_share: float) -> None:
    rng = demo.rng
    requested_on = max(date(demo.year, month, REQUEST_DAY), window.active_from)
    period = parse_period(f"{demo.year}-{month:02d}")
    requested = demo.as_hub(demo.at(requested_on, 9))
    report = demo.handle(RequestReport(window_id=window.id, period=period), requested).resource_id
    demo.count("data reports")

    def step(taken: ReportStep, meta: Envelope) -> None:
        demo.handle(StepReport(report_id=report, step=taken), meta)

    next_month = date(demo.year + month // 12, month % 12 + 1, 1)
    due_on = next_month.replace(day=MONTHLY_DUE_DAY)
    late = rng.random() < late_share
    submitted_on = demo.days_later(due_on, 1, 12) if late else demo.day_between(next_month, due_on)
    figures = _figures(demo.tallies.get((window.id, month), MonthTally()))
    reference = f"{window.code}-{demo.year}-{month:02d}"
    submitted = demo.as_window(window, demo.at(submitted_on, 15))
    first = Submission(figures, demo.digest("report", reference))
    step(Submit(submission=first), submitted)
    if late:
        demo.count("data reports submitted late")
    # Reviews are quick, so even December's (late, returned) report is settled in January.
    reviewed_on = demo.days_later(submitted_on, 1, 3)
    if rng.random() < RETURNED_SHARE:
        returned = demo.as_hub(demo.at(reviewed_on, 10))
        reason = rng.choice(REPORT_RETURN_REASONS)
        step(ReturnToWindow(reasons=(reason,)), returned)
        demo.count("data reports returned")
        resubmitted_on = demo.days_later(reviewed_on, 1, 3)
        resubmitted = demo.as_window(window, demo.at(resubmitted_on, 15))
        corrected = Submission(figures, demo.digest("report", reference, "corrected"))
        step(Submit(submission=corrected), resubmitted)
        reviewed_on = demo.days_later(resubmitted_on, 1, 2)
    accepted = demo.as_hub(demo.at(reviewed_on, 11))
    step(Accept(note="审核通过"), accepted)


def _figures(tally: MonthTally) -> dict[str, int]:
    return {
        "cases_opened": tally.cases_opened,
        "services_delivered": tally.services_delivered,
        "enterprises_served": len(tally.enterprises_served),
        "activities_held": tally.activities_held,
        "activity_attendance": tally.activity_attendance,
    }
