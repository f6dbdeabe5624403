"""Public service activities on a real (SQLite) ledger: planning, steps, ownership, storage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.activities import (
    ActivityStep,
    Evaluate,
    Hold,
    PlanActivity,
    StepActivity,
)
from ledger.application.context import IdempotencyRequest
from ledger.application.interface.activities import activity_view
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.activity import (
    Activity,
    ActivityKind,
    ActivityMode,
    ActivityStatus,
    Evaluation,
    Holding,
    Plan,
)
from ledger.domain.errors import (
    ActivityExistsError,
    ActivityNotFoundError,
    LedgerError,
    NotActivityOrganiserError,
    PreconditionFailedError,
    WrongPlatformKindError,
)
from tests.acting import act, assert_refused_unrecorded
from tests.application.support import (
    ENTERPRISE_USCC,
    envelope,
)

PLANNED_AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
HELD_AT = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)
EVALUATED_AT = HELD_AT + timedelta(days=1)
PLAN = Plan(
    external_ref="ACT-2026-001",
    kind=ActivityKind.ROADSHOW,
    title="创客项目路演",
    starts_on=date(2026, 3, 16),
    ends_on=date(2026, 3, 16),
    mode=ActivityMode.HYBRID,
    venue="宁夏中小企业公共服务大厅",
    category="120600",
    expected_attendance=50,
)
HOLDING = Holding(date(2026, 3, 16), 40, (ENTERPRISE_USCC, "91440101MA5CJQ4N59"))
EVALUATION = Evaluation({"5": 20, "4": 8, "2": 1}, "")


def plan(
    ledger: LedgerApplication,
    organiser_id: UUID,
    the_plan: Plan = PLAN,
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    return act(
        ledger,
        PlanActivity(plan=the_plan),
        envelope(organiser_id, PLANNED_AT),
        idempotency=idempotency,
    )


def step(
    ledger: LedgerApplication,
    activity_id: UUID,
    platform_id: UUID,
    taken: ActivityStep,
    expected_version: int | None = None,
    when: datetime = HELD_AT,
) -> Outcome:
    return act(
        ledger,
        StepActivity(activity_id=activity_id, step=taken),
        envelope(platform_id, when),
        expected_version=expected_version,
    )


HOLD = Hold(holding=HOLDING)


def test_a_window_plans_holds_and_evaluates_an_activity(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    planned = plan(ledger, window_id)
    activity_id = planned.resource_id
    held = step(ledger, activity_id, window_id, HOLD)
    evaluated = step(
        ledger, activity_id, window_id, Evaluate(evaluation=EVALUATION), when=EVALUATED_AT
    )

    assert activity_id == ids.activity_id(window_id, "ACT-2026-001")
    assert (planned.created, planned.version, held.version, evaluated.version) == (True, 1, 2, 3)
    assert [planned.body["status"], held.body["status"], evaluated.body["status"]] == [
        "planned",
        "held",
        "evaluated",
    ]
    assert evaluated.position == ledger.head_position()
    stored = ledger.get(Activity, activity_id)
    assert stored.status is ActivityStatus.EVALUATED
    assert activity_view(stored) == evaluated.body


def test_what_is_stored_reads_back_exactly(ledger: LedgerApplication, window_id: UUID) -> None:
    activity_id = plan(ledger, window_id).resource_id
    step(ledger, activity_id, window_id, HOLD)

    stored = ledger.get(Activity, activity_id)

    assert stored.plan == PLAN
    assert stored.holding == HOLDING
    assert stored.planned_at == PLANNED_AT
    assert ledger.get(Activity, activity_id, version=1).status is ActivityStatus.PLANNED


def test_the_hub_organises_its_own_activities(ledger: LedgerApplication, hub_id: UUID) -> None:
    outcome = plan(ledger, hub_id)

    assert outcome.body["organiser_kind"] == "hub"
    assert outcome.body["organiser_id"] == str(hub_id)
    assert step(ledger, outcome.resource_id, hub_id, HOLD).body["status"] == "held"


def test_the_same_external_ref_is_never_planned_twice(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    plan(ledger, window_id)
    assert_refused_unrecorded(
        ledger,
        ActivityExistsError,
        "activity_exists",
        lambda: plan(ledger, window_id, replace(PLAN, title="另一个标题")),
    )


def test_two_organisers_may_use_the_same_external_ref(
    ledger: LedgerApplication, window_id: UUID, other_window_id: UUID
) -> None:
    first = plan(ledger, window_id)
    second = plan(ledger, other_window_id)
    assert first.resource_id != second.resource_id


def test_a_key_without_a_platform_organises_nothing(ledger: LedgerApplication) -> None:
    with pytest.raises(WrongPlatformKindError):
        act(ledger, PlanActivity(plan=PLAN), envelope(None, PLANNED_AT))
    assert ledger.head_position() == 0


def test_another_windows_activity_is_reported_as_absent_and_left_unchanged(
    ledger: LedgerApplication, window_id: UUID, other_window_id: UUID
) -> None:
    activity_id = plan(ledger, window_id).resource_id
    assert_refused_unrecorded(
        ledger,
        ActivityNotFoundError,
        "activity_not_found",
        lambda: step(ledger, activity_id, other_window_id, HOLD, expected_version=9),
    )
    assert ledger.get(Activity, activity_id).status is ActivityStatus.PLANNED


def test_the_hub_sees_a_windows_activity_but_does_not_act_on_it(
    ledger: LedgerApplication, window_id: UUID, hub_id: UUID
) -> None:
    activity_id = plan(ledger, window_id).resource_id

    with pytest.raises(NotActivityOrganiserError) as excinfo:
        step(ledger, activity_id, hub_id, HOLD)

    assert excinfo.value.code == "not_activity_organiser"
    assert ledger.get(Activity, activity_id).version == 1


def test_a_stale_version_is_refused(ledger: LedgerApplication, window_id: UUID) -> None:
    activity_id = plan(ledger, window_id).resource_id

    with pytest.raises(PreconditionFailedError):
        step(ledger, activity_id, window_id, HOLD, expected_version=2)
    assert step(ledger, activity_id, window_id, HOLD, expected_version=1).version == 2


@pytest.mark.parametrize(
    "stream",
    [pytest.param(lambda w: uuid4(), id="unknown"), pytest.param(lambda w: w, id="a-platform")],
)
def test_a_stream_that_is_not_an_activity_is_not_found(
    ledger: LedgerApplication, window_id: UUID, stream: Callable[[UUID], UUID]
) -> None:
    with pytest.raises(ActivityNotFoundError):
        step(ledger, stream(window_id), window_id, HOLD)
    with pytest.raises(ActivityNotFoundError):
        ledger.get(Activity, stream(window_id))


def test_a_refused_step_records_nothing(ledger: LedgerApplication, window_id: UUID) -> None:
    activity_id = plan(ledger, window_id).resource_id
    assert_refused_unrecorded(
        ledger,
        LedgerError,
        "activity_not_held",
        lambda: step(ledger, activity_id, window_id, Evaluate(evaluation=EVALUATION)),
    )


def test_planning_again_with_the_same_idempotency_key_replays_the_first_answer(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    request = IdempotencyRequest("key:test", "k-1", "fingerprint")
    first = plan(ledger, window_id, idempotency=request)
    head = ledger.head_position()

    again = plan(ledger, window_id, idempotency=request)

    assert again.replayed
    assert (again.resource_id, again.version, again.body) == (
        first.resource_id,
        first.version,
        first.body,
    )
    assert ledger.head_position() == head
