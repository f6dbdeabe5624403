"""Onboarding requests over HTTP: the conditions a step is sent under (If-Match,
Idempotency-Key), and what is refused before anything is decided."""

from __future__ import annotations

import pytest

from ledger.domain import ids
from tests.api._support import JSON, Api, assert_problem, post_if_match
from tests.api.onboarding_support import application_at, application_body, register_expert

BASE = "/v1/onboarding-applications"


def test_a_step_on_a_stale_version_is_refused_with_412(api: Api) -> None:
    application_id = application_at(api, "review_concluded")

    response = post_if_match(api, f"{BASE}/{application_id}/approval", api.keys.bureau, {}, 1)

    assert_problem(response, 412, "version_mismatch")


def test_a_retried_step_with_its_idempotency_key_is_replayed(api: Api) -> None:
    application_id = application_at(api, "review_concluded")
    headers = {"Idempotency-Key": "approve-once"}

    first = api.post(
        f"{BASE}/{application_id}/approval", key=api.keys.bureau, json={}, headers=headers
    )
    second = api.post(
        f"{BASE}/{application_id}/approval", key=api.keys.bureau, json={}, headers=headers
    )

    assert first.status_code == second.status_code == 200
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()


@pytest.mark.parametrize("spelled", ["+1", "1.0", "01"])
def test_the_objection_number_is_one_request_however_it_is_spelled(api: Api, spelled: str) -> None:
    """The Idempotency-Key fingerprint names the objection by the number the route reads."""
    application_id = application_at(api, "objected_to")
    headers = {"Idempotency-Key": "resolve-once"}
    body = {"outcome": "dismissed", "reasons": "经核实不属实"}

    first = api.post(
        f"{BASE}/{application_id}/objections/{spelled}/resolution",
        key=api.keys.bureau,
        json=body,
        headers=headers,
    )
    second = api.post(
        f"{BASE}/{application_id}/objections/1/resolution",
        key=api.keys.bureau,
        json=body,
        headers=headers,
    )

    assert first.status_code == second.status_code == 200, second.text
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()


def test_an_unknown_application_is_not_found(api: Api) -> None:
    missing = ids.onboarding_application_id("never")

    read = api.get(f"{BASE}/{missing}", key=api.keys.auditor)
    step = api.post(f"{BASE}/{missing}/withdrawal", key=api.keys.hub, json={"reason": "撤回"})

    assert_problem(read, 404, "onboarding_application_not_found")
    assert_problem(step, 404, "onboarding_application_not_found")


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"materials_sha256": "5f" * 31}, id="short-digest"),
        pytest.param({"categories": []}, id="no-category"),
        pytest.param({"uscc": "91640100MA7AY4CL3"}, id="short-uscc"),
        pytest.param({"platform_id": "00000000-0000-4000-8000-000000000001"}, id="unknown-field"),
    ],
)
def test_a_malformed_application_is_refused_before_anything_is_decided(
    api: Api, overrides: JSON
) -> None:
    response = api.post(BASE, key=api.keys.hub, json=application_body(**overrides))

    assert_problem(response, 422, "validation_failed")


def test_a_score_out_of_range_is_refused_by_the_schema(api: Api) -> None:
    application_id = application_at(api, "submitted")

    response = api.post(
        f"{BASE}/{application_id}/reviews",
        key=api.keys.hub,
        json={"expert_id": str(register_expert(api)), "score": 101},
    )

    assert_problem(response, 422, "validation_failed")
