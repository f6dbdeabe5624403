"""Idempotency-Key: a retried POST gets the original answer and records nothing new."""

from __future__ import annotations

import orjson
import pytest

from tests.api._support import (
    Api,
    assert_problem,
    assert_replayed,
    assignment_body,
    closure_body,
    enterprise_body,
    opening_body,
)


def _replayed_metric(api: Api) -> float:
    for line in api.client.get("/metrics").text.splitlines():
        if line.startswith("ledger_idempotent_replays_total "):
            return float(line.split()[1])
    raise AssertionError("ledger_idempotent_replays_total is not exposed")


def test_a_retried_opening_gets_the_same_201_byte_for_byte_and_records_nothing(api: Api) -> None:
    body = opening_body()
    headers = {"Idempotency-Key": "open-1"}
    first = api.post("/v1/service-cases", key=api.keys.window_a, json=body, headers=headers)
    head = api.head()

    retry = api.post("/v1/service-cases", key=api.keys.window_a, json=body, headers=headers)

    assert_replayed(first, retry, 201)
    assert retry.headers["location"] == first.headers["location"]
    assert retry.headers["etag"] == first.headers["etag"]
    assert "idempotent-replayed" not in first.headers
    assert api.head() == head


def test_a_retried_enterprise_registration_replays_its_location(api: Api) -> None:
    body = enterprise_body()
    headers = {"Idempotency-Key": "enterprise-1"}
    first = api.post("/v1/enterprises", key=api.keys.hub, json=body, headers=headers)

    retry = api.post("/v1/enterprises", key=api.keys.hub, json=body, headers=headers)

    assert_replayed(first, retry, 201)
    assert first.headers["location"] == f"/v1/enterprises/{body['uscc']}"
    assert retry.headers["location"] == first.headers["location"]


def test_a_retried_step_gets_the_same_200_even_after_the_case_moved_on(api: Api) -> None:
    case_id = api.case_ready_for("assignment")
    path = f"/v1/service-cases/{case_id}/assignment"
    headers = {"Idempotency-Key": "assign-1"}
    first = api.post(path, key=api.keys.window_a, json=assignment_body(), headers=headers)
    api.step(case_id, "delivery")
    head = api.head()

    retry = api.post(path, key=api.keys.window_a, json=assignment_body(), headers=headers)

    assert_replayed(first, retry, 200)
    assert "location" not in retry.headers
    assert api.head() == head


def test_the_same_body_with_its_fields_in_another_order_is_the_same_request(api: Api) -> None:
    body = opening_body()
    headers = {"Idempotency-Key": "open-reordered", "Content-Type": "application/json"}
    first = api.post(
        "/v1/service-cases", key=api.keys.window_a, content=orjson.dumps(body), headers=headers
    )

    reordered = dict(reversed(list(body.items())))
    retry = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        content=orjson.dumps(reordered, option=orjson.OPT_INDENT_2),
        headers=headers,
    )

    assert_replayed(first, retry, 201)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"description": "另一个需求"}, id="changed-field"),
        pytest.param({"category": "131000"}, id="changed-code"),
    ],
)
def test_the_same_key_with_a_different_body_is_refused_and_records_nothing(
    api: Api, change: dict[str, str]
) -> None:
    body = opening_body()
    headers = {"Idempotency-Key": "open-2"}
    api.post("/v1/service-cases", key=api.keys.window_a, json=body, headers=headers)
    head = api.head()

    reuse = api.post(
        "/v1/service-cases", key=api.keys.window_a, json={**body, **change}, headers=headers
    )

    problem = assert_problem(reuse, 422, "idempotency_key_reused")
    assert "open-2" in problem["detail"]
    assert api.head() == head


def test_the_same_key_on_another_route_is_a_different_request(api: Api) -> None:
    case_id = api.case_ready_for("closure")
    headers = {"Idempotency-Key": "step-1"}
    api.post(
        f"/v1/service-cases/{case_id}/closure",
        key=api.keys.window_a,
        json=closure_body(note=""),
        headers=headers,
    )

    other = api.post(
        f"/v1/service-cases/{case_id}/feedback",
        key=api.keys.window_a,
        json={"satisfaction": 4},
        headers=headers,
    )

    assert_problem(other, 422, "idempotency_key_reused")


def test_keys_are_scoped_per_principal_so_two_windows_never_collide(api: Api) -> None:
    body = opening_body()
    headers = {"Idempotency-Key": "shared-key"}

    a = api.post("/v1/service-cases", key=api.keys.window_a, json=body, headers=headers)
    b = api.post("/v1/service-cases", key=api.keys.window_b, json=body, headers=headers)

    assert a.status_code == b.status_code == 201
    assert "idempotent-replayed" not in b.headers
    assert a.json()["window_id"] == str(api.window_a_id)
    assert b.json()["window_id"] == str(api.window_b_id)
    assert a.json()["id"] != b.json()["id"]


def test_a_different_body_under_another_principals_key_is_not_a_reuse(api: Api) -> None:
    headers = {"Idempotency-Key": "shared-key"}
    api.post("/v1/service-cases", key=api.keys.window_a, json=opening_body(), headers=headers)

    b = api.post("/v1/service-cases", key=api.keys.window_b, json=opening_body(), headers=headers)

    assert b.status_code == 201, b.text


def test_a_request_that_was_refused_is_run_again_when_retried(api: Api) -> None:
    body = opening_body(category="18")
    headers = {"Idempotency-Key": "refused-1"}
    refused = api.post("/v1/service-cases", key=api.keys.window_a, json=body, headers=headers)

    retry = api.post("/v1/service-cases", key=api.keys.window_a, json=body, headers=headers)

    assert_problem(refused, 422, "unknown_category")
    assert_problem(retry, 422, "unknown_category")
    assert "idempotent-replayed" not in retry.headers


def test_a_replay_is_counted_as_a_replay(api: Api) -> None:
    body = opening_body()
    headers = {"Idempotency-Key": "counted"}
    api.post("/v1/service-cases", key=api.keys.window_a, json=body, headers=headers)
    before = _replayed_metric(api)

    api.post("/v1/service-cases", key=api.keys.window_a, json=body, headers=headers)

    assert _replayed_metric(api) == before + 1


@pytest.mark.parametrize(
    "key", [pytest.param("", id="empty"), pytest.param("k" * 256, id="too-long")]
)
def test_an_idempotency_key_outside_1_to_255_characters_is_refused(api: Api, key: str) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(),
        headers={"Idempotency-Key": key},
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert [e["loc"] for e in problem["errors"]] == [["header", "Idempotency-Key"]]
