"""A public service activity is planned → held → evaluated, or cancelled before it is held."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

from ledger.application.interface.activities import activity_view
from ledger.domain import ids
from ledger.domain.activity import (
    MAX_ACTIVITY_DAYS,
    MAX_PARTICIPANTS,
    Activity,
    ActivityKind,
    ActivityMode,
    ActivityStatus,
    Evaluation,
    Holding,
    Plan,
)
from ledger.domain.envelope import Envelope
from ledger.domain.platform import PlatformKind
from ledger.domain.values import uscc_check_character
from tests.unit.builders import (
    OTHER_WINDOW_ID,
    WINDOW_ID,
    assert_refused,
    assert_refused_unchanged,
    meta,
)

# 09:00 in Ningxia on 2 March 2026; the activity is planned for 16 March.
PLANNED_AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
HELD_AT = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)
ENTERPRISES = ("91640104MA71TJ3Y8G", "91440101MA5CJQ4N59")
PLAN = Plan(
    external_ref="ACT-2026-001",
    kind=ActivityKind.POLICY_BRIEFING,
    title="2026年中小企业惠企政策宣讲会",
    starts_on=date(2026, 3, 16),
    ends_on=date(2026, 3, 16),
    mode=ActivityMode.ONSITE,
    venue="银川市中小企业公共服务大厅",
    category="100200",
    expected_attendance=80,
)
HOLDING = Holding(held_on=date(2026, 3, 16), attendance=64, enterprises=ENTERPRISES)
EVALUATION = Evaluation({"5": 30, "4": 10, "3": 2}, "讲解清楚")


def at(when: datetime, platform_id: UUID = WINDOW_ID) -> Envelope:
    return meta(platform_id=platform_id, occurred_at=when)


def planned(plan: Plan = PLAN) -> Activity:
    return Activity.plan_activity(
        organiser_id=WINDOW_ID, organiser_kind=PlatformKind.WINDOW, plan=plan, meta=at(PLANNED_AT)
    )


def held(holding: Holding = HOLDING) -> Activity:
    activity = planned()
    activity.hold(holding, at(HELD_AT))
    return activity


def evaluated() -> Activity:
    activity = held()
    activity.evaluate(EVALUATION, at(HELD_AT + timedelta(days=1)))
    return activity


def cancelled() -> Activity:
    activity = planned()
    activity.cancel("场地临时不可用", at(PLANNED_AT + timedelta(days=1)))
    return activity


def uscc(n: int) -> str:
    first17 = f"91640100MA{n:07d}"
    return first17 + uscc_check_character(first17)


# --- the life of an activity ----------------------------------------------------------------


def test_an_activity_is_planned_held_and_evaluated() -> None:
    activity = planned()
    statuses = [activity.status]
    activity.hold(HOLDING, at(HELD_AT))
    statuses.append(activity.status)
    activity.evaluate(EVALUATION, at(HELD_AT + timedelta(days=1)))
    statuses.append(activity.status)

    assert statuses == [ActivityStatus.PLANNED, ActivityStatus.HELD, ActivityStatus.EVALUATED]
    assert activity.id == ids.activity_id(WINDOW_ID, "ACT-2026-001")
    assert activity.organiser_id == WINDOW_ID
    assert activity.plan == PLAN
    assert activity.holding == HOLDING
    assert [type(e) for e in activity.collect_events()] == [
        Activity.Planned,
        Activity.Held,
        Activity.Evaluated,
    ]


def test_the_same_external_ref_of_two_organisers_makes_two_activities() -> None:
    other = Activity.plan_activity(
        organiser_id=OTHER_WINDOW_ID,
        organiser_kind=PlatformKind.WINDOW,
        plan=PLAN,
        meta=at(PLANNED_AT, OTHER_WINDOW_ID),
    )
    assert other.id != planned().id


def test_a_hub_organises_activities_too() -> None:
    hub_id = UUID("00000000-0000-4000-8000-0000000000a0")
    activity = Activity.plan_activity(
        organiser_id=hub_id, organiser_kind=PlatformKind.HUB, plan=PLAN, meta=at(PLANNED_AT, hub_id)
    )
    assert activity_view(activity)["organiser_kind"] == "hub"


def test_the_evaluation_is_kept_as_a_distribution_with_its_average() -> None:
    view = activity_view(evaluated())

    assert view["evaluation"] == {
        "counts": {"1": 0, "2": 0, "3": 2, "4": 10, "5": 30},
        "responses": 42,
        "satisfied": 40,
        "average": "4.67",
        "comment": "讲解清楚",
    }


def test_the_average_satisfaction_is_rounded_half_up_to_the_hundredth() -> None:
    # 33 / 8 = 4.125: half-up gives 4.13 where banker's rounding would give 4.12.
    assert str(Evaluation({"5": 4, "4": 1, "3": 3}).average) == "4.13"


def test_replaying_the_events_rebuilds_the_same_activity() -> None:
    activity = evaluated()
    copy: Activity | None = None
    for event in activity.collect_events():
        copy = event.mutate(copy)
    assert copy is not None
    assert activity_view(copy) == activity_view(activity)


def test_every_event_carries_the_envelope_of_its_command() -> None:
    envelopes = [at(PLANNED_AT), at(HELD_AT), at(HELD_AT + timedelta(hours=1))]
    activity = Activity.plan_activity(
        organiser_id=WINDOW_ID, organiser_kind=PlatformKind.WINDOW, plan=PLAN, meta=envelopes[0]
    )
    activity.hold(HOLDING, envelopes[1])
    activity.evaluate(EVALUATION, envelopes[2])
    assert [e.meta for e in activity.collect_events()] == envelopes  # type: ignore[attr-defined]


def test_a_planned_activity_can_be_cancelled_with_its_reason() -> None:
    activity = cancelled()
    assert activity.status is ActivityStatus.CANCELLED
    assert activity.cancellation_reason == "场地临时不可用"


# --- planning rules -------------------------------------------------------------------------


def test_a_platform_plans_activities_only_for_itself() -> None:
    assert_refused(
        "not_activity_organiser",
        lambda: Activity.plan_activity(
            organiser_id=WINDOW_ID,
            organiser_kind=PlatformKind.WINDOW,
            plan=PLAN,
            meta=at(PLANNED_AT, OTHER_WINDOW_ID),
        ),
    )


def test_an_activity_needs_a_title() -> None:
    assert_refused("activity_title_required", lambda: planned(replace(PLAN, title="  ")))


def test_the_title_and_venue_are_stored_without_surrounding_spaces() -> None:
    activity = planned(replace(PLAN, title=" 路演 ", venue=" 大厅 "))
    assert activity.plan is not None
    assert (activity.plan.title, activity.plan.venue) == ("路演", "大厅")


def test_an_activity_cannot_end_before_it_starts() -> None:
    plan = replace(PLAN, starts_on=date(2026, 3, 16), ends_on=date(2026, 3, 15))
    assert_refused("invalid_activity_dates", lambda: planned(plan))


def test_a_multi_day_activity_runs_for_at_most_the_maximum_number_of_days() -> None:
    start = date(2026, 4, 1)
    longest = replace(PLAN, starts_on=start, ends_on=start + timedelta(days=MAX_ACTIVITY_DAYS - 1))
    too_long = replace(longest, ends_on=longest.ends_on + timedelta(days=1))

    assert planned(longest).status is ActivityStatus.PLANNED
    assert_refused("invalid_activity_dates", lambda: planned(too_long))


@pytest.mark.parametrize("mode", [ActivityMode.ONSITE, ActivityMode.HYBRID])
def test_an_activity_held_in_a_place_names_its_venue(mode: ActivityMode) -> None:
    assert_refused("venue_required", lambda: planned(replace(PLAN, mode=mode, venue=" ")))


def test_an_online_activity_needs_no_venue() -> None:
    activity = planned(replace(PLAN, mode=ActivityMode.ONLINE, venue=""))
    assert activity.plan is not None
    assert activity.plan.venue == ""


@pytest.mark.parametrize("expected", [0, -1, 100_001, True])
def test_the_expected_attendance_is_a_sensible_whole_number(expected: int) -> None:
    assert_refused(
        "invalid_attendance", lambda: planned(replace(PLAN, expected_attendance=expected))
    )


def test_the_service_category_is_a_known_code() -> None:
    assert_refused("unknown_category", lambda: planned(replace(PLAN, category="180000")))


# --- holding rules --------------------------------------------------------------------------


def test_participating_enterprises_are_canonical_and_de_duplicated_in_first_given_order() -> None:
    roster = (ENTERPRISES[1].lower(), ENTERPRISES[0], f" {ENTERPRISES[1]} ")
    activity = held(replace(HOLDING, enterprises=roster))

    assert activity.holding is not None
    assert activity.holding.enterprises == (ENTERPRISES[1], ENTERPRISES[0])


def test_an_activity_may_be_held_without_named_enterprises() -> None:
    activity = held(replace(HOLDING, enterprises=()))
    assert activity.status is ActivityStatus.HELD


def test_a_participant_with_a_wrong_check_character_is_refused() -> None:
    wrong = "91350203M0001QAY9B"
    error = assert_refused(
        "invalid_uscc", lambda: held(replace(HOLDING, enterprises=(ENTERPRISES[0], wrong)))
    )
    assert error.context["value"] == wrong


def test_one_holding_names_at_most_the_maximum_number_of_enterprises() -> None:
    most = tuple(uscc(n) for n in range(MAX_PARTICIPANTS))
    activity = held(Holding(HOLDING.held_on, MAX_PARTICIPANTS, (*most, most[0])))
    assert activity.holding is not None
    assert len(activity.holding.enterprises) == MAX_PARTICIPANTS

    too_many = (*most, uscc(MAX_PARTICIPANTS))
    assert_refused(
        "too_many_participants",
        lambda: held(Holding(HOLDING.held_on, MAX_PARTICIPANTS + 1, too_many)),
    )


def test_attendance_is_at_least_the_number_of_participating_enterprises() -> None:
    holding = replace(HOLDING, attendance=1, enterprises=ENTERPRISES)
    error = assert_refused("invalid_attendance", lambda: held(holding))
    assert error.context == {"attendance": 1, "enterprises": 2}


def test_attendance_counted_once_per_distinct_enterprise() -> None:
    holding = replace(HOLDING, attendance=1, enterprises=(ENTERPRISES[0], ENTERPRISES[0].lower()))
    assert held(holding).status is ActivityStatus.HELD


@pytest.mark.parametrize("attendance", [0, 100_001])
def test_attendance_is_a_sensible_whole_number(attendance: int) -> None:
    holding = replace(HOLDING, attendance=attendance, enterprises=())
    assert_refused("invalid_attendance", lambda: held(holding))


def test_an_activity_may_be_held_on_another_day_than_planned() -> None:
    activity = held(replace(HOLDING, held_on=date(2026, 3, 10)))
    assert activity.holding is not None
    assert activity.plan is not None
    assert activity.holding.held_on < activity.plan.starts_on


def test_an_activity_cannot_be_held_before_the_day_it_was_planned() -> None:
    holding = replace(HOLDING, held_on=date(2026, 3, 1))
    error = assert_refused("invalid_held_on", lambda: held(holding))
    assert error.context == {"planned_on": "2026-03-02"}


def test_an_activity_is_recorded_as_held_only_once_it_took_place() -> None:
    activity = planned()
    holding = replace(HOLDING, held_on=date(2026, 3, 17))
    assert_refused("invalid_held_on", lambda: activity.hold(holding, at(HELD_AT)))


def test_the_day_of_holding_is_the_ningxia_date() -> None:
    # 17:00 UTC on 15 March is 01:00 on 16 March in Ningxia: held on the 16th, already over.
    activity = planned()
    activity.hold(HOLDING, at(datetime(2026, 3, 15, 17, 0, tzinfo=UTC)))
    assert activity.status is ActivityStatus.HELD


def test_the_day_of_holding_is_not_the_utc_date() -> None:
    # 15:00 UTC on 16 March is 23:00 on the 16th in Ningxia; the 17th has not come yet.
    activity = planned()
    holding = replace(HOLDING, held_on=date(2026, 3, 17))
    when = datetime(2026, 3, 16, 15, 0, tzinfo=UTC)
    assert_refused("invalid_held_on", lambda: activity.hold(holding, at(when)))


# --- evaluation rules -----------------------------------------------------------------------


def test_missing_ratings_are_recorded_as_zero_answers() -> None:
    activity = evaluated()
    assert activity.evaluation is not None
    assert activity.evaluation.counts == {"1": 0, "2": 0, "3": 2, "4": 10, "5": 30}


@pytest.mark.parametrize(
    "counts",
    [
        pytest.param({"6": 1}, id="rating-6"),
        pytest.param({"0": 1}, id="rating-0"),
        pytest.param({"5": -1, "4": 3}, id="negative"),
        pytest.param({"5": True}, id="bool"),
        pytest.param({}, id="no-answers"),
        pytest.param({"5": 0, "1": 0}, id="all-zero"),
        pytest.param({"5": 60, "4": 5}, id="more-answers-than-attendees"),
    ],
)
def test_satisfaction_counts_are_checked(counts: dict[str, int]) -> None:
    activity = held()
    assert_refused(
        "invalid_satisfaction_counts",
        lambda: activity.evaluate(Evaluation(counts), at(HELD_AT + timedelta(days=1))),
    )


def test_every_attendee_may_answer_the_survey() -> None:
    activity = held()
    activity.evaluate(Evaluation({"5": HOLDING.attendance}), at(HELD_AT + timedelta(days=1)))
    assert activity.status is ActivityStatus.EVALUATED


# --- illegal transitions --------------------------------------------------------------------


def _hold(activity: Activity, when: datetime) -> None:
    activity.hold(HOLDING, at(when))


def _evaluate(activity: Activity, when: datetime) -> None:
    activity.evaluate(EVALUATION, at(when))


def _cancel(activity: Activity, when: datetime) -> None:
    activity.cancel("改期", at(when))


STEPS = {"hold": _hold, "evaluate": _evaluate, "cancel": _cancel}
LATER = HELD_AT + timedelta(days=2)

ILLEGAL = [
    pytest.param(held, "hold", "activity_already_held", id="hold-twice"),
    pytest.param(evaluated, "hold", "activity_finalised", id="hold-after-evaluation"),
    pytest.param(cancelled, "hold", "activity_finalised", id="hold-after-cancellation"),
    pytest.param(planned, "evaluate", "activity_not_held", id="evaluate-before-holding"),
    pytest.param(evaluated, "evaluate", "activity_finalised", id="evaluate-twice"),
    pytest.param(cancelled, "evaluate", "activity_finalised", id="evaluate-cancelled"),
    pytest.param(held, "cancel", "activity_already_held", id="cancel-after-holding"),
    pytest.param(evaluated, "cancel", "activity_finalised", id="cancel-after-evaluation"),
    pytest.param(cancelled, "cancel", "activity_finalised", id="cancel-twice"),
]


@pytest.mark.parametrize(("build", "step", "code"), ILLEGAL)
def test_an_illegal_transition_is_refused_and_records_nothing(
    build: Callable[[], Activity], step: str, code: str
) -> None:
    assert_refused_unchanged(build(), code, lambda activity: STEPS[step](activity, LATER))


@pytest.mark.parametrize("step", list(STEPS))
def test_only_the_organiser_acts_on_its_activity(step: str) -> None:
    activity = held() if step == "evaluate" else planned()
    assert_refused(
        "not_activity_organiser",
        lambda: {
            "hold": lambda: activity.hold(HOLDING, at(HELD_AT, OTHER_WINDOW_ID)),
            "evaluate": lambda: activity.evaluate(EVALUATION, at(LATER, OTHER_WINDOW_ID)),
            "cancel": lambda: activity.cancel("改期", at(LATER, OTHER_WINDOW_ID)),
        }[step](),
    )


@pytest.mark.parametrize(
    ("build", "step", "when"),
    [
        pytest.param(planned, "hold", PLANNED_AT - timedelta(seconds=1), id="hold"),
        pytest.param(held, "evaluate", HELD_AT - timedelta(seconds=1), id="evaluate"),
        pytest.param(planned, "cancel", PLANNED_AT - timedelta(seconds=1), id="cancel"),
    ],
)
def test_a_step_cannot_happen_before_the_step_it_follows(
    build: Callable[[], Activity], step: str, when: datetime
) -> None:
    activity = build()
    holding = replace(HOLDING, held_on=date(2026, 3, 2))
    action = {
        "hold": lambda: activity.hold(holding, at(when)),
        "evaluate": lambda: activity.evaluate(EVALUATION, at(when)),
        "cancel": lambda: activity.cancel("改期", at(when)),
    }[step]
    assert_refused("occurred_before_previous_step", action)


def test_a_cancellation_says_why() -> None:
    activity = planned()
    assert_refused("reason_required", lambda: activity.cancel("  ", at(LATER)))
