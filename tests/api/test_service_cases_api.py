"""Service cases over HTTP: the whole life of a case, its versions, its past and its history."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
import pytest

from ledger.application.queries.access_keys import authenticate
from ledger.domain.time import CST
from tests.api._support import (
    JSON,
    NOW,
    STEP_BODIES,
    Api,
    assert_problem,
    assignment_body,
    delivery_body,
    enterprise_body,
    feedback_body,
    later,
    opening_body,
    platform_body,
)

LIFE = ("assignment", "delivery", "feedback", "closure")
STATUSES = ["opened", "assigned", "delivered", "feedback_received", "closed"]
EVENT_TYPES = [
    "ServiceCase.Opened",
    "ServiceCase.Assigned",
    "ServiceCase.Delivered",
    "ServiceCase.FeedbackReceived",
    "ServiceCase.Closed",
]


def _live_a_whole_life(api: Api) -> list[httpx.Response]:
    """Open a case and take it to closure; every write's response, in order."""
    opened = api.post("/v1/service-cases", key=api.keys.window_a, json=opening_body())
    responses = [opened]
    for step in LIFE:
        responses.append(
            api.post(
                f"/v1/service-cases/{opened.json()['id']}/{step}",
                key=api.keys.window_a,
                json=STEP_BODIES[step](),
            )
        )
    return responses


def _without_position(body: JSON) -> JSON:
    return {k: v for k, v in body.items() if k != "position"}


def test_a_case_goes_from_opened_to_closed_with_an_etag_and_a_rising_position_each_step(
    api: Api,
) -> None:
    responses = _live_a_whole_life(api)

    assert [r.status_code for r in responses] == [201, 200, 200, 200, 200]
    bodies = [r.json() for r in responses]
    assert [b["status"] for b in bodies] == STATUSES
    assert [b["version"] for b in bodies] == [1, 2, 3, 4, 5]
    assert [r.headers["etag"] for r in responses] == ['"1"', '"2"', '"3"', '"4"', '"5"']
    positions = [b["position"] for b in bodies]
    assert positions == sorted(positions)
    assert len(set(positions)) == len(positions)
    assert positions[-1] == api.head()


def test_the_case_read_after_the_last_write_is_what_the_write_answered(api: Api) -> None:
    *_, closed = _live_a_whole_life(api)
    case_id = closed.json()["id"]

    read = api.get(f"/v1/service-cases/{case_id}", key=api.keys.bureau)

    assert read.status_code == 200
    assert read.headers["etag"] == '"5"'
    assert read.json() == _without_position(closed.json())
    assert read.json()["delivery"] == {
        "delivered_on": "2026-03-02",
        "mode": "onsite",
        "fee_type": "discounted",
        "fee_amount": "300.00",
    }
    assert read.json()["feedback"] == {"satisfaction": 5, "comment": "响应及时"}


def test_an_opening_answers_with_the_location_of_the_new_case(api: Api) -> None:
    opened = api.post("/v1/service-cases", key=api.keys.window_a, json=opening_body())

    assert opened.headers["location"] == f"/v1/service-cases/{opened.json()['id']}"
    assert api.get(opened.headers["location"], key=api.keys.hub).status_code == 200


def test_an_already_delivered_service_is_recorded_in_one_call(api: Api) -> None:
    body = opening_body(
        assignment=assignment_body(),
        delivery=delivery_body(fee_type="free", fee_amount="0.00"),
        feedback=feedback_body(satisfaction=4),
    )

    response = api.post("/v1/service-cases", key=api.keys.window_a, json=body)

    assert response.status_code == 201, response.text
    assert response.headers["etag"] == '"4"'
    assert response.json()["status"] == "feedback_received"
    assert response.json()["position"] == api.head()
    events = api.history(response.json()["id"])
    assert [e["type"] for e in events] == EVENT_TYPES[:4]
    positions = [e["position"] for e in events]
    assert positions == list(range(positions[0], positions[0] + 4))
    assert len({e["meta"]["correlation_id"] for e in events}) == 1


def test_each_step_of_a_one_call_record_keeps_its_own_business_time(api: Api) -> None:
    body = opening_body(
        occurred_at=later(hours=-3),
        assignment=assignment_body(occurred_at=later(hours=-2)),
        delivery=delivery_body(occurred_at=later(hours=-1)),
    )

    response = api.post("/v1/service-cases", key=api.keys.window_a, json=body)

    assert response.status_code == 201, response.text
    occurred = [e["meta"]["occurred_at"] for e in api.history(response.json()["id"])]
    assert occurred == [(NOW + timedelta(hours=h)).isoformat() for h in (-3, -2, -1)]


def test_a_one_call_record_with_a_refused_step_records_nothing_at_all(api: Api) -> None:
    body = opening_body(
        assignment=assignment_body(), delivery=delivery_body(fee_type="paid", fee_amount="0.00")
    )
    head = api.head()

    response = api.post("/v1/service-cases", key=api.keys.window_a, json=body)

    assert_problem(response, 422, "invalid_fee")
    assert api.head() == head
    retry = api.post(
        "/v1/service-cases", key=api.keys.window_a, json={**body, "delivery": delivery_body()}
    )
    assert retry.status_code == 201, retry.text


def test_a_case_not_yet_delivered_can_be_cancelled(api: Api) -> None:
    case_id = api.case_ready_for("cancellation")

    cancelled = api.step(case_id, "cancellation")

    assert cancelled["status"] == "cancelled"
    assert cancelled["cancellation_reason"] == "企业撤回需求"


# --- reading the past --------------------------------------------------------------------------


