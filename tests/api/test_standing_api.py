"""Orderly entry and exit over HTTP: who may change a standing, and what revocation does."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from ledger.domain import ids
from ledger.domain.access_key import Role
from tests.api._support import INSTITUTION_USCC, Api, assert_problem

ORDER = {
    "deadline": "2026-04-30",
    "reasons": "满意度不达标",
    "citation": "reason:data_reports_late",
}


def institution_id() -> UUID:
    return ids.institution_id(INSTITUTION_USCC)


def post(api: Api, subject: str, subject_id: UUID, step: str, key: str, body: Any) -> Any:
    return api.post(f"/v1/{subject}/{subject_id}/{step}", key=key, json=body)


def revoke_window_a(api: Api) -> None:
    path = f"/v1/platforms/{api.window_a_id}"
    steps = [
        (0, "rectification-order", api.keys.hub, ORDER),
        (10, "recheck-failure", api.keys.hub, {"reasons": "复查不合格"}),
        (0, "revocation-request", api.keys.hub, {"reasons": "整改失败"}),
        (1, "revocation", api.keys.bureau, {"reasons": "撤销资格"}),
    ]
    for days, step, key, body in steps:
        api.clock.advance(days=days)
        response = api.post(f"{path}/{step}", key=key, json=body)
        assert response.status_code == 200, response.text


def test_the_hub_orders_a_window_to_rectify_and_the_view_shows_it(api: Api) -> None:
    response = post(api, "platforms", api.window_a_id, "rectification-order", api.keys.hub, ORDER)

    assert response.status_code == 200
    body = response.json()
    assert body["standing"] == "rectifying"
    assert body["rectification_deadline"] == "2026-04-30"
    assert response.headers["ETag"] == f'"{body["version"]}"'


@pytest.mark.parametrize("role", [Role.BUREAU, Role.WINDOW, Role.AUDITOR, Role.ADMIN])
def test_only_the_hub_changes_a_windows_standing(api: Api, role: Role) -> None:
    head = api.head()

    response = post(
        api, "platforms", api.window_a_id, "rectification-order", api.keys.for_role(role), ORDER
    )

    assert_problem(response, 403, "forbidden_role")
    assert api.head() == head


def test_the_bureau_supervises_the_hub_and_the_hub_not_itself(api: Api) -> None:
    own = post(api, "platforms", api.hub_id, "rectification-order", api.keys.hub, ORDER)
    bureau = post(api, "platforms", api.hub_id, "rectification-order", api.keys.bureau, ORDER)

    assert_problem(own, 403, "forbidden_role")
    assert bureau.status_code == 200


def test_only_the_bureau_revokes(api: Api) -> None:
    post(api, "platforms", api.window_a_id, "rectification-order", api.keys.hub, ORDER)
    api.clock.advance(days=60)
    requested = post(
        api, "platforms", api.window_a_id, "revocation-request", api.keys.hub, {"reasons": "逾期"}
    )
    assert requested.status_code == 200

    by_hub = post(api, "platforms", api.window_a_id, "revocation", api.keys.hub, {"reasons": "x"})

    assert_problem(by_hub, 403, "forbidden_role")


@pytest.mark.parametrize("subject", ["platforms", "institutions"])
def test_priority_support_is_the_bureaus_to_grant_or_decline_on_the_hubs_proposal(
    api: Api, subject: str
) -> None:
    head = api.head()
    subject_id = api.window_a_id if subject == "platforms" else institution_id()
    support = {"year": 2026, "citation": f"appraisal:{subject_id}"}
    refusal = {"year": 2026, "reasons": "扶持资金已安排完毕"}

    granted_by_hub = post(api, subject, subject_id, "priority-support", api.keys.hub, support)
    declined_by_hub = post(
        api, subject, subject_id, "priority-support-refusal", api.keys.hub, refusal
    )
    proposed_by_bureau = post(
        api, subject, subject_id, "priority-support-proposal", api.keys.bureau, support
    )
    proposed = post(api, subject, subject_id, "priority-support-proposal", api.keys.hub, support)
    nothing_to_decline = post(
        api, subject, subject_id, "priority-support-refusal", api.keys.bureau, refusal
    )

    assert_problem(granted_by_hub, 403, "forbidden_role")
    assert_problem(declined_by_hub, 403, "forbidden_role")
    assert_problem(proposed_by_bureau, 403, "forbidden_role")  # the hub supervises it
    assert_problem(proposed, 422, "invalid_citation")  # no excellent appraisal of 2025
    assert_problem(nothing_to_decline, 422, "priority_support_not_proposed")
    assert api.head() == head


def test_the_hubs_priority_support_is_granted_by_the_bureau_without_a_proposal(api: Api) -> None:
    support = {"year": 2026, "citation": f"appraisal:{api.hub_id}"}

    proposed = post(
        api, "platforms", api.hub_id, "priority-support-proposal", api.keys.bureau, support
    )
    declined = post(
        api, "platforms", api.hub_id, "priority-support-refusal", api.keys.bureau,
        {"year": 2026, "reasons": "x"},
    )  # fmt: skip

    assert_problem(proposed, 422, "invalid_citation")
    assert_problem(declined, 422, "standing_transition_not_allowed")


@pytest.mark.parametrize(
    ("step", "body", "code"),
    [
        ("rectification-completion", {"note": ""}, "standing_transition_not_allowed"),
        ("recheck-failure", {"reasons": "x"}, "standing_transition_not_allowed"),
        ("revocation-request", {"reasons": "x"}, "standing_transition_not_allowed"),
    ],
)
def test_steps_out_of_order_are_refused_with_their_code(
    api: Api, step: str, body: Any, code: str
) -> None:
    head = api.head()

    response = post(api, "platforms", api.window_a_id, step, api.keys.hub, body)

    assert_problem(response, 422, code)
    assert api.head() == head


def test_revocation_without_a_request_is_refused(api: Api) -> None:
    post(api, "platforms", api.window_a_id, "rectification-order", api.keys.hub, ORDER)

    response = post(
        api, "platforms", api.window_a_id, "revocation", api.keys.bureau, {"reasons": "x"}
    )

    assert_problem(response, 422, "revocation_not_requested")


def test_a_deadline_before_the_order_is_refused(api: Api) -> None:
    response = post(
        api,
        "platforms",
        api.window_a_id,
        "rectification-order",
        api.keys.hub,
        {**ORDER, "deadline": "2026-03-01"},
    )

    assert_problem(response, 422, "rectification_deadline")


def test_a_revoked_windows_keys_stop_working_and_its_cases_stay_readable(api: Api) -> None:
    case_id = api.open_case()["id"]

    revoke_window_a(api)

    refused = api.get(f"/v1/service-cases/{case_id}", key=api.keys.window_a)
    assert_problem(refused, 401, "unauthenticated")
    readable = api.get(f"/v1/service-cases/{case_id}", key=api.keys.hub)
    assert readable.status_code == 200
    assert readable.json()["status"] == "opened"
    platform = api.get(f"/v1/platforms/{api.window_a_id}", key=api.keys.auditor).json()
    assert platform["status"] == "revoked"
    assert platform["standing"] == "revoked"


def test_a_revoked_window_cannot_be_given_a_new_key_that_works(api: Api) -> None:
    revoke_window_a(api)
    secret, _ = api.issue_key(Role.WINDOW, api.window_a_id)

    response = api.get(f"/v1/platforms/{api.window_a_id}", key=secret)

    assert_problem(response, 401, "unauthenticated")


def test_the_hub_registers_institutions_and_everyone_reads_them(api: Api) -> None:
    body = {
        "uscc": "91640100MA7AY4CL31",
        "name": "宁夏知识产权服务中心",
        "region": "640100",
        "categories": ["140300"],
    }
    created = api.post("/v1/institutions", key=api.keys.hub, json=body)
    by_window = api.post("/v1/institutions", key=api.keys.window_a, json=body)
    listed = api.get("/v1/institutions", key=api.keys.institution)

    assert created.status_code == 201
    assert created.json()["status"] == "registered"
    assert created.headers["Location"] == f"/v1/institutions/{created.json()['id']}"
    assert_problem(by_window, 403, "forbidden_role")
    assert [i["uscc"] for i in listed.json()["institutions"]] == [
        INSTITUTION_USCC,
        "91640100MA7AY4CL31",
    ]


def test_an_institution_registered_twice_is_a_conflict(api: Api) -> None:
    body = {"uscc": INSTITUTION_USCC, "name": "x", "region": "640500", "categories": ["14"]}

    response = api.post("/v1/institutions", key=api.keys.hub, json=body)

    assert_problem(response, 409, "institution_exists")


def test_a_revoked_institutions_key_stops_working(api: Api) -> None:
    subject = institution_id()
    assert api.get("/v1/institutions", key=api.keys.institution).status_code == 200
    for days, step, key, body in [
        (0, "rectification-order", api.keys.hub, ORDER),
        (60, "revocation-request", api.keys.hub, {"reasons": "逾期"}),
        (1, "revocation", api.keys.bureau, {"reasons": "撤销"}),
    ]:
        api.clock.advance(days=days)
        assert post(api, "institutions", subject, step, key, body).status_code == 200

    response = api.get("/v1/institutions", key=api.keys.institution)

    assert_problem(response, 401, "unauthenticated")


def test_standing_history_lists_every_step(api: Api) -> None:
    revoke_window_a(api)

    history = api.get(f"/v1/platforms/{api.window_a_id}/history", key=api.keys.auditor).json()

    assert [e["type"] for e in history["events"]] == [
        "Platform.RegisteredAsConnected",
        "Platform.RectificationOrdered",
        "Platform.RecheckFailed",
        "Platform.RevocationRequested",
        "Platform.Revoked",
    ]
