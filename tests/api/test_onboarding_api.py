"""Window onboarding over HTTP: every step, its refusals with their codes, and the connected
window that comes out of it."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import pytest

from ledger.domain import ids
from ledger.domain.access_key import Role
from tests.api._support import (
    JSON,
    NOW,
    TODAY,
    WINDOW_A_USCC,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    opening_body,
)
from tests.api.onboarding_support import (
    NOTICE_ENDS,
    after_the_notice,
    application_at,
    application_body,
    expert_body,
    register_expert,
)

BASE = "/v1/onboarding-applications"


def _post(api: Api, application_id: str, step: str, body: JSON, key: str) -> JSON:
    response = api.post(f"{BASE}/{application_id}/{step}", key=key, json=body)
    assert response.status_code == 200, f"{step}: {response.text}"
    answer: JSON = response.json()
    return answer


def test_a_window_goes_from_application_to_its_first_service_case(api: Api) -> None:
    hub, bureau = api.keys.hub, api.keys.bureau
    experts = []
    for _ in range(3):
        registered = api.post("/v1/experts", key=hub, json=expert_body())
        assert registered.status_code == 201, registered.text
        assert registered.headers["location"] == f"/v1/experts/{registered.json()['id']}"
        experts.append(registered.json()["id"])
    submitted = api.post(BASE, key=hub, json=application_body(categories=["10", "140300"]))
    assert submitted.status_code == 201, submitted.text
    application_id = submitted.json()["id"]
    assert submitted.headers["location"] == f"{BASE}/{application_id}"
    assert submitted.json()["status"] == "submitted"

    for expert_id, score in zip(experts, (78, 85, 90), strict=True):
        _post(api, application_id, "reviews", {"expert_id": expert_id, "score": score}, hub)
    concluded = _post(api, application_id, "review-conclusion", {"opinion": "同意报批"}, hub)
    assert concluded["review_conclusion"]["mean_score"] == "84.33"
    assert concluded["review_conclusion"]["passed"] is True
    _post(api, application_id, "approval", {"note": "同意"}, bureau)
    notice = {"starts_on": TODAY.isoformat(), "ends_on": NOTICE_ENDS.isoformat(), "channel": "网站"}
    _post(api, application_id, "notice", notice, hub)
    objected = _post(api, application_id, "objections", {"grounds": "场地不符"}, hub)
    assert objected["objections"][0]["number"] == 1
    dismissal = {"outcome": "dismissed", "reasons": "经核查场地相符"}
    _post(api, application_id, "objections/1/resolution", dismissal, bureau)
    after_the_notice(api)
    connected = _post(api, application_id, "connection", {}, hub)

    assert connected["status"] == "connected"
    window_id = connected["platform_id"]
    platform = api.get(f"/v1/platforms/{window_id}", key=api.keys.auditor).json()
    assert (platform["kind"], platform["status"]) == ("window", "connected")
    assert platform["application_id"] == application_id
    assert platform["categories"] == ["10", "140300"]
    window_key, _ = api.issue_key(Role.WINDOW, UUID(window_id))
    case = api.post(
        "/v1/service-cases",
        key=window_key,
        json=opening_body(occurred_at=api.clock.now.isoformat()),
    )
    assert case.status_code == 201, case.text
    assert case.json()["window_id"] == window_id


def test_the_connection_answers_with_both_events_in_the_log(api: Api) -> None:
    application_id = application_at(api, "in_notice")
    after_the_notice(api)

    connected = _post(api, application_id, "connection", {}, api.keys.hub)

    events = api.get(f"/v1/events?after={connected['position'] - 3}", key=api.keys.auditor)
    types = [e["type"] for e in events.json()["events"]]
    assert types == [
        "OnboardingApplication.Connected",
        "Platform.ConnectedAfterOnboarding",
        "Claim.Released",  # the applicant's claim: it applies no more, being connected
    ]


# --- refusals, each with its code --------------------------------------------------------------

REFUSALS = [
    pytest.param(
        "submitted",
        "approval",
        {},
        "bureau",
        "onboarding_step_out_of_order",
        id="approve-unreviewed",
    ),
    pytest.param(
        "submitted",
        "review-conclusion",
        {},
        "hub",
        "not_enough_reviews",
        id="conclude-without-reviews",
    ),
    pytest.param(
        "under_review",
        "review-conclusion",
        {},
        "hub",
        "not_enough_reviews",
        id="conclude-one-review",
    ),
    pytest.param(
        "review_failed", "approval", {}, "bureau", "review_not_passed", id="approve-failed-review"
    ),
    pytest.param(
        "review_concluded",
        "rejection",
        {"reasons": " "},
        "bureau",
        "validation_failed",
        id="reject-blank",
    ),
    pytest.param(
        "approved",
        "notice",
        {
            "starts_on": TODAY.isoformat(),
            "ends_on": (TODAY + timedelta(days=3)).isoformat(),
            "channel": "网站",
        },
        "hub",
        "invalid_notice_period",
        id="notice-four-days",
    ),
    pytest.param(
        "approved",
        "notice",
        {
            "starts_on": (TODAY - timedelta(days=1)).isoformat(),
            "ends_on": (TODAY + timedelta(days=9)).isoformat(),
            "channel": "网站",
        },
        "hub",
        "invalid_notice_period",
        id="notice-starting-yesterday",
    ),
    pytest.param(
        "approved",
        "objections",
        {"grounds": "不符"},
        "hub",
        "onboarding_step_out_of_order",
        id="objection-before-notice",
    ),
    pytest.param(
        "in_notice",
        "objections",
        {"grounds": "不符", "occurred_at": (NOW + timedelta(days=5)).isoformat()},
        "hub",
        "occurred_in_future",
        id="objection-in-the-future",
    ),
    pytest.param(
        "in_notice", "connection", {}, "hub", "notice_not_ended", id="connect-during-notice"
    ),
    pytest.param(
        "objected_to",
        "objections/2/resolution",
        {"outcome": "upheld", "reasons": "属实"},
        "bureau",
        "objection_not_found",
        id="resolve-missing-objection",
    ),
    pytest.param(
        "rejected",
        "withdrawal",
        {"reason": "撤回"},
        "hub",
        "onboarding_application_closed",
        id="withdraw-rejected",
    ),
    pytest.param(
        "refused_after_notice",
        "connection",
        {},
        "hub",
        "onboarding_application_closed",
        id="connect-refused",
    ),
    pytest.param(
        "withdrawn",
        "review-conclusion",
        {},
        "hub",
        "onboarding_application_closed",
        id="conclude-withdrawn",
    ),
    pytest.param(
        "review_concluded",
        "reviews",
        {"expert_id": str(ids.expert_id("x")), "score": 80},
        "hub",
        "unknown_expert",
        id="review-by-unknown-expert",
    ),
]


@pytest.mark.parametrize(("stage", "step", "body", "role", "code"), REFUSALS)
def test_a_step_the_rules_refuse_is_answered_with_its_code_and_records_nothing(
    api: Api, stage: str, step: str, body: JSON, role: str, code: str
) -> None:
    application_id = application_at(api, stage)
    head = api.head()

    response = api.post(
        f"{BASE}/{application_id}/{step}", key=api.keys.for_role(Role(role)), json=body
    )

    status = 404 if code.endswith("not_found") else 422
    assert_problem(response, status, code)
    assert api.head() == head


def test_an_objection_after_the_notice_is_refused(api: Api) -> None:
    application_id = application_at(api, "in_notice")
    after_the_notice(api)

    response = api.post(
        f"{BASE}/{application_id}/objections", key=api.keys.hub, json={"grounds": "迟到的异议"}
    )

    problem = assert_problem(response, 422, "outside_notice_period")
    assert problem["context"]["ends_on"] == NOTICE_ENDS.isoformat()


def test_a_window_with_an_unresolved_objection_is_not_connected(api: Api) -> None:
    application_id = application_at(api, "objected_to")
    after_the_notice(api)

    response = api.post(f"{BASE}/{application_id}/connection", key=api.keys.hub, json={})

    assert_problem(response, 422, "objections_unresolved")


def test_an_upheld_objection_refuses_the_application(api: Api) -> None:
    application_id = application_at(api, "objected_to")

    refused = _post(
        api,
        application_id,
        "objections/1/resolution",
        {"outcome": "upheld", "reasons": "经核实属实"},
        api.keys.bureau,
    )

    assert refused["status"] == "refused_after_notice"
    again = api.post(
        f"{BASE}/{application_id}/objections/1/resolution",
        key=api.keys.bureau,
        json={"outcome": "dismissed", "reasons": "改判"},
    )
    assert_problem(again, 422, "onboarding_application_closed")


def test_an_expert_reviews_an_application_once_over_http(api: Api) -> None:
    application_id = application_at(api, "submitted")
    review = {"expert_id": str(register_expert(api)), "score": 80}
    _post(api, application_id, "reviews", review, api.keys.hub)

    response = api.post(f"{BASE}/{application_id}/reviews", key=api.keys.hub, json=review)

    assert_problem(response, 422, "expert_already_reviewed")


def test_a_review_by_an_unknown_or_deactivated_expert_is_refused(api: Api) -> None:
    application_id = application_at(api, "submitted")
    expert_id = register_expert(api)
    api.post(f"/v1/experts/{expert_id}/deactivation", key=api.keys.hub, json={"reason": "退出"})

    unknown = api.post(
        f"{BASE}/{application_id}/reviews",
        key=api.keys.hub,
        json={"expert_id": str(ids.expert_id("nobody")), "score": 80},
    )
    inactive = api.post(
        f"{BASE}/{application_id}/reviews",
        key=api.keys.hub,
        json={"expert_id": str(expert_id), "score": 80},
    )

    assert_problem(unknown, 422, "unknown_expert")
    assert_problem(inactive, 422, "expert_inactive")


def test_the_rejection_is_recorded_with_its_reasons(api: Api) -> None:
    application_id = application_at(api, "review_failed")

    rejected = _post(api, application_id, "rejection", {"reasons": "评审未通过"}, api.keys.bureau)

    assert (rejected["status"], rejected["approved"], rejected["decision_text"]) == (
        "rejected",
        False,
        "评审未通过",
    )


def test_the_hub_withdraws_an_application_at_the_applicants_request(api: Api) -> None:
    application_id = application_at(api, "in_notice")

    withdrawn = _post(api, application_id, "withdrawal", {"reason": "申请单位撤回"}, api.keys.hub)

    assert withdrawn["status"] == "withdrawn"
    assert withdrawn["withdrawal_reason"] == "申请单位撤回"


# --- identities, conflicts and preconditions ---------------------------------------------------


def test_the_same_filing_reference_is_refused_with_409(api: Api) -> None:
    body = application_body()
    api.post(BASE, key=api.keys.hub, json=body)

    response = api.post(BASE, key=api.keys.hub, json={**body, "applicant_name": "另一个"})

    assert_problem(response, 409, "onboarding_application_exists")


def test_an_organisation_already_in_the_network_cannot_apply(api: Api) -> None:
    response = api.post(BASE, key=api.keys.hub, json=application_body(uscc=WINDOW_A_USCC))

    problem = assert_problem(response, 409, "applicant_already_connected")
    assert problem["context"]["platform_id"] == str(api.window_a_id)


def test_an_applicant_with_an_open_application_is_refused_a_second_with_409(api: Api) -> None:
    uscc = "91640200MA75G5H6JG"
    first = application_at(api, "in_notice", uscc)

    refused = assert_refused_unrecorded(
        api, 409, "application_pending", BASE, key=api.keys.hub,
        json=application_body(uscc=uscc),
    )  # fmt: skip

    assert refused["context"] == {"application_id": first}
    after_the_notice(api)
    _post(api, first, "connection", {}, api.keys.hub)
    assert_refused_unrecorded(
        api, 409, "applicant_already_connected", BASE, key=api.keys.hub,
        json=application_body(uscc=uscc),
    )  # fmt: skip


def test_applications_are_listed_with_their_history(api: Api) -> None:
    first = application_at(api, "submitted")
    second = application_at(api, "approved")

    listed = api.get(BASE, key=api.keys.bureau).json()["applications"]
    history = api.get(f"{BASE}/{second}/history", key=api.keys.auditor).json()["events"]

    assert [a["id"] for a in listed] == [first, second]
    assert [e["type"] for e in history][-1] == "OnboardingApplication.Approved"
    assert history[0]["data"]["materials_sha256"] == "5f" * 32