def test_each_version_of_a_case_can_be_read_with_its_etag(api: Api) -> None:
    case_id = _live_a_whole_life(api)[0].json()["id"]

    reads = [
        api.get(f"/v1/service-cases/{case_id}", key=api.keys.auditor, params={"version": v})
        for v in range(1, 6)
    ]

    assert [r.json()["status"] for r in reads] == STATUSES
    assert [r.headers["etag"] for r in reads] == ['"1"', '"2"', '"3"', '"4"', '"5"']


def test_a_version_the_case_has_not_reached_is_not_found(api: Api) -> None:
    case_id = api.open_case()["id"]

    response = api.get(f"/v1/service-cases/{case_id}", key=api.keys.auditor, params={"version": 2})

    assert_problem(response, 404, "service_case_not_found")


def test_version_zero_is_refused(api: Api) -> None:
    case_id = api.open_case()["id"]

    response = api.get(f"/v1/service-cases/{case_id}", key=api.keys.auditor, params={"version": 0})

    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"][0]["loc"] == ["query", "version"]


def _recorded_at(event: JSON) -> datetime:
    return datetime.fromisoformat(event["recorded_at"])


def test_as_of_a_time_between_two_writes_gives_the_earlier_state(api: Api) -> None:
    case_id = api.case_ready_for("delivery")
    opened, assigned = (_recorded_at(e) for e in api.history(case_id))
    between = opened + (assigned - opened) / 2

    response = api.get(
        f"/v1/service-cases/{case_id}", key=api.keys.auditor, params={"as_of": between.isoformat()}
    )

    assert response.status_code == 200
    assert response.json()["status"] == "opened"
    assert response.headers["etag"] == '"1"'


def test_as_of_the_moment_of_a_write_includes_it_in_any_offset(api: Api) -> None:
    case_id = api.case_ready_for("delivery")
    assigned = _recorded_at(api.history(case_id)[1])

    response = api.get(
        f"/v1/service-cases/{case_id}",
        key=api.keys.auditor,
        params={"as_of": assigned.astimezone(CST).isoformat()},
    )

    assert response.json()["status"] == "assigned"


def test_as_of_a_time_before_the_case_was_recorded_is_not_found(api: Api) -> None:
    case_id = api.open_case()["id"]
    opened = _recorded_at(api.history(case_id)[0])

    response = api.get(
        f"/v1/service-cases/{case_id}",
        key=api.keys.auditor,
        params={"as_of": (opened - timedelta(microseconds=1)).isoformat()},
    )

    assert_problem(response, 404, "service_case_not_found")


def test_as_of_without_an_offset_is_refused(api: Api) -> None:
    case_id = api.open_case()["id"]

    response = api.get(
        f"/v1/service-cases/{case_id}",
        key=api.keys.auditor,
        params={"as_of": "2026-03-02T10:00:00"},
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"][0]["loc"] == ["query", "as_of"]
    assert problem["errors"][0]["type"] == "timezone_aware"


# --- history -----------------------------------------------------------------------------------


def test_history_lists_every_event_with_its_envelope_and_log_position(api: Api) -> None:
    responses = _live_a_whole_life(api)
    case_id = responses[0].json()["id"]
    key = authenticate(api.ledger, api.keys.window_a)
    assert key is not None

    response = api.get(f"/v1/service-cases/{case_id}/history", key=api.keys.auditor)

    assert response.status_code == 200
    assert response.json()["stream_id"] == case_id
    events = response.json()["events"]
    assert [e["type"] for e in events] == EVENT_TYPES
    assert [e["version"] for e in events] == [1, 2, 3, 4, 5]
    assert [e["position"] for e in events] == [r.json()["position"] for r in responses]
    assert {e["stream_id"] for e in events} == {case_id}
    request_ids = [r.headers["x-request-id"] for r in responses]
    assert [e["meta"] for e in events] == [
        {
            "actor": f"key:{key.id}",
            "platform_id": str(api.window_a_id),
            "correlation_id": request_id,
            "causation_id": request_id,
            "occurred_at": NOW.isoformat(),
        }
        for request_id in request_ids
    ]
    assert events[2]["data"] == {
        "delivered_on": "2026-03-02",
        "mode": "onsite",
        "fee_type": "discounted",
        "fee_amount": "300.00",
    }


# --- enterprises and platforms -----------------------------------------------------------------


def test_an_enterprise_is_registered_and_read_back_by_its_uscc(api: Api) -> None:
    body = enterprise_body()

    created = api.post("/v1/enterprises", key=api.keys.window_a, json=body)
    read = api.get(created.headers["location"], key=api.keys.bureau)

    assert created.status_code == 201
    assert created.headers["location"] == f"/v1/enterprises/{body['uscc']}"
    assert read.status_code == 200
    assert read.json() == _without_position(created.json())
    assert read.json()["size_class"] == "small"
    assert read.json()["is_sme"] is True


def test_an_enterprise_is_found_whatever_the_case_of_its_uscc(api: Api) -> None:
    body = enterprise_body(uscc="91640100MA7AY4CL31")
    api.post("/v1/enterprises", key=api.keys.window_a, json=body)

    read = api.get("/v1/enterprises/91640100ma7ay4cl31", key=api.keys.bureau)

    assert read.status_code == 200
    assert read.json()["uscc"] == "91640100MA7AY4CL31"


@pytest.mark.parametrize("kind", ["hub", "window"])
def test_a_platform_is_registered_connected_and_read_back(api: Api, kind: str) -> None:
    created = api.post("/v1/platforms", key=api.keys.admin, json=platform_body(kind=kind))

    read = api.get(created.headers["location"], key=api.keys.auditor)

    assert created.status_code == 201
    assert read.json() == _without_position(created.json())
    assert read.json()["kind"] == kind
    assert read.json()["status"] == "connected"
