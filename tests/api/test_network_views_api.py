"""Views of activities, reporting, funds, agreements and experts over HTTP."""

from __future__ import annotations

from tests.api._support import (
    BUDGET_YEAR,
    Api,
    activity_ready_for,
    approved_budget,
    assert_problem,
    disbursement_in,
    report_ready_for,
    report_step,
    request_report,
)
from tests.api.agreements_support import INSTITUTION_ID, agreement_in_force, propose
from tests.api.onboarding_support import expert_body


def fresh(api: Api) -> dict[str, int]:
    return {"min_position": api.head()}


def test_activities_are_counted_per_organiser_and_a_window_sees_its_own(api: Api) -> None:
    activity_ready_for(api, "evaluation")  # planned and held by window A
    activity_ready_for(api, "holding", key=api.keys.window_b)

    hub = api.get("/v1/views/activities", key=api.keys.hub, params={"year": 2026, **fresh(api)})
    own = api.get("/v1/views/activities", key=api.keys.window_a, params={"year": 2026})
    other = api.get(
        "/v1/views/activities",
        key=api.keys.window_a,
        params={"year": 2026, "organiser_id": str(api.window_b_id)},
    )

    rows = {r["organiser_id"]: r for r in hub.json()["activities"]}
    assert rows[str(api.window_a_id)]["held"] == 1
    assert rows[str(api.window_b_id)]["held"] == 0
    assert [r["organiser_id"] for r in own.json()["activities"]] == [str(api.window_a_id)]
    assert_problem(other, 403, "forbidden_platform")


def test_report_timeliness_counts_on_time_and_missing_as_on_a_day(api: Api) -> None:
    report_id = report_ready_for(api, "acceptance")  # March, submitted on time
    report_step(api, report_id, "acceptance")
    # February's report, due on 20 April, is never submitted.
    request_report(api, period="2026-02", due_on="2026-04-20")

    response = api.get(
        "/v1/views/data-report-timeliness",
        key=api.keys.bureau,
        params={"year": 2026, "as_on": "2026-05-01", **fresh(api)},
    )

    [row] = response.json()["timeliness"]
    assert (row["requested"], row["on_time"], row["missing"], row["accepted"]) == (2, 1, 1, 1)
    assert row["on_time_share"] == "0.5000"


def test_funds_show_each_line_and_the_disbursement_trail(api: Api) -> None:
    approved_budget(api)
    disbursement_in(api, "paid")

    lines = api.get(
        "/v1/views/funds/budget-lines", key=api.keys.auditor,
        params={"year": BUDGET_YEAR, **fresh(api)},
    ).json()["lines"]  # fmt: skip
    trail = api.get(
        "/v1/views/funds/disbursements", key=api.keys.auditor, params={"year": BUDGET_YEAR}
    ).json()["disbursements"]
    refused = api.get(
        "/v1/views/funds/budget-lines", key=api.keys.window_a, params={"year": BUDGET_YEAR}
    )

    line = {r["line_code"]: r for r in lines}["L01"]
    assert (line["approved"], line["paid"], line["remaining"]) == ("800.00", "300.00", "500.00")
    [paid] = trail
    assert paid["status"] == "paid"
    assert paid["requested_by"] != paid["approved_by"]
    assert paid["paid_on"] is not None
    assert_problem(refused, 403, "forbidden_role")


def test_the_expert_pool_and_the_agreements_register_answer(api: Api) -> None:
    experts = api.get("/v1/views/experts", key=api.keys.hub)
    own_agreements = api.get("/v1/views/agreements", key=api.keys.institution)
    refused = api.get("/v1/views/agreements", key=api.keys.admin)

    assert experts.status_code == 200
    assert own_agreements.json()["agreements"] == []
    assert_problem(refused, 403, "forbidden_role")


def test_the_expert_pool_and_the_agreements_register_show_their_rows(api: Api) -> None:
    registered = api.post("/v1/experts", key=api.keys.hub, json=expert_body(fields=["14", "15"]))
    assert registered.status_code == 201, registered.text
    in_force = agreement_in_force(api)
    proposed = str(propose(api)["id"])

    [expert] = api.get("/v1/views/experts", key=api.keys.hub, params=fresh(api)).json()["experts"]
    register = api.get("/v1/views/agreements", key=api.keys.institution, params=fresh(api))
    register = register.json()

    assert (expert["expert_id"], expert["fields"]) == (registered.json()["id"], ["14", "15"])
    assert (expert["status"], expert["deactivated_on"]) == ("active", None)
    status = {row["agreement_id"]: row["status"] for row in register["agreements"]}
    assert status == {in_force: "in_force", proposed: "proposed"}
    assert register["count"] == 2
    assert {row["counterparty_id"] for row in register["agreements"]} == {str(INSTITUTION_ID)}
