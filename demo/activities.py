"""Public service activities (Art. 6.8): every window plans and holds its own through the year,
and the hub organises a few province-wide ones. Most held activities are evaluated by their
participants' survey; a few are cancelled before they take place."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from demo.names import (
    ACTIVITY_ATTENDANCE,
    ACTIVITY_CATEGORIES,
    ACTIVITY_TITLES,
    CANCELLATION_REASONS,
    CITIES,
    VENUES,
)
from demo.world import DemoWorld, Window
from ledger.application.commands.activities import (
    CancelActivity,
    Evaluate,
    Hold,
    PlanActivity,
    StepActivity,
)
from ledger.domain.activity import (
    RATINGS,
    ActivityKind,
    ActivityMode,
    Evaluation,
    Holding,
    Plan,
)
from ledger.domain.envelope import Envelope

WINDOW_ACTIVITIES = (6, 14)
HUB_ACTIVITIES = 8
CANCELLED_SHARE = 0.07
EVALUATED_SHARE = 0.88
KIND_WEIGHTS = {
    ActivityKind.TRAINING: 30,
    ActivityKind.POLICY_BRIEFING: 25,
    ActivityKind.CONSULTATION_DAY: 20,
    ActivityKind.ROADSHOW: 12,
    ActivityKind.STARTUP_CAMP: 8,
    ActivityKind.CONTEST: 5,
}
HUB_KINDS = [ActivityKind.CONTEST, ActivityKind.POLICY_BRIEFING, ActivityKind.ROADSHOW]


def seed_activities(demo: DemoWorld) -> None:
    plan = [(w, demo.rng.randint(*WINDOW_ACTIVITIES)) for w in demo.windows]
    progress = demo.stage("activities", sum(n for _, n in plan) + HUB_ACTIVITIES)
    for window, how_many in plan:
        first = max(window.active_from + timedelta(days=14), date(demo.year, 1, 15))
        for n, starts_on in enumerate(_days(demo, first, how_many), start=1):
            kind = demo.rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
            _one(demo, window, f"HD-{window.code}-{n:03d}", kind, starts_on)
            progress.tick()
    for n, starts_on in enumerate(_days(demo, date(demo.year, 3, 1), HUB_ACTIVITIES), start=1):
        _one(demo, None, f"HD-HUB-{n:03d}", demo.rng.choice(HUB_KINDS), starts_on)
        progress.tick()


def _days(demo: DemoWorld, first: date, how_many: int) -> list[date]:
    """The planned days, in order; all by 8 December so the year's record closes in it."""
    return sorted(demo.day_between(first, date(demo.year, 12, 8)) for _ in range(how_many))


def _one(
    demo: DemoWorld, window: Window | None, ref: str, kind: ActivityKind, starts_on: date
) -> None:
    rng = demo.rng
    where = window.city if window is not None else "自治区"
    days = rng.randint(3, 10) if kind is ActivityKind.STARTUP_CAMP else 1
    ends_on = starts_on + timedelta(days=days - 1)
    low, high = ACTIVITY_ATTENDANCE[kind.value]
    expected = rng.randint(low, high) * (2 if window is None else 1)
    mode = rng.choices(list(ActivityMode), weights=[70, 15, 15])[0]
    plan = Plan(
        external_ref=ref,
        kind=kind,
        title=f"{demo.year}年{where}{rng.choice(ACTIVITY_TITLES[kind.value])}",
        starts_on=starts_on,
        ends_on=ends_on,
        mode=mode,
        venue="" if mode is ActivityMode.ONLINE else f"{where}{rng.choice(VENUES)}",
        category=rng.choice(ACTIVITY_CATEGORIES[kind.value]),
        expected_attendance=expected,
    )
    planned_on = max(starts_on - timedelta(days=rng.randint(7, 30)), _active_from(demo, window))
    meta = _as_organiser(demo, window)
    activity = demo.handle(PlanActivity(plan=plan), meta.at(demo.at(planned_on, 10))).resource_id
    demo.count("activities")
    if rng.random() < CANCELLED_SHARE:
        cancelled_on = demo.day_between(planned_on, starts_on - timedelta(days=1))
        cancelled = meta.at(demo.at(cancelled_on, 16))
        reason = rng.choice(CANCELLATION_REASONS)
        cancel = CancelActivity(reason=reason)
        demo.handle(StepActivity(activity_id=activity, step=cancel), cancelled)
        demo.count("activities cancelled")
        return

    # Now and then held a few days later than planned: the plan and the deviation both stay.
    held_on = starts_on + timedelta(days=rng.randint(1, 5) if rng.random() < 0.1 else 0)
    recorded_on = held_on + timedelta(days=days - 1)
    recorded = meta.at(demo.at(recorded_on, 18))
    attendance = max(1, round(expected * rng.uniform(0.6, 1.15)))
    cities = [window.city_code] if window is not None else sorted(CITIES)
    known = demo.enterprises_known(cities, held_on)
    roster = rng.sample(known, k=min(len(known), rng.randint(attendance // 4, attendance // 2)))
    holding = Holding(held_on, attendance, tuple(roster))
    demo.handle(StepActivity(activity_id=activity, step=Hold(holding=holding)), recorded)
    if window is not None:
        tally = demo.tally(window.id, held_on)
        tally.activities_held += 1
        tally.activity_attendance += attendance
    if rng.random() >= EVALUATED_SHARE:
        return
    responses = rng.randint(max(1, attendance // 3), attendance)
    answers = Counter(rng.choices(RATINGS, weights=[2, 4, 12, 40, 42], k=responses))
    evaluation = Evaluation({r: answers[r] for r in RATINGS}, "")
    evaluated = meta.at(demo.at(demo.days_later(recorded_on, 1, 7), 11))
    evaluate = Evaluate(evaluation=evaluation)
    demo.handle(StepActivity(activity_id=activity, step=evaluate), evaluated)
    demo.count("activities evaluated")


def _active_from(demo: DemoWorld, window: Window | None) -> date:
    return window.active_from if window is not None else date(demo.year, 1, 6)


def _as_organiser(demo: DemoWorld, window: Window | None) -> Envelope:
    first = demo.at(demo.first_day)
    return demo.as_window(window, first) if window is not None else demo.as_hub(first)
