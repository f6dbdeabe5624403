"""Budgets over HTTP: the hub proposes, the bureau approves and adjusts, auditors read."""

from __future__ import annotations

from typing import Any

import pytest

from ledger.domain import ids
from tests.api._support import (
    BUDGET_YEAR,
    Api,
    accepted,
    adjustment_body,
    another_hub_key,
    approval_body,
    approved_budget,
    assert_problem,
    assert_refused_unrecorded,
    budget_lines,
    created,
    disbursement_in,
    post_if_match,
    proposal_body,
    propose_budget,
    revision_body,
)

# --- the life of a budget ----------------------------------------------------------------------


def test_the_hub_proposes_a_budget_and_everyone_concerned_reads_it(api: Api) -> None:
    response = api.post("/v1/budgets", key=api.keys.hub, json=proposal_body())

    body = created(response)
    assert body["id"] == str(ids.budget_id(api.hub_id, BUDGET_YEAR))
    assert response.headers["location"] == f"/v1/budgets/{body['id']}"
    assert response.headers["etag"] == '"1"'
    assert (body["hub_id"], body["year"], body["status"]) == (
        str(api.hub_id),
        BUDGET_YEAR,
        "proposed",
    )
    assert [line["proposed"] for line in body["lines"]] == ["1000.00", "500.00"]
    assert isinstance(body["position"], int)
    for key in (api.keys.hub, api.keys.bureau, api.keys.auditor):
        read = api.get(f"/v1/budgets/{body['id']}", key=key)
        assert read.status_code == 200, read.text
        assert read.json() == {k: v for k, v in body.items() if k != "position"}


def test_a_second_proposal_for_the_same_year_is_409(api: Api) -> None:
    propose_budget(api)

    response = api.post("/v1/budgets", key=api.keys.hub, json=proposal_body())

    assert_problem(response, 409, "budget_exists")


def test_the_hub_revises_its_proposal_and_the_bureau_approves_and_adjusts_it(api: Api) -> None:
    budget_id = propose_budget(api)

    revised = accepted(
        api.post(
            f"/v1/budgets/{budget_id}/lines",
            key=api.keys.hub,
            json={"lines": budget_lines()},
            headers={"If-Match": '"1"'},
        )
    )
    approved = accepted(
        api.post(f"/v1/budgets/{budget_id}/approval", key=api.keys.bureau, json=approval_body())
    )
    adjusted = accepted(
        api.post(
            f"/v1/budgets/{budget_id}/adjustments", key=api.keys.bureau, json=adjustment_body()
        )
    )

    assert (revised["version"], approved["version"], adjusted["version"]) == (2, 3, 4)
    assert approved["status"] == "approved"
    assert [(x["approved"], x["remaining"]) for x in approved["lines"]] == [
        ("800.00", "800.00"),
        ("0.00", "0.00"),
    ]
    assert adjusted["lines"][0]["approved"] == "900.00"
    assert adjusted["totals"]["approved"] == "900.00"
    events = accepted(api.get(f"/v1/budgets/{budget_id}/history", key=api.keys.auditor))["events"]
    assert [e["type"] for e in events] == [
        "Budget.Proposed",
        "Budget.Revised",
        "Budget.Approved",
        "Budget.LineAdjusted",
    ]
    assert events[3]["data"] == {"line_code": "L01", "approved_amount": "900.00", "reason": "追加"}


def test_the_budget_shows_each_lines_money_as_disbursements_move_it(api: Api) -> None:
    budget_id = approved_budget(api)
    disbursement_in(api, "paid")
    disbursement_in(api, "requested", amount="200.00")

    body = accepted(api.get(f"/v1/budgets/{budget_id}", key=api.keys.bureau))

    assert body["lines"][0] | {"description": ""} == {
        "code": "L01",
        "category": "platform_operation",
        "description": "",
        "proposed": "1000.00",
        "approved": "800.00",
        "committed": "200.00",
        "paid": "300.00",
        "reversed": "0.00",
        "recovered": "0.00",
        "remaining": "300.00",
    }
    assert body["open_disbursements"] == 1


