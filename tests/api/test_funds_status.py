"""One status for a disbursement everywhere: the resource, the funds view and its CSV export
agree for every state a disbursement can be in."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.api._support import (
    BUDGET_YEAR,
    STORES,
    Api,
    accepted,
    approved_budget,
    created,
    disbursement_approval_body,
    disbursement_body,
    payment_body,
    rejection_body,
    reversal_body,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


_APPROVE = ("approval", "bureau", disbursement_approval_body())
_PAY = ("payment", "hub", None)  # each payment gets its own bank reference

# Each state, the steps that bring a 100.00 disbursement to it, and the status it then has.
STATES: dict[str, tuple[tuple[tuple[str, str, dict[str, Any] | None], ...], str]] = {
    "requested": ((), "requested"),
    "approved": ((_APPROVE,), "approved"),
    "rejected": ((("rejection", "bureau", rejection_body()),), "rejected"),
    "paid": ((_APPROVE, _PAY), "paid"),
    "partly refunded": (
        (_APPROVE, _PAY, ("reversal", "hub", reversal_body(amount="40.00"))),
        "paid",
    ),
    "fully refunded": (
        (_APPROVE, _PAY, ("reversal", "hub", reversal_body(amount="100.00"))),
        "reversed",
    ),
    "partly clawed back": (
        (_APPROVE, _PAY, ("reversal", "bureau", reversal_body(kind="clawback", amount="30.00"))),
        "paid",
    ),
    "clawed back": (
        (_APPROVE, _PAY, ("reversal", "bureau", reversal_body(kind="clawback", amount="100.00"))),
        "reversed",
    ),
}


def _disbursement_in(api: Api, state: str, number: int) -> str:
    body = created(
        api.post("/v1/disbursements", key=api.keys.hub, json=disbursement_body(amount="100.00"))
    )
    for route, who, step_body in STATES[state][0]:
        step = step_body or payment_body(payment_reference=f"NXBANK-STATUS-{number:02d}")
        path = f"/v1/disbursements/{body['id']}/{route}"
        accepted(api.post(path, key=getattr(api.keys, who), json=step))
    return str(body["id"])


def test_a_disbursement_has_one_status_in_the_resource_the_view_and_the_export(api: Api) -> None:
    approved_budget(api)
    ids = {state: _disbursement_in(api, state, n) for n, state in enumerate(STATES)}
    params = {"year": BUDGET_YEAR, "min_position": api.head()}

    resource = {
        state: accepted(api.get(f"/v1/disbursements/{d_id}", key=api.keys.auditor))
        for state, d_id in ids.items()
    }
    view = {
        row["disbursement_id"]: row
        for row in accepted(
            api.get("/v1/views/funds/disbursements", key=api.keys.auditor, params=params)
        )["disbursements"]
    }
    export = api.get(
        "/v1/views/funds/disbursements", key=api.keys.auditor, params={**params, "format": "csv"}
    )
    exported = {
        row["disbursement_id"]: row
        for row in csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")))
    }

    expected = {state: status for state, (_, status) in STATES.items()}
    assert {state: body["status"] for state, body in resource.items()} == expected
    assert {state: view[ids[state]]["status"] for state in STATES} == expected
    assert {state: exported[ids[state]]["status"] for state in STATES} == expected
    for state, body in resource.items():
        row = view[ids[state]]
        assert (row["reversed_amount"], row["net_paid"]) == (
            body["reversed_amount"],
            body["net_paid"],
        ), state
