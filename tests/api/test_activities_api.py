"""Public service activities over HTTP: their life, their rules, who may see and change them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.api._support import (
    ACTIVITY_STEP_BODIES,
    ENTERPRISE_USCC,
    JSON,
    SECOND_ENTERPRISE_USCC,
    TODAY,
    Api,
    activity_body,
    activity_ready_for,
    activity_step,
    assert_problem,
    assert_refused_unrecorded,
    assert_replayed,
    evaluation_body,
    holding_body,
    later,
    plan_activity,
)


def _without_position(body: JSON) -> JSON:
    return {k: v for k, v in body.items() if k != "position"}


def test_an_activity_is_planned_held_and_evaluated(api: Api) -> None:
    planned = api.post("/v1/activities", key=api.keys.window_a, json=activity_body())
    activity_id = planned.json()["id"]
    held = api.post(
        f"/v1/activities/{activity_id}/holding", key=api.keys.window_a, json=holding_body()
    )
    evaluated = api.post(
        f"/v1/activities/{activity_id}/evaluation", key=api.keys.window_a, json=evaluation_body()
    )

    assert [r.status_code for r in (planned, held, evaluated)] == [201, 200, 200]
    assert [r.json()["status"] for r in (planned, held, evaluated)] == [
        "planned",
        "held",
        "evaluated",
    ]
    assert [r.headers["etag"] for r in (planned, held, evaluated)] == ['"1"', '"2"', '"3"']
    assert planned.headers["location"] == f"/v1/activities/{activity_id}"
    assert evaluated.json()["position"] == api.head()
    body = evaluated.json()
    assert body["organiser_id"] == str(api.window_a_id)
    assert body["organiser_kind"] == "window"
    assert body["ends_on"] == body["starts_on"] == TODAY.isoformat()
    assert body["holding"] == {
        "held_on": TODAY.isoformat(),
        "attendance": 35,
        "enterprise_count": 2,
        "enterprises": [ENTERPRISE_USCC, SECOND_ENTERPRISE_USCC],
    }
    assert body["evaluation"] == {
        "counts": {"1": 0, "2": 0, "3": 2, "4": 8, "5": 20},
        "responses": 30,
        "satisfied": 28,
        "average": "4.60",
        "comment": "内容实用",
    }


def test_the_activity_read_after_the_last_write_is_what_the_write_answered(api: Api) -> None:
    activity_id = activity_ready_for(api, "evaluation")
    last = api.post(
        f"/v1/activities/{activity_id}/evaluation", key=api.keys.window_a, json=evaluation_body()
    )

    read = api.get(f"/v1/activities/{activity_id}", key=api.keys.bureau)

    assert read.status_code == 200
    assert read.headers["etag"] == '"3"'
    assert read.json() == _without_position(last.json())


def test_the_history_lists_each_step_with_its_envelope(api: Api) -> None:
    activity_id = activity_ready_for(api, "evaluation")
    activity_step(api, activity_id, "evaluation")

    response = api.get(f"/v1/activities/{activity_id}/history", key=api.keys.auditor)

    assert response.status_code == 200
    events = response.json()["events"]
    assert [e["type"] for e in events] == [
        "Activity.Planned",
        "Activity.Held",
        "Activity.Evaluated",
    ]
    assert {e["meta"]["platform_id"] for e in events} == {str(api.window_a_id)}
    assert events[1]["data"]["enterprises"] == [ENTERPRISE_USCC, SECOND_ENTERPRISE_USCC]


def test_an_activity_can_be_read_as_it_was_at_an_earlier_version(api: Api) -> None:
    activity_id = activity_ready_for(api, "evaluation")

    response = api.get(f"/v1/activities/{activity_id}", key=api.keys.hub, params={"version": 1})

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["holding"]) == ("planned", None)


def test_a_planned_activity_is_cancelled_with_its_reason(api: Api) -> None:
    activity_id = activity_ready_for(api, "cancellation")

    body = activity_step(api, activity_id, "cancellation")

    assert (body["status"], body["cancellation_reason"]) == ("cancelled", "讲师临时无法到场")


def test_an_online_multi_day_activity_needs_no_venue(api: Api) -> None:
    ends_on = (TODAY + timedelta(days=4)).isoformat()

    body = plan_activity(api, mode="online", venue="", kind="startup_camp", ends_on=ends_on)

    assert (body["venue"], body["ends_on"]) == ("", ends_on)


def test_the_hub_organises_its_own_activities(api: Api) -> None:
    body = plan_activity(api, key=api.keys.hub, kind="contest")
    activity_id = body["id"]

    held = activity_step(api, activity_id, "holding", key=api.keys.hub)

    assert body["organiser_id"] == str(api.hub_id)
    assert body["organiser_kind"] == "hub"
    assert held["status"] == "held"


def test_the_same_external_ref_is_never_planned_twice(api: Api) -> None:
    body = activity_body()
    first = api.post("/v1/activities", key=api.keys.window_a, json=body)
    head = api.head()

    again = api.post("/v1/activities", key=api.keys.window_a, json={**body, "title": "另一个活动"})

    assert first.status_code == 201
    assert_problem(again, 409, "activity_exists")
    assert api.head() == head


def test_two_organisers_may_use_the_same_external_ref(api: Api) -> None:
    a = plan_activity(api, external_ref="ACT-1")
    b = plan_activity(api, key=api.keys.window_b, external_ref="ACT-1")
    assert a["id"] != b["id"]


# --- rules and illegal transitions over HTTP ------------------------------------------------

PLANNING_RULES = [
    pytest.param({"venue": ""}, "venue_required", id="onsite-without-venue"),
    pytest.param({"category": "180000"}, "unknown_category", id="unknown-category"),
    pytest.param(
        {"ends_on": (TODAY - timedelta(days=1)).isoformat()},
        "invalid_activity_dates",
        id="ends-before-it-starts",
    ),
    pytest.param(
        {"ends_on": (TODAY + timedelta(days=92)).isoformat()},
        "invalid_activity_dates",
        id="longer-than-92-days",
    ),
    pytest.param({"occurred_at": later(hours=1)}, "occurred_in_future", id="planned-in-future"),
]


@pytest.mark.parametrize(("overrides", "code"), PLANNING_RULES)
def test_a_plan_that_breaks_a_rule_is_refused_with_its_code(
    api: Api, overrides: JSON, code: str
) -> None:
    assert_refused_unrecorded(
        api, 422, code, "/v1/activities", key=api.keys.window_a, json=activity_body(**overrides)
    )


HOLDING_RULES = [
    pytest.param(
        {"enterprises": [ENTERPRISE_USCC, "91350203M0001QAY9B"]}, "invalid_uscc", id="bad-uscc"
    ),
    pytest.param({"attendance": 1}, "invalid_attendance", id="fewer-people-than-enterprises"),
    pytest.param(
        {"held_on": (TODAY + timedelta(days=1)).isoformat()}, "invalid_held_on", id="tomorrow"
    ),
    pytest.param(
        {"held_on": (TODAY - timedelta(days=1)).isoformat()},
        "invalid_held_on",
        id="before-it-was-planned",
    ),
    pytest.param(
        {"occurred_at": later(hours=-1)},
        "occurred_before_previous_step",
        id="recorded-before-the-plan",
    ),
]


@pytest.mark.parametrize(("overrides", "code"), HOLDING_RULES)
def test_a_holding_that_breaks_a_rule_is_refused_with_its_code(
    api: Api, overrides: JSON, code: str
) -> None:
    activity_id = activity_ready_for(api, "holding")
    assert_refused_unrecorded(
        api,
        422,
        code,
        f"/v1/activities/{activity_id}/holding",
        key=api.keys.window_a,
        json=holding_body(**overrides),
    )


def test_a_roster_naming_an_enterprise_twice_counts_it_once(api: Api) -> None:
    activity_id = activity_ready_for(api, "holding")

    body = activity_step(
        api,
        activity_id,
        "holding",
        attendance=1,
        enterprises=[ENTERPRISE_USCC, ENTERPRISE_USCC.lower()],
    )

    assert body["holding"]["enterprises"] == [ENTERPRISE_USCC]


@pytest.mark.parametrize(
    ("counts", "code"),
    [
        pytest.param({"5": 36}, "invalid_satisfaction_counts", id="more-answers-than-attendees"),
        pytest.param({"6": 1}, "validation_failed", id="a-rating-outside-one-to-five"),
    ],
)
def test_survey_answers_that_cannot_be_are_refused(
    api: Api, counts: dict[str, int], code: str
) -> None:
    activity_id = activity_ready_for(api, "evaluation")

    response = api.post(
        f"/v1/activities/{activity_id}/evaluation",
        key=api.keys.window_a,
        json=evaluation_body(counts=counts),
    )

    assert_problem(response, 422, code)


# (state reached, step attempted, code)
ILLEGAL = [
    pytest.param(("holding",), "holding", "activity_already_held", id="hold-twice"),
    pytest.param((), "evaluation", "activity_not_held", id="evaluate-before-holding"),
    pytest.param(("holding",), "cancellation", "activity_already_held", id="cancel-after-held"),
    pytest.param(
        ("holding", "evaluation"), "evaluation", "activity_finalised", id="evaluate-twice"
    ),
    pytest.param(
        ("holding", "evaluation"), "cancellation", "activity_finalised", id="cancel-evaluated"
    ),
    pytest.param(("cancellation",), "holding", "activity_finalised", id="hold-cancelled"),
    pytest.param(("cancellation",), "evaluation", "activity_finalised", id="evaluate-cancelled"),
    pytest.param(("cancellation",), "cancellation", "activity_finalised", id="cancel-twice"),
]


@pytest.mark.parametrize(("before", "step", "code"), ILLEGAL)
def test_an_illegal_transition_is_422_with_its_code_and_records_nothing(
    api: Api, before: tuple[str, ...], step: str, code: str
) -> None:
    activity_id = str(plan_activity(api)["id"])
    for earlier in before:
        activity_step(api, activity_id, earlier)
    assert_refused_unrecorded(
        api,
        422,
        code,
        f"/v1/activities/{activity_id}/{step}",
        key=api.keys.window_a,
        json=ACTIVITY_STEP_BODIES[step](),
    )


def test_a_stale_if_match_is_412_and_a_current_one_is_accepted(api: Api) -> None:
    activity_id = activity_ready_for(api, "holding")

    def hold(version: str) -> int:
        return api.post(
            f"/v1/activities/{activity_id}/holding",
            key=api.keys.window_a,
            json=holding_body(),
            headers={"If-Match": version},
        ).status_code

    assert hold('"2"') == 412
    assert hold('"1"') == 200


def test_an_unknown_activity_is_404(api: Api) -> None:
    response = api.get("/v1/activities/00000000-0000-4000-8000-000000000000", key=api.keys.auditor)
    assert_problem(response, 404, "activity_not_found")


def test_the_organiser_cannot_be_named_in_the_body(api: Api) -> None:
    response = api.post(
        "/v1/activities",
        key=api.keys.window_a,
        json=activity_body(organiser_id=str(api.window_b_id)),
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"][0]["loc"] == ["body", "organiser_id"]


# --- idempotency ------------------------------------------------------------------------------


def test_a_retried_plan_gets_the_same_answer_and_records_nothing(api: Api) -> None:
    body = activity_body()
    headers = {"Idempotency-Key": "plan-1"}
    first = api.post("/v1/activities", key=api.keys.window_a, json=body, headers=headers)
    head = api.head()

    retry = api.post("/v1/activities", key=api.keys.window_a, json=body, headers=headers)

    assert_replayed(first, retry, 201)
    assert retry.headers["location"] == first.headers["location"]
    assert api.head() == head


def test_a_retried_holding_gets_the_same_answer_even_after_the_activity_moved_on(
    api: Api,
) -> None:
    activity_id = activity_ready_for(api, "holding")
    headers = {"Idempotency-Key": "hold-1"}
    path = f"/v1/activities/{activity_id}/holding"
    first = api.post(path, key=api.keys.window_a, json=holding_body(), headers=headers)
    activity_step(api, activity_id, "evaluation")
    head = api.head()

    retry = api.post(path, key=api.keys.window_a, json=holding_body(), headers=headers)

    assert (first.status_code, retry.status_code) == (200, 200)
    assert retry.content == first.content
    assert api.head() == head


def test_an_idempotency_key_reused_for_another_plan_is_refused(api: Api) -> None:
    headers = {"Idempotency-Key": "plan-2"}
    api.post("/v1/activities", key=api.keys.window_a, json=activity_body(), headers=headers)
    assert_refused_unrecorded(
        api,
        422,
        "idempotency_key_reused",
        "/v1/activities",
        key=api.keys.window_a,
        json=activity_body(),
        headers=headers,
    )