def test_a_budget_is_read_at_an_earlier_version(api: Api) -> None:
    budget_id = approved_budget(api)

    then = api.get(f"/v1/budgets/{budget_id}", key=api.keys.auditor, params={"version": 1})

    assert accepted(then)["status"] == "proposed"
    assert then.headers["etag"] == '"1"'


def test_budgets_are_listed_by_year(api: Api) -> None:
    this_year = propose_budget(api)
    last_year = propose_budget(api, year=BUDGET_YEAR - 1)

    every = accepted(api.get("/v1/budgets", key=api.keys.auditor))["budgets"]
    only = accepted(api.get("/v1/budgets", key=api.keys.bureau, params={"year": BUDGET_YEAR}))

    assert [b["id"] for b in every] == [this_year, last_year]
    assert [b["id"] for b in only["budgets"]] == [this_year]


def test_a_hub_sees_only_its_own_budgets(api: Api) -> None:
    budget_id = propose_budget(api)
    other = another_hub_key(api)

    assert_problem(api.get(f"/v1/budgets/{budget_id}", key=other), 404, "budget_not_found")
    assert_problem(api.get(f"/v1/budgets/{budget_id}/history", key=other), 404, "budget_not_found")
    assert accepted(api.get("/v1/budgets", key=other))["budgets"] == []
    revise = api.post(f"/v1/budgets/{budget_id}/lines", key=other, json=revision_body())
    assert_problem(revise, 404, "budget_not_found")


def test_an_unknown_budget_is_404(api: Api) -> None:
    unknown = ids.budget_id(api.hub_id, 2019)

    assert_problem(api.get(f"/v1/budgets/{unknown}", key=api.keys.bureau), 404, "budget_not_found")
    response = api.post(
        f"/v1/budgets/{unknown}/approval", key=api.keys.bureau, json=approval_body()
    )
    assert_problem(response, 404, "budget_not_found")


def test_a_stale_if_match_is_412(api: Api) -> None:
    budget_id = approved_budget(api)

    response = post_if_match(
        api, f"/v1/budgets/{budget_id}/adjustments", api.keys.bureau, adjustment_body(), 1
    )

    assert_problem(response, 412, "version_mismatch")


# --- refused bodies: 422 validation_failed, nothing recorded ------------------------------------


def _line(**overrides: Any) -> dict[str, Any]:
    return {**budget_lines()[0], **overrides}


BAD_PROPOSALS = [
    pytest.param(proposal_body(lines=[_line(amount=1000)]), id="amount-as-json-integer"),
    pytest.param(proposal_body(lines=[_line(amount=1000.5)]), id="amount-as-json-float"),
    pytest.param(proposal_body(lines=[_line(amount="1000.005")]), id="three-decimals"),
    pytest.param(proposal_body(lines=[_line(amount="-10.00")]), id="negative"),
    pytest.param(proposal_body(lines=[_line(amount="1e3")]), id="exponent"),
    pytest.param(proposal_body(lines=[_line(amount="1,000.00")]), id="thousands-separator"),
    pytest.param(proposal_body(lines=[_line(category="entertainment")]), id="unknown-category"),
    pytest.param(proposal_body(lines=[_line(code="L 01")]), id="bad-line-code"),
    pytest.param(proposal_body(lines=[_line(description="")]), id="blank-description"),
    pytest.param(proposal_body(lines=[]), id="no-lines"),
    pytest.param(proposal_body(year="2026"), id="year-as-string"),
    pytest.param(proposal_body(year=2017), id="year-before-the-measures"),
    pytest.param(proposal_body(hub_id="00000000-0000-4000-8000-000000000001"), id="hub-in-body"),
    pytest.param({"lines": budget_lines()}, id="no-year"),
]


