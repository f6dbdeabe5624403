"""Complaints over HTTP (Art. 15): lodged, heard and concluded by the right parties, seen only
by those concerned, and refused input leaves the log as it was; on SQLite and PostgreSQL."""

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
    later,
    store_url,
)
from tests.api.complaints_support import (
    COMPLAINTS,
    INSTITUTION_ID,
    complaint_at,
    lodging_body,
    ok,
)

# Refused before anything reaches the store: asked of one store, not of both.
ONE_STORE = pytest.mark.parametrize("ledger_url", ["sqlite"], indirect=True)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def test_a_complaint_is_lodged_accepted_answered_and_upheld(api: Api) -> None:
    lodged = api.post(COMPLAINTS, key=api.keys.hub, json=lodging_body(api.window_a_id))
    assert lodged.status_code == 201, lodged.text
    complaint_id = lodged.json()["id"]
    path = f"{COMPLAINTS}/{complaint_id}"
    assert lodged.headers["location"] == path
    assert (lodged.json()["status"], lodged.json()["subject_kind"]) == ("lodged", "window")

    accepted = ok(api, f"{path}/acceptance", api.keys.hub, {"response_due_on": "2026-03-10"})
    answered = ok(api, f"{path}/response", api.keys.window_a, {"statement": "已退费"})
    concluded = ok(api, f"{path}/conclusion", api.keys.hub, {"upheld": True, "findings": "属实"})

    assert (accepted["status"], accepted["response_due_on"]) == ("accepted", "2026-03-10")
    assert (answered["status"], answered["response"]) == ("responded", "已退费")
    assert (concluded["status"], concluded["findings"]) == ("upheld", "属实")
    history = api.get(f"{path}/history", key=api.keys.auditor).json()["events"]
    assert [e["type"] for e in history] == [
        "Complaint.Lodged", "Complaint.Accepted", "Complaint.Responded", "Complaint.Concluded",
    ]  # fmt: skip


def test_a_silent_subject_is_waited_for_until_its_day_has_passed(api: Api) -> None:
    complaint_id = complaint_at(api, "accepted")  # the subject answers within 15 days
    conclusion = {"upheld": False, "findings": "投诉不成立"}
    path = f"{COMPLAINTS}/{complaint_id}/conclusion"

    assert_refused_unrecorded(
        api, 422, "complaint_response_pending", path, key=api.keys.hub, json=conclusion
    )
    api.clock.advance(days=16)
    concluded = ok(api, path, api.keys.hub, conclusion)

    assert (concluded["status"], concluded["response"]) == ("not_upheld", None)


def test_a_dismissed_complaint_takes_no_further_step(api: Api) -> None:
    complaint_id = complaint_at(api, "dismissed")

    problem = assert_refused_unrecorded(
        api, 422, "complaint_step_out_of_order", f"{COMPLAINTS}/{complaint_id}/acceptance",
        key=api.keys.hub, json={},
    )  # fmt: skip

    assert problem["status"] == 422
    read = api.get(f"{COMPLAINTS}/{complaint_id}", key=api.keys.bureau).json()
    assert (read["status"], read["dismissal_reasons"]) == ("dismissed", "不属于受理范围")


def test_the_bureau_handles_a_complaint_against_the_hub_and_the_hub_answers(api: Api) -> None:
    lodged = ok(api, COMPLAINTS, api.keys.bureau, lodging_body(api.hub_id), 201)
    path = f"{COMPLAINTS}/{lodged['id']}"

    assert_refused_unrecorded(
        api, 403, "forbidden_role", f"{path}/acceptance", key=api.keys.hub, json={}
    )
    ok(api, f"{path}/acceptance", api.keys.bureau, {})
    ok(api, f"{path}/response", api.keys.hub, {"statement": "已整改"})
    concluded = ok(api, f"{path}/conclusion", api.keys.bureau, {"upheld": True, "findings": "属实"})

    assert (lodged["subject_kind"], concluded["status"]) == ("hub", "upheld")


def test_an_institution_answers_a_complaint_against_it(api: Api) -> None:
    complaint_id = complaint_at(api, "accepted", INSTITUTION_ID)
    path = f"{COMPLAINTS}/{complaint_id}/response"

    assert_refused_unrecorded(
        api, 404, "complaint_not_found", path, key=api.keys.window_a, json={"statement": "x"}
    )
    answered = ok(api, path, api.keys.institution, {"statement": "情况说明"})

    assert (answered["subject_kind"], answered["status"]) == ("institution", "responded")


@pytest.mark.parametrize(("suffix", "params"), READS)
def test_another_window_is_told_a_complaint_does_not_exist(
    api: Api, suffix: str, params: dict[str, object]
) -> None:
    complaint_id = complaint_at(api, "lodged")

    other = api.get(f"{COMPLAINTS}/{complaint_id}{suffix}", key=api.keys.window_b, params=params)
    own = api.get(f"{COMPLAINTS}/{complaint_id}{suffix}", key=api.keys.window_a, params=params)

    assert_problem(other, 404, "complaint_not_found")
    assert own.status_code == 200, own.text


