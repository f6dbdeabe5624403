"""A window sees and touches only its own cases, and cannot claim another platform."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.api._support import (
    READS,
    STEP_BODIES,
    Api,
    assert_not_found_by_window_a,
    assert_problem,
    assignment_body,
    opening_body,
)


@pytest.fixture
def b_case(api: Api) -> str:
    """A case window B opened, with the same external reference window A could guess."""
    return str(api.open_case(key=api.keys.window_b, external_ref="YC-2026-000123")["id"])


def _snapshot(api: Api, case_id: str) -> tuple[bytes, list[object]]:
    """Window B's own view of its case: the resource and its history."""
    now = api.get(f"/v1/service-cases/{case_id}", key=api.keys.window_b)
    assert now.status_code == 200
    return now.content, list(api.history(case_id, key=api.keys.window_b))


@pytest.mark.parametrize(("suffix", "params"), READS)
def test_a_window_cannot_read_another_windows_case(
    api: Api, b_case: str, suffix: str, params: dict[str, object]
) -> None:
    path, detail = f"/v1/service-cases/{b_case}", f"No service case with id {b_case}."
    assert_not_found_by_window_a(api, path, suffix, params, "service_case_not_found", detail)


@pytest.mark.parametrize("step", list(STEP_BODIES))
def test_a_window_cannot_act_on_another_windows_case_and_the_case_is_unchanged(
    api: Api, b_case: str, step: str
) -> None:
    before = _snapshot(api, b_case)
    head = api.head()

    response = api.post(
        f"/v1/service-cases/{b_case}/{step}", key=api.keys.window_a, json=STEP_BODIES[step]()
    )

    assert_problem(response, 404, "service_case_not_found")
    assert _snapshot(api, b_case) == before
    assert api.head() == head


def test_the_same_external_ref_in_two_windows_makes_two_cases(api: Api, b_case: str) -> None:
    a_case = api.open_case(key=api.keys.window_a, external_ref="YC-2026-000123")

    assert a_case["id"] != b_case
    assert a_case["window_id"] == str(api.window_a_id)


def test_if_match_on_another_windows_case_is_answered_as_if_the_case_did_not_exist(
    api: Api, b_case: str
) -> None:
    def assign(case_id: str) -> httpx.Response:
        return api.post(
            f"/v1/service-cases/{case_id}/assignment",
            key=api.keys.window_a,
            json=assignment_body(),
            headers={"If-Match": '"7"'},
        )

    assert_problem(assign(str(uuid.uuid4())), 404, "service_case_not_found")
    problem = assert_problem(assign(b_case), 404, "service_case_not_found")
    assert problem["detail"] == f"No service case with id {b_case}."
    assert problem["context"] == {"id": b_case}


def test_a_version_read_of_another_windows_case_says_nothing_about_it(
    api: Api, b_case: str
) -> None:
    response = api.get(f"/v1/service-cases/{b_case}", key=api.keys.window_a, params={"version": 9})

    problem = assert_problem(response, 404, "service_case_not_found")
    assert problem["detail"] == f"No service case with id {b_case}."


@pytest.mark.parametrize("field", ["window_id", "platform_id"])
def test_a_window_cannot_choose_its_platform_in_the_body(api: Api, field: str) -> None:
    head = api.head()

    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(**{field: str(api.window_b_id)}),
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"] == [
        {"loc": ["body", field], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}
    ]
    assert api.head() == head


def test_a_case_is_recorded_for_the_platform_of_the_key(api: Api) -> None:
    case = api.open_case(key=api.keys.window_b)

    assert case["window_id"] == str(api.window_b_id)
    (opened,) = api.history(case["id"], key=api.keys.window_b)
    assert opened["meta"]["platform_id"] == str(api.window_b_id)
