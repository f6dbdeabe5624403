"""Disbursements over HTTP: requested against a line, approved, paid, reversed, and traced."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from tests.api._support import (
    BUDGET_YEAR,
    DISBURSEMENT_STEPS_TO,
    JSON,
    TODAY,
    Api,
    accepted,
    another_hub_key,
    approved_budget,
    assert_problem,
    assert_refused_unrecorded,
    assert_replayed,
    created,
    disbursement_approval_body,
    disbursement_body,
    disbursement_in,
    new_voucher,
    payment_body,
    post_if_match,
    propose_budget,
    rejection_body,
    reversal_body,
)


def _budget_line(api: Api, budget_id: str, code: str = "L01") -> dict[str, Any]:
    lines = accepted(api.get(f"/v1/budgets/{budget_id}", key=api.keys.auditor))["lines"]
    line: dict[str, Any] = next(x for x in lines if x["code"] == code)
    return line


def _step(api: Api, disbursement_id: str, route: str, who: str, body: Any) -> Any:
    return api.post(
        f"/v1/disbursements/{disbursement_id}/{route}", key=getattr(api.keys, who), json=body
    )


# --- the life of a disbursement ----------------------------------------------------------------


def test_a_payment_traces_back_to_its_approval_and_its_approved_budget_line(api: Api) -> None:
    budget_id = approved_budget(api)
    response = api.post("/v1/disbursements", key=api.keys.hub, json=disbursement_body())
    requested = created(response)
    d_id = requested["id"]
    assert response.headers["location"] == f"/v1/disbursements/{d_id}"
    assert _budget_line(api, budget_id)["committed"] == "300.00"

    accepted(_step(api, d_id, "approval", "bureau", disbursement_approval_body()))
    paid = accepted(_step(api, d_id, "payment", "hub", payment_body()))

    assert paid["status"] == "paid"
    assert paid["budget_id"] == budget_id
    assert paid["line_code"] == "L01"
    assert paid["request"]["by"] != paid["approval"]["by"]
    assert paid["payment"] | {"at": "", "recorded_at": "", "by": ""} == {
        "by": "",
        "at": "",
        "recorded_at": "",
        "reference": "NXBANK-0001",
        "paid_on": TODAY.isoformat(),
    }
    line = _budget_line(api, budget_id)
    assert (line["committed"], line["paid"], line["remaining"]) == ("0.00", "300.00", "500.00")
    events = accepted(api.get(f"/v1/disbursements/{d_id}/history", key=api.keys.auditor))["events"]
    assert [e["type"] for e in events] == [
        "Disbursement.Requested",
        "Disbursement.Approved",
        "Disbursement.Paid",
    ]
    assert events[0]["data"]["budget_id"] == budget_id
    assert events[0]["data"]["amount"] == "300.00"
    assert events[1]["meta"]["actor"] == paid["approval"]["by"]
    assert events[2]["meta"]["actor"] == paid["payment"]["by"]
    budget_events = accepted(api.get(f"/v1/budgets/{budget_id}/history", key=api.keys.auditor))
    committed, settled = budget_events["events"][-2:]
    assert (committed["type"], settled["type"]) == (
        "Budget.FundsCommitted",
        "Budget.CommitmentPaid",
    )
    assert committed["data"]["disbursement_id"] == settled["data"]["disbursement_id"] == d_id
    assert committed["position"] == events[0]["position"] + 1, "saved in the same transaction"


def test_a_rejection_gives_the_reserved_amount_back_to_the_line(api: Api) -> None:
    budget_id = approved_budget(api)
    d_id = disbursement_in(api, "requested", amount="800.00")

    rejected = accepted(_step(api, d_id, "rejection", "bureau", rejection_body()))

    assert rejected["status"] == "rejected"
    assert rejected["rejection"]["reasons"] == ["凭证不全"]
    assert _budget_line(api, budget_id)["remaining"] == "800.00"


def test_a_refund_frees_the_line_and_a_clawback_returns_to_the_fund(api: Api) -> None:
    budget_id = approved_budget(api)
    d_id = disbursement_in(api, "paid")

    accepted(_step(api, d_id, "reversal", "hub", reversal_body(amount="100.00")))
    body = accepted(
        _step(api, d_id, "reversal", "bureau", reversal_body(kind="clawback", amount="200.00"))
    )

    assert body["status"] == "reversed"
    assert [(r["kind"], r["amount"]) for r in body["reversals"]] == [
        ("refund", "100.00"),
        ("clawback", "200.00"),
    ]
    assert (body["reversed_amount"], body["net_paid"]) == ("300.00", "0.00")
    line = _budget_line(api, budget_id)
    assert (line["paid"], line["reversed"], line["recovered"], line["remaining"]) == (
        "300.00",
        "300.00",
        "200.00",
        "600.00",
    )


def test_the_disbursements_of_a_budget_are_listed(api: Api) -> None:
    budget_id = approved_budget(api)
    first = disbursement_in(api, "rejected")
    second = disbursement_in(api, "paid")

    listed = accepted(
        api.get("/v1/disbursements", key=api.keys.auditor, params={"budget_id": budget_id})
    )

    assert [(d["id"], d["status"]) for d in listed["disbursements"]] == [
        (first, "rejected"),
        (second, "paid"),
    ]


def test_a_hub_sees_and_acts_on_only_its_own_disbursements(api: Api) -> None:
    budget_id = approved_budget(api)
    d_id = disbursement_in(api, "approved")
    other = another_hub_key(api)

    read = api.get(f"/v1/disbursements/{d_id}", key=other)
    pay = api.post(f"/v1/disbursements/{d_id}/payment", key=other, json=payment_body())
    listed = api.get("/v1/disbursements", key=other, params={"budget_id": budget_id})
    request = api.post("/v1/disbursements", key=other, json=disbursement_body())

    assert_problem(read, 404, "disbursement_not_found")
    assert_problem(pay, 404, "disbursement_not_found")
    assert_problem(listed, 404, "budget_not_found")
    assert_problem(request, 422, "unknown_budget")


def test_a_retried_request_with_the_same_idempotency_key_reserves_once(api: Api) -> None:
    budget_id = approved_budget(api)
    body = disbursement_body()
    headers = {"Idempotency-Key": "disburse-1"}
    first = api.post("/v1/disbursements", key=api.keys.hub, json=body, headers=headers)
    head = api.head()

    retry = api.post("/v1/disbursements", key=api.keys.hub, json=body, headers=headers)

    assert_replayed(first, retry, 201)
    assert api.head() == head
    assert _budget_line(api, budget_id)["committed"] == "300.00"


def test_a_stale_if_match_is_412(api: Api) -> None:
    approved_budget(api)
    d_id = disbursement_in(api, "approved")

    response = post_if_match(
        api, f"/v1/disbursements/{d_id}/payment", api.keys.hub, payment_body(), 1
    )

    assert_problem(response, 412, "version_mismatch")


# --- refused bodies ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"amount": 300}, id="amount-as-json-integer"),
        pytest.param({"amount": 300.0}, id="amount-as-json-float"),
        pytest.param({"amount": "300.001"}, id="three-decimals"),
        pytest.param({"amount": "-300.00"}, id="negative"),
        pytest.param({"amount": "3e2"}, id="exponent"),
        pytest.param({"voucher_sha256": "ab" * 31}, id="short-voucher"),
        pytest.param({"voucher_sha256": "zz" * 32}, id="voucher-not-hex"),
        pytest.param({"payee": " "}, id="blank-payee"),
        pytest.param({"budget_id": "00000000-0000-4000-8000-000000000001"}, id="unknown-field"),
    ],
)
def test_a_request_that_does_not_fit_the_schema_is_422_validation_failed(
    api: Api, overrides: dict[str, Any]
) -> None:
    approved_budget(api)
    assert_refused_unrecorded(
        api,
        422,
        "validation_failed",
        "/v1/disbursements",
        key=api.keys.hub,
        json=disbursement_body(**overrides),
    )


@pytest.mark.parametrize(
    ("route", "who", "body"),
    [
        pytest.param("reversal", "hub", reversal_body(amount=100), id="reversal-amount-number"),
        pytest.param("reversal", "hub", reversal_body(kind="writeoff"), id="unknown-kind"),
        pytest.param("payment", "hub", payment_body(paid_on="02/03/2026"), id="bad-date"),
        pytest.param("rejection", "bureau", rejection_body(reasons=[]), id="no-reasons"),
    ],
)
def test_a_step_that_does_not_fit_the_schema_is_422_validation_failed(
    api: Api, route: str, who: str, body: dict[str, Any]
) -> None:
    approved_budget(api)
    d_id = disbursement_in(api, "paid" if route == "reversal" else "approved")

    assert_problem(_step(api, d_id, route, who, body), 422, "validation_failed")


# --- refused by a rule -------------------------------------------------------------------------


def test_a_request_beyond_what_the_line_has_left_is_422_over_commitment(api: Api) -> None:
    budget_id = approved_budget(api)
    disbursement_in(api, "requested", amount="600.00")
    head = api.head()

    response = api.post("/v1/disbursements", key=api.keys.hub, json=disbursement_body())

    problem = assert_problem(response, 422, "over_commitment")
    assert problem["context"] == {"line_code": "L01", "remaining": "200.00"}
    assert api.head() == head
    assert created(
        api.post("/v1/disbursements", key=api.keys.hub, json=disbursement_body(amount="200"))
    )
    assert _budget_line(api, budget_id)["remaining"] == "0.00"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        pytest.param({"line_code": "L02", "amount": "0.01"}, "over_commitment", id="refused-line"),
        pytest.param({"line_code": "L09"}, "unknown_budget_line", id="unknown-line"),
        pytest.param({"year": BUDGET_YEAR - 1}, "unknown_budget", id="year-without-budget"),
        pytest.param({"amount": "0.00"}, "invalid_amount", id="zero"),
    ],
)
def test_a_request_a_rule_refuses_is_422_with_the_rules_code(
    api: Api, overrides: dict[str, Any], code: str
) -> None:
    approved_budget(api)

    response = api.post("/v1/disbursements", key=api.keys.hub, json=disbursement_body(**overrides))

    assert_problem(response, 422, code)


def test_a_request_against_a_budget_not_yet_approved_is_422(api: Api) -> None:
    propose_budget(api)

    response = api.post("/v1/disbursements", key=api.keys.hub, json=disbursement_body())

    assert_problem(response, 422, "budget_not_approved")


def test_a_voucher_backs_one_live_disbursement(api: Api) -> None:
    approved_budget(api)
    voucher = new_voucher()
    first = disbursement_in(api, "requested", voucher_sha256=voucher, amount="10.00")

    again = api.post(
        "/v1/disbursements",
        key=api.keys.hub,
        json=disbursement_body(voucher_sha256=voucher.upper(), amount="10.00"),
    )

    problem = assert_problem(again, 409, "voucher_already_used")
    assert problem["context"] == {"disbursement_id": first}


@pytest.mark.parametrize(
    ("who", "kind"), [pytest.param("hub", "clawback"), pytest.param("bureau", "refund")]
)
def test_a_reversal_by_the_wrong_party_is_422(api: Api, who: str, kind: str) -> None:
    approved_budget(api)
    d_id = disbursement_in(api, "paid")

    response = _step(api, d_id, "reversal", who, reversal_body(kind=kind))

    assert_problem(response, 422, "wrong_reversal_party")


def test_a_reversal_beyond_what_is_still_paid_is_422(api: Api) -> None:
    approved_budget(api)
    d_id = disbursement_in(api, "paid")
    accepted(_step(api, d_id, "reversal", "hub", reversal_body(amount="250.00")))

    response = _step(api, d_id, "reversal", "hub", reversal_body(amount="50.01"))

    assert_problem(response, 422, "reversal_exceeds_paid")


@pytest.mark.parametrize("days", [-1, 1])
def test_a_payment_dated_before_approval_or_after_today_is_422(api: Api, days: int) -> None:
    approved_budget(api)
    d_id = disbursement_in(api, "approved")
    paid_on = (TODAY + timedelta(days=days)).isoformat()

    response = _step(api, d_id, "payment", "hub", payment_body(paid_on=paid_on))

    assert_problem(response, 422, "invalid_payment_date")


# --- every step out of order: 422 disbursement_out_of_order --------------------------------------

STEPS: dict[str, tuple[str, Callable[[], JSON]]] = {
    "approval": ("bureau", disbursement_approval_body),
    "rejection": ("bureau", rejection_body),
    "payment": ("hub", payment_body),
    "reversal": ("bureau", lambda: reversal_body(kind="clawback", amount="1.00")),
}
ALLOWED = {
    ("requested", "approval"),
    ("requested", "rejection"),
    ("approved", "rejection"),
    ("approved", "payment"),
    ("paid", "reversal"),
}
OUT_OF_ORDER = [
    pytest.param(status, step, id=f"{step} when {status}")
    for status in DISBURSEMENT_STEPS_TO
    for step in STEPS
    if (status, step) not in ALLOWED
]


@pytest.mark.parametrize(("status", "step"), OUT_OF_ORDER)
def test_a_step_out_of_order_is_422_and_records_nothing(api: Api, status: str, step: str) -> None:
    approved_budget(api)
    d_id = disbursement_in(api, status)
    head = api.head()
    who, body = STEPS[step]

    response = _step(api, d_id, step, who, body())

    problem = assert_problem(response, 422, "disbursement_out_of_order")
    assert problem["context"] == {"status": status}
    assert api.head() == head


# --- the OpenAPI examples walk a budget through its life ---------------------------------------


def test_the_budget_and_disbursement_examples_are_accepted_in_order(api: Api) -> None:
    document = api.client.get("/openapi.json").json()

    def example(path: str) -> Any:
        content = document["paths"][path]["post"]["requestBody"]["content"]
        ref = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        (first,) = document["components"]["schemas"][ref]["examples"]
        return first

    budget = created(api.post("/v1/budgets", key=api.keys.hub, json=example("/v1/budgets")))
    for route, who in [("lines", "hub"), ("approval", "bureau"), ("adjustments", "bureau")]:
        body = example(f"/v1/budgets/{{budget_id}}/{route}")
        path = f"/v1/budgets/{budget['id']}/{route}"
        accepted(api.post(path, key=getattr(api.keys, who), json=body))
    request = example("/v1/disbursements")
    paid = created(api.post("/v1/disbursements", key=api.keys.hub, json=request))["id"]
    for route, who in [("approval", "bureau"), ("payment", "hub"), ("reversal", "hub")]:
        accepted(
            _step(api, paid, route, who, example(f"/v1/disbursements/{{disbursement_id}}/{route}"))
        )
    again = {**request, "voucher_sha256": new_voucher()}
    rejected = created(api.post("/v1/disbursements", key=api.keys.hub, json=again))["id"]
    rejection = example("/v1/disbursements/{disbursement_id}/rejection")
    assert accepted(_step(api, rejected, "rejection", "bureau", rejection))["status"] == "rejected"