def test_the_list_counts_per_subject_and_year_and_a_window_sees_its_own(api: Api) -> None:
    for stage in ("upheld", "dismissed", "lodged"):
        complaint_at(api, stage)
    complaint_at(api, "lodged", api.window_b_id)
    complaint_at(api, "lodged", INSTITUTION_ID)

    def listed(key: str, **params: object) -> JSON:
        response = api.get(COMPLAINTS, key=key, params=params)
        assert response.status_code == 200, response.text
        body: JSON = response.json()
        return body

    mine = listed(api.keys.bureau, subject_id=str(api.window_a_id), year=2026)
    assert mine["counts"] == {
        "lodged": 3,
        "upheld": 1,
        "not_upheld": 0,
        "dismissed": 1,
        "pending": 1,
    }
    assert listed(api.keys.hub, subject_id=str(api.window_a_id), year=2025)["complaints"] == []
    assert len(listed(api.keys.auditor)["complaints"]) == 5
    assert listed(api.keys.window_a) == mine
    assert listed(api.keys.window_b, subject_id=str(api.window_a_id))["complaints"] == []
    assert len(listed(api.keys.institution)["complaints"]) == 1


def test_a_complaint_is_answered_only_by_its_subject(api: Api) -> None:
    complaint_id = complaint_at(api, "accepted")

    assert_refused_unrecorded(
        api, 422, "not_complaint_subject", f"{COMPLAINTS}/{complaint_id}/response",
        key=api.keys.hub, json={"statement": "代为说明"},
    )  # fmt: skip


@ONE_STORE
@pytest.mark.parametrize(
    ("overrides", "status", "code"),
    [
        pytest.param({"subject_id": str(uuid.uuid4())}, 422, "unknown_subject", id="unknown"),
        pytest.param({"complainant_uscc": "91440101MA5CJQ4N50"}, 422, "invalid_uscc", id="uscc"),
        pytest.param({"summary": "   "}, 422, "blank_field", id="blank-summary"),
        pytest.param({"category": "rudeness"}, 422, "validation_failed", id="category"),
        pytest.param({"evidence_sha256": "ab"}, 422, "validation_failed", id="digest"),
        pytest.param({"occurred_at": later(days=1)}, 422, "occurred_in_future", id="future"),
        pytest.param(
            {"occurred_at": "2017-12-31T10:00:00+08:00"},
            422,
            "occurred_before_network_start",
            id="before-network",
        ),
    ],
)
def test_a_wrong_complaint_is_refused_and_nothing_is_recorded(
    api: Api, overrides: dict[str, object], status: int, code: str
) -> None:
    body = {**lodging_body(api.window_a_id), **overrides}

    assert_refused_unrecorded(api, status, code, COMPLAINTS, key=api.keys.hub, json=body)


def test_the_same_reference_is_recorded_once(api: Api) -> None:
    body = lodging_body(api.window_a_id)
    ok(api, COMPLAINTS, api.keys.hub, body, 201)

    assert_refused_unrecorded(api, 409, "complaint_exists", COMPLAINTS, key=api.keys.hub, json=body)


@ONE_STORE
@pytest.mark.parametrize(
    ("step", "body", "code"),
    [
        pytest.param("acceptance", {"response_due_on": "2026-03-02"}, "invalid_response_deadline",
                     id="due-on-the-day"),
        pytest.param("acceptance", {"occurred_at": later(hours=-1)},
                     "occurred_before_previous_step", id="before-lodging"),
        pytest.param("dismissal", {"reasons": " "}, "validation_failed", id="no-reasons"),
        pytest.param("response", {"statement": "x"}, "complaint_step_out_of_order",
                     id="answer-before-acceptance"),
        pytest.param("conclusion", {"upheld": True, "findings": "x"},
                     "complaint_step_out_of_order", id="conclude-before-acceptance"),
    ],
)  # fmt: skip
def test_a_step_out_of_order_or_ill_formed_changes_nothing(
    api: Api, step: str, body: dict[str, object], code: str
) -> None:
    complaint_id = complaint_at(api, "lodged")
    key = api.keys.window_a if step == "response" else api.keys.hub

    assert_refused_unrecorded(api, 422, code, f"{COMPLAINTS}/{complaint_id}/{step}", key=key,
                              json=body)  # fmt: skip


@pytest.mark.parametrize("role", [Role.WINDOW, Role.INSTITUTION, Role.AUDITOR, Role.ADMIN])
def test_only_the_hub_and_the_bureau_lodge(api: Api, role: Role) -> None:
    assert_refused_unrecorded(
        api, 403, "forbidden_role", COMPLAINTS, key=api.keys.for_role(role),
        json=lodging_body(api.window_a_id),
    )  # fmt: skip


def test_the_bureau_does_not_handle_what_the_hub_handles(api: Api) -> None:
    complaint_id = complaint_at(api, "lodged")

    assert_refused_unrecorded(
        api, 403, "forbidden_role", f"{COMPLAINTS}/{complaint_id}/dismissal",
        key=api.keys.bureau, json={"reasons": "不受理"},
    )  # fmt: skip


def test_a_retried_lodging_and_step_are_answered_as_the_first_time(api: Api) -> None:
    body = lodging_body(api.window_a_id)
    headers = {"Idempotency-Key": f"lodge-{uuid.uuid4()}"}
    first = api.post(COMPLAINTS, key=api.keys.hub, json=body, headers=headers)
    head = api.head()
    retry = api.post(COMPLAINTS, key=api.keys.hub, json=body, headers=headers)
    assert_replayed(first, retry, 201)

    path = f"{COMPLAINTS}/{first.json()['id']}/acceptance"
    step_headers = {"Idempotency-Key": f"accept-{uuid.uuid4()}"}
    accepted = api.post(path, key=api.keys.hub, json={}, headers=step_headers)
    again = api.post(path, key=api.keys.hub, json={}, headers=step_headers)

    assert_replayed(accepted, again, 200)
    assert api.head() == head + 1
