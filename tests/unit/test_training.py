"""Trainings of service staff (Art. 6.7): dates and hours, the roster's rules, and the order of
the steps, on the aggregate alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from ledger.domain import ids
from ledger.domain.agreement_terms import PartyKind
from ledger.domain.envelope import Envelope
from ledger.domain.platform import PlatformKind
from ledger.domain.training import (
    Trainee,
    TraineeResult,
    Training,
    TrainingCategory,
    TrainingStatus,
)
from tests.unit.builders import refusal_code

HUB_ID = UUID("00000000-0000-4000-8000-0000000000a1")
WINDOW_ID = UUID("00000000-0000-4000-8000-000000000001")
INSTITUTION_ID = UUID("00000000-0000-4000-8000-0000000000b1")
PLANNED_AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 on 2 March in Ningxia


def meta(platform_id: UUID = HUB_ID, days: float = 0) -> Envelope:
    return Envelope(
        actor=f"key:{platform_id}",
        platform_id=platform_id,
        correlation_id="req-test",
        causation_id=None,
        occurred_at=PLANNED_AT + timedelta(days=days),
    )


def planned(organiser: UUID = HUB_ID, **overrides: Any) -> Training:
    kind = PlatformKind.HUB if organiser == HUB_ID else PlatformKind.WINDOW
    fields: dict[str, object] = {
        "organiser_id": organiser,
        "organiser_kind": kind,
        "external_ref": "PX-001",
        "title": " 服务人员培训 ",
        "category": TrainingCategory.POLICY,
        "starts_on": date(2026, 3, 10),
        "ends_on": date(2026, 3, 11),
        "hours": Decimal("12"),
        "meta": meta(organiser),
        **overrides,
    }
    # Loosely typed on purpose: tests send wrong values too.
    return Training.plan(**fields)  # type: ignore[arg-type]


def trainee(participant: UUID = WINDOW_ID, name: str = "马晓兰", **overrides: object) -> Trainee:
    entry = Trainee(
        participant, PartyKind.WINDOW, name, "服务专员", Decimal("12"), TraineeResult.PASSED
    )
    return replace(entry, **overrides)  # type: ignore[arg-type]


def held(organiser: UUID = HUB_ID) -> Training:
    training = planned(organiser)
    training.record_roster([trainee()], meta(organiser, days=9))
    return training


def test_a_training_is_planned_by_its_organiser_under_its_reference() -> None:
    training = planned()

    assert training.id == ids.training_id(HUB_ID, "PX-001")
    assert (training.title, training.status) == ("服务人员培训", TrainingStatus.PLANNED)


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        pytest.param({"title": "  "}, "blank_field", id="blank-title"),
        pytest.param({"ends_on": date(2026, 3, 9)}, "invalid_training_dates", id="ends-first"),
        pytest.param({"ends_on": date(2026, 6, 10)}, "invalid_training_dates", id="too-long"),
        pytest.param({"hours": Decimal(0)}, "invalid_training_hours", id="no-hours"),
        pytest.param({"hours": Decimal("20.5")}, "invalid_training_hours", id="over-10-a-day"),
        pytest.param({"hours": Decimal("1.25")}, "invalid_training_hours", id="two-decimals"),
        pytest.param({"hours": Decimal("NaN")}, "invalid_training_hours", id="not-a-number"),
        pytest.param({"meta": meta(WINDOW_ID)}, "not_training_organiser", id="for-another"),
    ],
)
def test_a_wrong_plan_is_refused(overrides: dict[str, Any], code: str) -> None:
    assert refusal_code(lambda: planned(**overrides)) == code


def test_the_roster_is_recorded_once_the_training_has_ended() -> None:
    training = planned()

    code = refusal_code(lambda: training.record_roster([trainee()], meta(days=8)))
    training.record_roster([trainee(name=" 李娜 ", role=" 顾问 ")], meta(days=9))

    assert code == "training_not_ended"
    assert training.status is TrainingStatus.HELD
    assert (training.roster[0].name, training.roster[0].role) == ("李娜", "顾问")


@pytest.mark.parametrize(
    ("roster", "code"),
    [
        pytest.param([], "invalid_roster", id="empty"),
        pytest.param([trainee(), trainee()], "invalid_roster", id="twice"),
        pytest.param([trainee(name=" ")], "blank_field", id="no-name"),
        pytest.param([trainee(hours=Decimal(13))], "invalid_attended_hours", id="over"),
        pytest.param([trainee(hours=Decimal(-1))], "invalid_attended_hours", id="negative"),
        pytest.param([trainee(hours=Decimal(0))], "invalid_attended_hours", id="passed-absent"),
        pytest.param([trainee(result=TraineeResult.ABSENT)], "invalid_attended_hours",
                     id="absent-attended"),
        pytest.param([trainee(name="马晓兰 139 9511 2233")], None, id="spaced-digits-kept"),
        pytest.param([trainee(name="马晓兰13995112233")], "personal_number_refused", id="phone"),
        pytest.param([trainee(role="640102199001011234")], "personal_number_refused", id="id"),
    ],
)  # fmt: skip
def test_a_wrong_roster_is_refused(roster: list[Trainee], code: str | None) -> None:
    training = planned()

    if code is None:
        training.record_roster(roster, meta(days=9))
    else:
        assert refusal_code(lambda: training.record_roster(roster, meta(days=9))) == code


def test_a_window_trains_its_own_staff_and_the_hub_the_networks() -> None:
    window = planned(WINDOW_ID)
    hub = planned()
    staff = [trainee(), trainee(INSTITUTION_ID, "杨志军", participant_kind=PartyKind.INSTITUTION)]

    code = refusal_code(lambda: window.record_roster(staff, meta(WINDOW_ID, days=9)))
    hub.record_roster(staff, meta(days=9))

    assert code == "trainee_not_own_staff"
    assert hub.participant_ids == {WINDOW_ID, INSTITUTION_ID}


def test_the_roster_is_amended_with_reasons_until_the_training_is_closed() -> None:
    training = held()
    absent = [trainee(hours=Decimal(0), result=TraineeResult.ABSENT)]

    unchanged = refusal_code(lambda: training.amend_roster([trainee()], "核对", meta(days=10)))
    no_reasons = refusal_code(lambda: training.amend_roster(absent, " ", meta(days=10)))
    training.amend_roster(absent, "未到场", meta(days=10))
    training.close("归档", meta(days=11))
    closed = refusal_code(lambda: training.amend_roster([trainee()], "更正", meta(days=12)))

    assert (unchanged, no_reasons, closed) == (
        "roster_unchanged",
        "reasons_required",
        "training_step_out_of_order",
    )
    assert (training.amendments, training.roster[0].result) == (1, TraineeResult.ABSENT)
    assert training.status is TrainingStatus.CLOSED


def test_only_a_planned_training_is_cancelled_and_only_a_held_one_closed() -> None:
    training = planned()

    assert refusal_code(lambda: training.close("", meta(days=1))) == "training_step_out_of_order"
    assert refusal_code(lambda: training.cancel(" ", meta(days=1))) == "reasons_required"
    training.cancel("改期", meta(days=1))
    assert training.status is TrainingStatus.CANCELLED
    code = refusal_code(lambda: training.record_roster([trainee()], meta(days=9)))
    assert code == "training_step_out_of_order"
    assert refusal_code(lambda: held().cancel("x", meta(days=10))) == "training_step_out_of_order"


def test_only_the_organiser_takes_a_step_and_never_before_the_previous_one() -> None:
    training = held(WINDOW_ID)

    assert refusal_code(lambda: training.close("", meta(HUB_ID, days=10))) == (
        "not_training_organiser"
    )
    assert refusal_code(lambda: training.close("", meta(WINDOW_ID, days=8))) == (
        "occurred_before_previous_step"
    )
