"""Data reports over HTTP: requested by the hub, submitted (on time or late), reviewed, listed."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest

from tests.api._support import (
    JSON,
    REPORT_STEP_BODIES,
    REPORTING_NOW,
    Api,
    activity_ready_for,
    assert_problem,
    assert_refused_unrecorded,
    assert_replayed,
    post_if_match,
    report_key,
    report_ready_for,
    report_request_body,
    report_step,
    request_report,
    submission_body,
)

DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def test_a_report_is_requested_submitted_returned_resubmitted_and_accepted(api: Api) -> None:
    requested = request_report(api)
    report_id = requested["id"]
    submitted = report_step(api, report_id, "submission", document_sha256=DIGEST.upper())
    returned = report_step(api, report_id, "return")
    resubmitted = report_step(api, report_id, "submission")
    accepted = report_step(api, report_id, "acceptance")

    assert [b["status"] for b in (requested, submitted, returned, resubmitted, accepted)] == [
        "requested",
        "submitted",
        "returned",
        "submitted",
        "accepted",
    ]
    assert [b["version"] for b in (requested, submitted, returned, resubmitted, accepted)] == [
        1,
        2,
        3,
        4,
        5,
    ]
    assert requested["window_id"] == str(api.window_a_id)
    assert requested["hub_id"] == str(api.hub_id)
    assert (requested["period"], requested["kind"], requested["due_on"]) == (
        "2026-03",
        "monthly",
        "2026-04-10",
    )
    assert (requested["period_starts_on"], requested["period_ends_on"]) == (
        "2026-03-01",
        "2026-03-31",
    )
    assert accepted["late"] is False
    assert accepted["returns"] == [{"reasons": ["缺少服务企业名单附件"]}]
    assert accepted["acceptance_note"] == "数据完整"
    assert accepted["submissions"][0] == {
        "submitted_on": "2026-04-09",
        "late": False,
        "figures": {"enterprises_served": 152, "service_cases": 310},
        "document_sha256": DIGEST,
    }
    assert accepted["position"] == api.head()


def test_a_request_answers_with_the_location_of_the_new_report(api: Api) -> None:
    api.clock.now = REPORTING_NOW
    response = api.post(
        "/v1/data-reports", key=api.keys.hub, json=report_request_body(api.window_a_id)
    )

    assert response.status_code == 201
    assert response.headers["location"] == f"/v1/data-reports/{response.json()['id']}"
    assert api.get(response.headers["location"], key=api.keys.window_a).status_code == 200


@pytest.mark.parametrize(
    ("occurred_at", "late", "submitted_on"),
    [
        pytest.param("2026-04-10T23:59:59+08:00", False, "2026-04-10", id="last-second-of-due-day"),
        pytest.param("2026-04-10T15:59:59Z", False, "2026-04-10", id="same-instant-in-utc"),
        pytest.param("2026-04-11T00:00:00+08:00", True, "2026-04-11", id="first-second-after"),
        pytest.param("2026-04-10T16:00:00Z", True, "2026-04-11", id="still-the-10th-in-utc"),
    ],
)
def test_lateness_is_decided_by_the_ningxia_date_the_submission_is_recorded(
    api: Api, occurred_at: str, late: bool, submitted_on: str
) -> None:
    report_id = request_report(api)["id"]
    api.clock.now = datetime.fromisoformat(occurred_at)  # recorded as it happens

    body = report_step(api, report_id, "submission")

    assert body["late"] is late
    assert body["submissions"][-1]["late"] is late
    assert body["submissions"][-1]["submitted_on"] == submitted_on


def test_a_late_correction_leaves_a_report_first_submitted_on_time_on_time(api: Api) -> None:
    report_id = report_ready_for(api, "return")
    report_step(api, report_id, "return")
    api.clock.now = datetime(2026, 4, 20, tzinfo=UTC)

    body = report_step(api, report_id, "submission")

    assert [s["late"] for s in body["submissions"]] == [False, True]
    assert body["late"] is False


def test_a_quarterly_report_may_be_given_its_own_due_date(api: Api) -> None:
    body = request_report(api, period="2026-q1", due_on="2026-04-20")

    assert (body["period"], body["kind"], body["due_on"]) == ("2026-Q1", "quarterly", "2026-04-20")


def test_the_same_period_is_requested_from_a_window_once(api: Api) -> None:
    request_report(api)
    assert_refused_unrecorded(
        api,
        409,
        "data_report_exists",
        "/v1/data-reports",
        key=api.keys.hub,
        json=report_request_body(api.window_a_id),
    )


# --- rules and illegal transitions over HTTP ------------------------------------------------

REQUEST_RULES = [
    pytest.param({"period": "2026-13"}, "invalid_report_period", id="month-13"),
    pytest.param({"period": "March"}, "invalid_report_period", id="not-a-period"),
    pytest.param({"due_on": "2026-03-31"}, "invalid_due_date", id="due-within-period"),
    pytest.param(
        {"due_on": "2026-04-05", "occurred_at": "2026-04-08T09:00:00+08:00"},
        "invalid_due_date",
        id="due-before-request",
    ),
    pytest.param({"period": "2026-01"}, "invalid_due_date", id="default-due-date-already-passed"),
    pytest.param({"occurred_at": "2026-05-01T00:00:00+08:00"}, "occurred_in_future", id="future"),
]


@pytest.mark.parametrize(("overrides", "code"), REQUEST_RULES)
def test_a_request_that_breaks_a_rule_is_refused_with_its_code(
    api: Api, overrides: JSON, code: str
) -> None:
    api.clock.now = REPORTING_NOW
    assert_refused_unrecorded(
        api,
        422,
        code,
        "/v1/data-reports",
        key=api.keys.hub,
        json=report_request_body(api.window_a_id, **overrides),
    )


@pytest.mark.parametrize("target", ["hub", "unknown"])
def test_a_report_is_requested_only_from_a_window(api: Api, target: str) -> None:
    api.clock.now = REPORTING_NOW
    window_id = api.hub_id if target == "hub" else UUID("00000000-0000-4000-8000-000000000000")

    response = api.post("/v1/data-reports", key=api.keys.hub, json=report_request_body(window_id))

    assert_problem(response, 422, "unknown_window")


SUBMISSION_RULES = [
    pytest.param({"figures": {}}, "empty_submission", id="empty"),
    pytest.param({"figures": {"Served": 1}}, "invalid_report_figures", id="bad-name"),
    pytest.param({"figures": {"served": -1}}, "invalid_report_figures", id="negative"),
    # Beyond 64 bits, which the Idempotency-Key fingerprint's encoder refuses (it was a 500).
    pytest.param({"figures": {"served": 2**70}}, "invalid_report_figures", id="beyond-64-bits"),
    pytest.param({"document_sha256": "abc"}, "invalid_document_digest", id="bad-digest"),
    pytest.param(
        {"occurred_at": "2026-03-31T23:59:59+08:00"},
        "occurred_before_previous_step",
        id="before-the-request",
    ),
]


@pytest.mark.parametrize(("overrides", "code"), SUBMISSION_RULES)
def test_a_submission_that_breaks_a_rule_is_refused_with_its_code(
    api: Api, overrides: JSON, code: str
) -> None:
    report_id = report_ready_for(api, "submission")
    assert_refused_unrecorded(
        api,
        422,
        code,
        f"/v1/data-reports/{report_id}/submission",
        key=api.keys.window_a,
        json=submission_body(**overrides),
    )


def test_a_report_is_submitted_only_after_its_period_ends(api: Api) -> None:
    report_id = request_report(api, period="2026-04", occurred_at="2026-04-02T09:00:00+08:00")["id"]

    response = api.post(
        f"/v1/data-reports/{report_id}/submission", key=api.keys.window_a, json=submission_body()
    )

    problem = assert_problem(response, 422, "report_period_not_ended")
    assert problem["context"] == {"last_day": "2026-04-30"}


def test_a_return_without_a_reason_is_refused(api: Api) -> None:
    report_id = report_ready_for(api, "return")

    blank = api.post(
        f"/v1/data-reports/{report_id}/return", key=api.keys.hub, json={"reasons": ["  "]}
    )
    none = api.post(f"/v1/data-reports/{report_id}/return", key=api.keys.hub, json={"reasons": []})

    assert_problem(blank, 422, "reason_required")
    assert_problem(none, 422, "validation_failed")


# (steps already taken, step attempted, code)
ILLEGAL = [
    pytest.param(("submission",), "submission", "report_awaiting_review", id="submit-twice"),
    pytest.param((), "acceptance", "report_not_submitted", id="accept-unsubmitted"),
    pytest.param((), "return", "report_not_submitted", id="return-unsubmitted"),
    pytest.param(
        ("submission", "return"), "acceptance", "report_not_submitted", id="accept-returned"
    ),
    pytest.param(("submission", "return"), "return", "report_not_submitted", id="return-twice"),
    pytest.param(
        ("submission", "acceptance"), "submission", "report_accepted", id="submit-accepted"
    ),
    pytest.param(("submission", "acceptance"), "acceptance", "report_accepted", id="accept-twice"),
    pytest.param(("submission", "acceptance"), "return", "report_accepted", id="return-accepted"),
]


@pytest.mark.parametrize(("before", "step", "code"), ILLEGAL)
def test_an_illegal_transition_is_422_with_its_code_and_records_nothing(
    api: Api, before: tuple[str, ...], step: str, code: str
) -> None:
    report_id = request_report(api)["id"]
    for earlier in before:
        report_step(api, report_id, earlier)
    assert_refused_unrecorded(
        api,
        422,
        code,
        f"/v1/data-reports/{report_id}/{step}",
        key=report_key(api, step),
        json=REPORT_STEP_BODIES[step](),
    )


def test_a_stale_if_match_is_412(api: Api) -> None:
    report_id = report_ready_for(api, "submission")

    response = post_if_match(
        api, f"/v1/data-reports/{report_id}/submission", api.keys.window_a, submission_body(), 5
    )

    assert_problem(response, 412, "version_mismatch")


def test_a_retried_submission_gets_the_same_answer_and_records_nothing(api: Api) -> None:
    report_id = report_ready_for(api, "submission")
    headers = {"Idempotency-Key": "submit-1"}
    path = f"/v1/data-reports/{report_id}/submission"
    first = api.post(path, key=api.keys.window_a, json=submission_body(), headers=headers)
    head = api.head()

    retry = api.post(path, key=api.keys.window_a, json=submission_body(), headers=headers)

    assert_replayed(first, retry, 200)
    assert api.head() == head


# --- lists --------------------------------------------------------------------------------


def _listed(api: Api, key: str, **params: object) -> list[tuple[str, str]]:
    response = api.get("/v1/data-reports", key=key, params=params)
    assert response.status_code == 200, response.text
    return [(r["window_id"], r["period"]) for r in response.json()["reports"]]


@pytest.fixture
def reports(api: Api) -> None:
    """Window A: March (submitted) and Q1; window B: March. All requested on 1 April."""
    a_march = request_report(api)["id"]
    request_report(api, period="2026-Q1")
    request_report(api, window_id=api.window_b_id)
    report_step(api, a_march, "submission")


@pytest.mark.usefixtures("reports")
def test_the_hub_lists_reports_by_period_window_and_status(api: Api) -> None:
    a, b = str(api.window_a_id), str(api.window_b_id)
    hub = api.keys.hub

    assert _listed(api, hub) == [(a, "2026-03"), (a, "2026-Q1"), (b, "2026-03")]
    assert _listed(api, hub, period="2026-03") == [(a, "2026-03"), (b, "2026-03")]
    assert _listed(api, hub, window_id=b) == [(b, "2026-03")]
    assert _listed(api, hub, status="submitted") == [(a, "2026-03")]
    assert _listed(api, api.keys.bureau, period="2026-q1") == [(a, "2026-Q1")]


@pytest.mark.usefixtures("reports")
def test_reports_never_submitted_by_their_due_date_are_listed_as_overdue(api: Api) -> None:
    a, b = str(api.window_a_id), str(api.window_b_id)
    assert _listed(api, api.keys.hub, overdue="true") == []

    api.clock.now = datetime(2026, 4, 10, 16, 0, tzinfo=UTC)  # 11 April in Ningxia

    assert _listed(api, api.keys.auditor, overdue="true") == [(b, "2026-03")]
    assert _listed(api, api.keys.auditor, overdue="false") == [(a, "2026-03"), (a, "2026-Q1")]


@pytest.mark.usefixtures("reports")
def test_a_window_lists_only_its_own_reports(api: Api) -> None:
    a = str(api.window_a_id)

    assert _listed(api, api.keys.window_a) == [(a, "2026-03"), (a, "2026-Q1")]
    assert _listed(api, api.keys.window_a, window_id=str(api.window_b_id)) == []
    assert _listed(api, api.keys.window_b, period="2026-Q1") == []


def test_a_list_with_an_invalid_period_is_refused(api: Api) -> None:
    response = api.get("/v1/data-reports", key=api.keys.hub, params={"period": "2026-3"})
    assert_problem(response, 422, "invalid_report_period")


def test_a_reports_figures_are_shown_beside_the_ledgers_own(api: Api) -> None:
    api.case_ready_for("feedback")  # opened and delivered in March, for one enterprise
    api.open_case()
    activity_ready_for(api, "evaluation")  # held in March, 35 attended
    api.case_ready_for("feedback")
    report_id = request_report(api)["id"]
    before = api.get(f"/v1/data-reports/{report_id}/comparison", key=api.keys.hub)
    claimed = {"cases_opened": 3, "services_delivered": 2, "enterprises_served": 5000,
               "activities_held": 1, "hotline_calls": 40}  # fmt: skip
    report_step(api, report_id, "submission", figures=claimed)

    compared = api.get(
        f"/v1/data-reports/{report_id}/comparison",
        key=api.keys.bureau,
        params={"min_position": api.head()},
    )

    assert before.status_code == 200
    assert (before.json()["submission"], before.json()["agrees"]) == (None, None)
    assert {f["reported"] for f in before.json()["figures"]} == {None}
    body = compared.json()
    assert compared.status_code == 200, compared.text
    assert (body["submission"], body["period"], body["agrees"]) == (1, "2026-03", False)
    assert body["position"] == api.head()
    by_name = {f["figure"]: f for f in body["figures"]}
    assert by_name == {
        "cases_opened": {"figure": "cases_opened", "reported": 3, "recorded": 3, "difference": 0},
        "services_delivered": {
            "figure": "services_delivered", "reported": 2, "recorded": 2, "difference": 0
        },
        "enterprises_served": {
            "figure": "enterprises_served", "reported": 5000, "recorded": 1, "difference": 4999
        },
        "activities_held": {
            "figure": "activities_held", "reported": 1, "recorded": 1, "difference": 0
        },
        "activity_attendance": {
            "figure": "activity_attendance", "reported": None, "recorded": 35, "difference": None
        },
        "hotline_calls": {
            "figure": "hotline_calls", "reported": 40, "recorded": None, "difference": None
        },
    }  # fmt: skip


def test_only_those_who_read_a_report_read_its_comparison(api: Api) -> None:
    report_id = request_report(api)["id"]

    own = api.get(f"/v1/data-reports/{report_id}/comparison", key=api.keys.window_a)
    other = api.get(f"/v1/data-reports/{report_id}/comparison", key=api.keys.window_b)
    institution = api.get(f"/v1/data-reports/{report_id}/comparison", key=api.keys.institution)
    missing = api.get(f"/v1/data-reports/{UUID(int=7)}/comparison", key=api.keys.hub)

    assert own.status_code == 200
    assert_problem(other, 404, "data_report_not_found")
    assert_problem(institution, 403, "forbidden_role")
    assert_problem(missing, 404, "data_report_not_found")
