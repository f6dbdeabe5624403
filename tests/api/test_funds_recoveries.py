"""Recoveries over HTTP: a clawback returns to the fund, not to the line, unless the bureau
re-allocates it by adjusting the line; the resource and the funds view say the same."""

from __future__ import annotations

import pytest

from tests.api._support import (
    BUDGET_YEAR,
    STORES,
    Api,
    accepted,
    adjustment_body,
    approved_budget,
    assert_problem,
    created,
    disbursement_body,
    disbursement_in,
    reversal_body,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def test_a_clawed_back_amount_is_recovered_and_not_available_on_the_line_again(api: Api) -> None:
    budget_id = approved_budget(api)  # L01: 800.00 approved
    d_id = disbursement_in(api, "paid")  # 300.00
    accepted(
        api.post(
            f"/v1/disbursements/{d_id}/reversal",
            key=api.keys.bureau,
            json=reversal_body(kind="clawback", amount="200.00", reason="违规使用"),
        )
    )

    # 500.00 remain, as before the clawback: the 200.00 recovered went back to the fund.
    too_much = api.post(
        "/v1/disbursements", key=api.keys.hub, json=disbursement_body(amount="500.01")
    )
    [line] = accepted(api.get(f"/v1/budgets/{budget_id}", key=api.keys.auditor))["lines"][:1]
    [viewed] = [
        row
        for row in accepted(
            api.get(
                "/v1/views/funds/budget-lines",
                key=api.keys.auditor,
                params={"year": BUDGET_YEAR, "min_position": api.head()},
            )
        )["lines"]
        if row["line_code"] == "L01"
    ]

    problem = assert_problem(too_much, 422, "over_commitment")
    assert problem["context"]["remaining"] == "500.00"
    expected = {
        "paid": "300.00",
        "reversed": "200.00",
        "recovered": "200.00",
        "remaining": "500.00",
    }
    assert {k: line[k] for k in expected} == expected
    assert {k: viewed[k] for k in expected} == expected


def test_the_bureau_re_allocates_a_recovery_by_adjusting_the_line_up(api: Api) -> None:
    budget_id = approved_budget(api)
    d_id = disbursement_in(api, "paid")
    accepted(
        api.post(
            f"/v1/disbursements/{d_id}/reversal",
            key=api.keys.bureau,
            json=reversal_body(kind="clawback", amount="300.00"),
        )
    )
    accepted(
        api.post(
            f"/v1/budgets/{budget_id}/adjustments",
            key=api.keys.bureau,
            json=adjustment_body(approved_amount="1100.00", reason="追回资金重新安排"),
        )
    )

    created(
        api.post("/v1/disbursements", key=api.keys.hub, json=disbursement_body(amount="800.00"))
    )
