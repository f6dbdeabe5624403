"""Trainings of service staff over HTTP (Art. 6.7): planned, held with a roster, amended and
closed, or cancelled, by their organiser only; seen by those whose staff they trained; counted
per participant and year; refused input leaves the log as it was; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    JSON,
    READS,
    STORES,
    TODAY,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    assert_replayed,
    later,
    store_url,
)
from tests.api.complaints_support import INSTITUTION_ID, ok
from tests.api.training_support import (
    TRAININGS,
    hub_roster,
    trainee,
    training_at,
    training_body,
)

# Refused before anything reaches the store: asked of one store, not of both.
ONE_STORE = pytest.mark.parametrize("ledger_url", ["sqlite"], indirect=True)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def test_a_training_is_planned_held_amended_and_closed(api: Api) -> None:
    planned = api.post(TRAININGS, key=api.keys.hub, json=training_body())
    assert planned.status_code == 201, planned.text
    path = f"{TRAININGS}/{planned.json()['id']}"
    assert planned.headers["location"] == path
    assert (planned.json()["status"], planned.json()["organiser_kind"]) == ("planned", "hub")

    held = ok(api, f"{path}/roster", api.keys.hub, {"roster": hub_roster(api)})
    corrected = [*hub_roster(api)[:2], trainee(INSTITUTION_ID, "杨志军", hours="12")]
    amended = ok(
        api, f"{path}/roster-amendment", api.keys.hub,
        {"roster": corrected, "reasons": "补考通过"},
    )  # fmt: skip
    closed = ok(api, f"{path}/closure", api.keys.hub, {"note": "归档"})

    assert (held["status"], len(held["roster"])) == ("held", 3)
    assert held["roster"][2] == {
        "participant_id": str(INSTITUTION_ID),
        "participant_kind": "institution",
        "name": "杨志军",
        "role": "服务专员",
        "hours": "8.5",
        "result": "failed",
    }
    assert (amended["roster"][2]["result"], amended["roster_amendments"]) == ("passed", 1)
    assert (closed["status"], closed["closing_note"]) == ("closed", "归档")
    history = api.get(f"{path}/history", key=api.keys.auditor).json()["events"]
    assert [e["type"] for e in history] == [
        "Training.Planned", "Training.Held", "Training.RosterAmended", "Training.Closed",
    ]  # fmt: skip


def test_a_closed_training_keeps_its_roster(api: Api) -> None:
    training_id = training_at(api, "closed")

    assert_refused_unrecorded(
        api, 422, "training_step_out_of_order", f"{TRAININGS}/{training_id}/roster-amendment",
        key=api.keys.hub, json={"roster": [trainee(api.window_a_id)], "reasons": "更正"},
    )  # fmt: skip


def test_a_planned_training_is_cancelled_and_takes_no_roster(api: Api) -> None:
    training_id = training_at(api, "cancelled")
    read = api.get(f"{TRAININGS}/{training_id}", key=api.keys.bureau).json()

    assert (read["status"], read["cancellation_reasons"]) == ("cancelled", "讲师无法到场")
    assert_refused_unrecorded(
        api, 422, "training_step_out_of_order", f"{TRAININGS}/{training_id}/roster",
        key=api.keys.hub, json={"roster": hub_roster(api)},
    )  # fmt: skip


def test_a_window_trains_its_own_staff_only(api: Api) -> None:
    training_id = training_at(api, "planned", api.keys.window_a)
    path = f"{TRAININGS}/{training_id}/roster"

    assert_refused_unrecorded(
        api, 422, "trainee_not_own_staff", path, key=api.keys.window_a,
        json={"roster": [trainee(api.window_a_id), trainee(api.window_b_id, "王强")]},
    )  # fmt: skip
    held = ok(api, path, api.keys.window_a, {"roster": [trainee(api.window_a_id)]})

    assert (held["organiser_kind"], held["status"]) == ("window", "held")


def test_only_the_organiser_records_what_became_of_a_training(api: Api) -> None:
    training_id = training_at(api, "planned", api.keys.window_a)

    assert_refused_unrecorded(
        api, 422, "not_training_organiser", f"{TRAININGS}/{training_id}/cancellation",
        key=api.keys.hub, json={"reasons": "代为取消"},
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 404, "training_not_found", f"{TRAININGS}/{training_id}/cancellation",
        key=api.keys.window_b, json={"reasons": "代为取消"},
    )  # fmt: skip


@pytest.mark.parametrize(("suffix", "params"), READS)
def test_those_whose_staff_were_not_trained_are_told_it_does_not_exist(
    api: Api, suffix: str, params: dict[str, object]
) -> None:
    held = training_at(api, "held")
    planned = training_at(api, "planned")

    def read(training_id: str, key: str) -> int:
        path = f"{TRAININGS}/{training_id}{suffix}"
        response = api.get(path, key=key, params=params)
        if response.status_code == 404:
            assert_problem(response, 404, "training_not_found")
        return response.status_code

    assert read(held, api.keys.window_a) == read(held, api.keys.institution) == 200
    assert read(held, api.keys.window_b) == 404
    assert read(planned, api.keys.window_a) == read(planned, api.keys.institution) == 404
    assert read(planned, api.keys.bureau) == read(planned, api.keys.auditor) == 200


def test_the_list_counts_per_participant_and_year(api: Api) -> None:
    training_at(api, "closed")
    training_at(api, "held")
    training_at(api, "planned")
    training_at(api, "held", api.keys.window_a)
    training_at(api, "planned", starts_on="2025-06-01", ends_on="2025-06-01", hours="6")

    def listed(key: str, **params: object) -> JSON:
        response = api.get(TRAININGS, key=key, params=params)
        assert response.status_code == 200, response.text
        body: JSON = response.json()
        return body

    window_a = listed(api.keys.bureau, participant_id=str(api.window_a_id), year=2026)
    assert len(window_a["trainings"]) == 3
    assert window_a["counts"] == {
        "trainings": 3,
        "trainees": 5,
        "hours": "36.0",
        "passed": 3,
        "failed": 0,
        "absent": 2,
    }
    institution = listed(api.keys.hub, participant_id=str(INSTITUTION_ID), year=2026)["counts"]
    assert (institution["trainees"], institution["hours"], institution["failed"]) == (2, "17.0", 2)
    assert len(listed(api.keys.auditor, year=2026)["trainings"]) == 4
    assert len(listed(api.keys.auditor)["trainings"]) == 5
    assert len(listed(api.keys.window_a)["trainings"]) == 3
    assert len(listed(api.keys.institution)["trainings"]) == 2
    assert listed(api.keys.window_b)["trainings"] == []


@ONE_STORE
@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        pytest.param({"title": "   "}, "validation_failed", id="blank-title"),
        pytest.param({"category": "cooking"}, "validation_failed", id="category"),
        pytest.param({"ends_on": "2026-02-28"}, "invalid_training_dates", id="ends-first"),
        pytest.param({"starts_on": "2025-10-01"}, "invalid_training_dates", id="too-long"),
        pytest.param({"hours": "0"}, "invalid_training_hours", id="no-hours"),
        pytest.param({"hours": "21"}, "invalid_training_hours", id="over-10-a-day"),
        pytest.param({"hours": "1.25"}, "validation_failed", id="two-decimals"),
        pytest.param({"occurred_at": later(days=1)}, "occurred_in_future", id="future"),
        pytest.param({"ends_on": "2040-01-01", "starts_on": "2040-01-01", "hours": "6"},
                     "date_beyond_horizon", id="beyond-horizon"),
    ],
)  # fmt: skip
def test_a_wrong_training_is_refused_and_nothing_is_recorded(
    api: Api, overrides: dict[str, object], code: str
) -> None:
    body = training_body(**overrides)

    assert_refused_unrecorded(api, 422, code, TRAININGS, key=api.keys.hub, json=body)


def test_the_same_reference_is_planned_once(api: Api) -> None:
    body = training_body()
    ok(api, TRAININGS, api.keys.hub, body, 201)

    assert_refused_unrecorded(api, 409, "training_exists", TRAININGS, key=api.keys.hub, json=body)


@pytest.mark.parametrize("role", [Role.BUREAU, Role.INSTITUTION, Role.AUDITOR, Role.ADMIN])
def test_only_the_hub_and_windows_organise(api: Api, role: Role) -> None:
    assert_refused_unrecorded(
        api, 403, "forbidden_role", TRAININGS, key=api.keys.for_role(role), json=training_body()
    )


@ONE_STORE
@pytest.mark.parametrize(
    ("entry", "code"),
    [
        pytest.param({"participant_id": str(uuid.uuid4())}, "unknown_participant", id="unknown"),
        pytest.param({"hours": "13"}, "invalid_attended_hours", id="over-the-hours"),
        pytest.param({"hours": "0"}, "invalid_attended_hours", id="passed-without-hours"),
        pytest.param({"result": "absent"}, "invalid_attended_hours", id="absent-with-hours"),
        pytest.param({"name": "马晓兰13995112233"}, "personal_number_refused", id="phone"),
        pytest.param({"role": "640102199001011234"}, "personal_number_refused", id="id-number"),
        pytest.param({"phone": "13995112233"}, "validation_failed", id="phone-field"),
        pytest.param({"result": "excellent"}, "validation_failed", id="result"),
    ],
)
def test_a_wrong_roster_is_refused_and_nothing_is_recorded(
    api: Api, entry: dict[str, object], code: str
) -> None:
    training_id = training_at(api, "planned")
    roster = [trainee(api.window_a_id, "王强"), {**trainee(api.window_a_id), **entry}]

    assert_refused_unrecorded(
        api, 422, code, f"{TRAININGS}/{training_id}/roster", key=api.keys.hub,
        json={"roster": roster},
    )  # fmt: skip


@ONE_STORE
@pytest.mark.parametrize(
    ("stage", "step", "body", "code"),
    [
        pytest.param("planned", "roster", {"roster": []}, "validation_failed", id="empty"),
        pytest.param("planned", "roster", "twice", "invalid_roster", id="twice"),
        pytest.param("planned", "closure", {}, "training_step_out_of_order", id="close-planned"),
        pytest.param("held", "cancellation", {"reasons": "x"}, "training_step_out_of_order",
                     id="cancel-held"),
        pytest.param("held", "roster-amendment", "same", "roster_unchanged", id="unchanged"),
        pytest.param("held", "closure", {"occurred_at": later(hours=-1)},
                     "occurred_before_previous_step", id="before-the-roster"),
    ],
)  # fmt: skip
def test_a_step_out_of_order_or_ill_formed_changes_nothing(
    api: Api, stage: str, step: str, body: object, code: str
) -> None:
    training_id = training_at(api, stage)
    if body == "twice":
        body = {"roster": [trainee(api.window_a_id), trainee(api.window_a_id)]}
    elif body == "same":
        body = {"roster": hub_roster(api), "reasons": "核对"}
    elif isinstance(body, dict) and step == "roster" and "roster" not in body:
        body = {"roster": hub_roster(api), **body}

    assert_refused_unrecorded(
        api, 422, code, f"{TRAININGS}/{training_id}/{step}", key=api.keys.hub, json=body
    )


def test_a_roster_is_recorded_once_the_training_has_ended(api: Api) -> None:
    tomorrow = TODAY.fromordinal(TODAY.toordinal() + 1).isoformat()
    training_id = training_at(api, "planned", ends_on=tomorrow)

    problem = assert_refused_unrecorded(
        api, 422, "training_not_ended", f"{TRAININGS}/{training_id}/roster", key=api.keys.hub,
        json={"roster": hub_roster(api)},
    )  # fmt: skip
    assert problem["context"]["ends_on"] == tomorrow


def test_a_retried_plan_and_roster_are_answered_as_the_first_time(api: Api) -> None:
    body = training_body()
    headers = {"Idempotency-Key": f"plan-{uuid.uuid4()}"}
    first = api.post(TRAININGS, key=api.keys.hub, json=body, headers=headers)
    head = api.head()
    retry = api.post(TRAININGS, key=api.keys.hub, json=body, headers=headers)
    assert_replayed(first, retry, 201)

    path = f"{TRAININGS}/{first.json()['id']}/roster"
    roster = {"roster": hub_roster(api)}
    step_headers = {"Idempotency-Key": f"roster-{uuid.uuid4()}"}
    held = api.post(path, key=api.keys.hub, json=roster, headers=step_headers)
    again = api.post(path, key=api.keys.hub, json=roster, headers=step_headers)

    assert_replayed(held, again, 200)
    assert api.head() == head + 1