@pytest.mark.parametrize("body", BAD_PROPOSALS)
def test_a_proposal_that_does_not_fit_the_schema_is_422_validation_failed(
    api: Api, body: dict[str, Any]
) -> None:
    head = api.head()

    response = api.post("/v1/budgets", key=api.keys.hub, json=body)

    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"]
    assert api.head() == head


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(approval_body(lines=[{"code": "L01", "approved_amount": 800}]), id="number"),
        pytest.param(approval_body(lines=[]), id="no-decisions"),
        pytest.param(adjustment_body(), id="adjustment-body"),
    ],
)
def test_an_approval_that_does_not_fit_the_schema_is_422_validation_failed(
    api: Api, body: dict[str, Any]
) -> None:
    budget_id = propose_budget(api)

    response = api.post(f"/v1/budgets/{budget_id}/approval", key=api.keys.bureau, json=body)

    assert_problem(response, 422, "validation_failed")


# --- refused by a rule: 422 with the rule's code -------------------------------------------------


def test_a_proposal_a_rule_refuses_is_422_with_the_rules_code(api: Api) -> None:
    cases = {
        "invalid_amount": proposal_body(lines=[_line(amount="0.00")]),
        "duplicate_line_code": proposal_body(lines=[_line(), _line(code="l01")]),
        "invalid_budget_year": proposal_body(year=BUDGET_YEAR + 2),
    }
    head = api.head()

    for code, body in cases.items():
        assert_problem(api.post("/v1/budgets", key=api.keys.hub, json=body), 422, code)

    assert api.head() == head


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        pytest.param([{"code": "L01", "approved_amount": "800.00"}], "line_decision_missing"),
        pytest.param(
            [*approval_body()["lines"], {"code": "L01", "approved_amount": "1.00"}],
            "duplicate_line_code",
        ),
        pytest.param(
            [*approval_body()["lines"], {"code": "L09", "approved_amount": "1.00"}],
            "unknown_budget_line",
        ),
        pytest.param(
            [{"code": "L01", "approved_amount": "1000.01"}, approval_body()["lines"][1]],
            "approved_above_proposed",
        ),
    ],
)
def test_an_approval_a_rule_refuses_is_422_with_the_rules_code(
    api: Api, lines: list[dict[str, str]], code: str
) -> None:
    budget_id = propose_budget(api)

    response = api.post(
        f"/v1/budgets/{budget_id}/approval", key=api.keys.bureau, json=approval_body(lines=lines)
    )

    assert_problem(response, 422, code)


def test_an_adjustment_below_what_the_line_uses_is_422(api: Api) -> None:
    budget_id = approved_budget(api)
    disbursement_in(api, "paid")
    disbursement_in(api, "approved", amount="100.00")

    response = api.post(
        f"/v1/budgets/{budget_id}/adjustments",
        key=api.keys.bureau,
        json=adjustment_body(approved_amount="399.99"),
    )

    problem = assert_problem(response, 422, "adjustment_below_used")
    assert problem["context"] == {"line_code": "L01", "used": "400.00"}
    down_to_used = adjustment_body(approved_amount="400.00")
    accepted(
        api.post(f"/v1/budgets/{budget_id}/adjustments", key=api.keys.bureau, json=down_to_used)
    )


@pytest.mark.parametrize(
    ("route", "who", "body", "code"),
    [
        pytest.param("lines", "hub", revision_body(), "budget_not_proposed", id="revise"),
        pytest.param("approval", "bureau", approval_body(), "budget_not_proposed", id="approve"),
    ],
)
def test_an_approved_budget_is_neither_revised_nor_approved_again(
    api: Api, route: str, who: str, body: dict[str, Any], code: str
) -> None:
    budget_id = approved_budget(api)
    assert_refused_unrecorded(
        api, 422, code, f"/v1/budgets/{budget_id}/{route}", key=getattr(api.keys, who), json=body
    )


def test_a_proposed_budget_is_not_adjusted(api: Api) -> None:
    budget_id = propose_budget(api)

    response = api.post(
        f"/v1/budgets/{budget_id}/adjustments", key=api.keys.bureau, json=adjustment_body()
    )

    assert_problem(response, 422, "budget_not_approved")
