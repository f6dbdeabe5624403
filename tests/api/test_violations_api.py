"""Violations over HTTP (Art. 15): found on an upheld complaint or by inspection, their
correction ordered and followed up, counted by subject, year and severity, seen only by those
concerned; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    JSON,
    READS,
    STORES,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    assert_replayed,
    store_url,
)
from tests.api.complaints_support import (
    COMPLAINTS,
    INSTITUTION_ID,
    VIOLATIONS,
    complaint_at,
    ok,
    violation_body,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


ORDER = {"action": "退还所收费用", "deadline": "2026-03-31"}


def test_a_violation_found_on_an_upheld_complaint_is_named_on_it_and_corrected(api: Api) -> None:
    complaint_id = complaint_at(api, "upheld")
    body = violation_body(api.window_a_id, complaint_id=complaint_id)

    found = ok(api, VIOLATIONS, api.keys.hub, body, 201)
    path = f"{VIOLATIONS}/{found['id']}"
    ordered = ok(api, f"{path}/correction-order", api.keys.hub, ORDER)
    corrected = ok(api, f"{path}/correction", api.keys.hub, {"note": "已退费，复查通过"})

    assert (found["source"], found["found_on"], found["status"]) == (
        "complaint",
        "2026-03-02",
        "found",
    )
    assert (ordered["status"], ordered["deadline"]) == ("correction_ordered", "2026-03-31")
    assert (corrected["status"], corrected["corrected_late"]) == ("corrected", False)
    complaint = api.get(f"{COMPLAINTS}/{complaint_id}", key=api.keys.window_a).json()
    assert complaint["violation_ids"] == [found["id"]]
    assert complaint["version"] == 5  # lodged, accepted, answered, concluded, violation named


def test_the_bureau_finds_a_violation_by_inspection_and_it_is_not_corrected(api: Api) -> None:
    found = ok(
        api, VIOLATIONS, api.keys.bureau, violation_body(api.window_a_id, severity="serious"), 201
    )
    path = f"{VIOLATIONS}/{found['id']}"
    ok(api, f"{path}/correction-order", api.keys.bureau, ORDER)
    not_yet = {"reasons": "逾期未整改"}

    assert_refused_unrecorded(
        api, 422, "correction_deadline_not_passed", f"{path}/non-correction",
        key=api.keys.hub, json=not_yet,
    )  # fmt: skip
    api.clock.advance(days=30)
    closed = ok(api, f"{path}/non-correction", api.keys.hub, not_yet)

    assert (found["source"], closed["status"], closed["outcome_note"]) == (
        "inspection", "not_corrected", "逾期未整改",
    )  # fmt: skip


def test_violations_are_counted_by_subject_year_and_severity(api: Api) -> None:
    for severity in ("minor", "minor", "serious"):
        ok(api, VIOLATIONS, api.keys.hub, violation_body(api.window_a_id, severity=severity), 201)
    ok(api, VIOLATIONS, api.keys.hub, violation_body(api.window_b_id), 201)
    ok(api, VIOLATIONS, api.keys.hub, violation_body(INSTITUTION_ID, found_on="2025-12-30"), 201)

    def listed(key: str, **params: object) -> JSON:
        response = api.get(VIOLATIONS, key=key, params=params)
        assert response.status_code == 200, response.text
        body: JSON = response.json()
        return body

    mine = listed(api.keys.auditor, subject_id=str(api.window_a_id), year=2026)
    assert mine["counts"] == {
        "found": 3, "minor": 2, "serious": 1, "correction_ordered": 0, "corrected": 0,
        "not_corrected": 0,
    }  # fmt: skip
    assert listed(api.keys.window_a) == mine
    assert listed(api.keys.window_b, subject_id=str(api.window_a_id))["violations"] == []
    institution = listed(api.keys.institution, year=2025)["violations"]
    assert [v["found_on"] for v in institution] == ["2025-12-30"]
    assert listed(api.keys.hub, year=2025)["counts"]["found"] == 1


@pytest.mark.parametrize(("suffix", "params"), READS)
def test_another_window_is_told_a_violation_does_not_exist(
    api: Api, suffix: str, params: dict[str, object]
) -> None:
    found = ok(api, VIOLATIONS, api.keys.hub, violation_body(api.window_a_id), 201)
    path = f"{VIOLATIONS}/{found['id']}"

    other = api.get(f"{path}{suffix}", key=api.keys.window_b, params=params)
    own = api.get(f"{path}{suffix}", key=api.keys.window_a, params=params)

    assert_problem(other, 404, "violation_not_found")
    assert own.status_code == 200, own.text


@pytest.mark.parametrize(
    ("stage", "code"),
    [("dismissed", "complaint_not_upheld"), ("not_upheld", "complaint_not_upheld"),
     ("responded", "complaint_not_upheld")],
)  # fmt: skip
def test_a_complaint_not_upheld_names_no_violation(api: Api, stage: str, code: str) -> None:
    complaint_id = complaint_at(api, stage)
    body = violation_body(api.window_a_id, complaint_id=complaint_id)

    assert_refused_unrecorded(api, 422, code, VIOLATIONS, key=api.keys.hub, json=body)


def test_wrong_violations_are_refused_and_nothing_is_recorded(api: Api) -> None:
    upheld = complaint_at(api, "upheld")
    cases = [
        (422, "unknown_complaint", {"complaint_id": str(uuid.uuid4())}),
        (422, "violation_subject_mismatch", {"subject_id": str(api.window_b_id),
                                             "complaint_id": upheld}),
        (422, "unknown_subject", {"subject_id": str(uuid.uuid4())}),
        (422, "invalid_found_on", {"found_on": "2026-03-03"}),
        (422, "blank_field", {"description": "  "}),
        (422, "validation_failed", {"severity": "grave"}),
        (422, "occurred_before_network_start", {"found_on": "2017-06-01"}),
    ]  # fmt: skip
    for status, code, overrides in cases:
        body = {**violation_body(api.window_a_id), **overrides}
        assert_refused_unrecorded(api, status, code, VIOLATIONS, key=api.keys.hub, json=body)
    body = violation_body(api.window_a_id)
    ok(api, VIOLATIONS, api.keys.hub, body, 201)
    assert_refused_unrecorded(api, 409, "violation_exists", VIOLATIONS, key=api.keys.hub, json=body)


def test_steps_out_of_order_or_ill_formed_change_nothing(api: Api) -> None:
    found = ok(api, VIOLATIONS, api.keys.hub, violation_body(api.window_a_id), 201)
    path = f"{VIOLATIONS}/{found['id']}"
    refused = [
        ("correction", {"note": "已整改"}, "violation_step_out_of_order"),
        ("non-correction", {"reasons": "未整改"}, "violation_step_out_of_order"),
        ("correction-order", {**ORDER, "deadline": "2026-03-02"}, "invalid_correction_deadline"),
        ("correction-order", {**ORDER, "action": " "}, "blank_field"),
    ]
    for step, body, code in refused:
        assert_refused_unrecorded(api, 422, code, f"{path}/{step}", key=api.keys.hub, json=body)
    ok(api, f"{path}/correction-order", api.keys.hub, ORDER)
    assert_refused_unrecorded(
        api, 422, "violation_step_out_of_order", f"{path}/correction-order",
        key=api.keys.hub, json=ORDER,
    )  # fmt: skip


def test_a_violation_of_the_hub_is_the_bureaus_to_record_and_follow_up(api: Api) -> None:
    body = violation_body(api.hub_id)
    assert_refused_unrecorded(api, 403, "forbidden_role", VIOLATIONS, key=api.keys.hub, json=body)

    found = ok(api, VIOLATIONS, api.keys.bureau, body, 201)
    step = f"{VIOLATIONS}/{found['id']}/correction-order"

    assert_refused_unrecorded(api, 403, "forbidden_role", step, key=api.keys.hub, json=ORDER)
    assert ok(api, step, api.keys.bureau, ORDER)["status"] == "correction_ordered"


@pytest.mark.parametrize("role", [Role.WINDOW, Role.INSTITUTION, Role.AUDITOR, Role.ADMIN])
def test_only_the_hub_and_the_bureau_record_violations(api: Api, role: Role) -> None:
    assert_refused_unrecorded(
        api, 403, "forbidden_role", VIOLATIONS, key=api.keys.for_role(role),
        json=violation_body(api.window_a_id),
    )  # fmt: skip


def test_a_retried_violation_is_answered_as_the_first_time(api: Api) -> None:
    complaint_id = complaint_at(api, "upheld")
    body = violation_body(api.window_a_id, complaint_id=complaint_id)
    headers = {"Idempotency-Key": f"violation-{uuid.uuid4()}"}

    first = api.post(VIOLATIONS, key=api.keys.hub, json=body, headers=headers)
    head = api.head()
    retry = api.post(VIOLATIONS, key=api.keys.hub, json=body, headers=headers)

    assert_replayed(first, retry, 201)
    assert api.head() == head
