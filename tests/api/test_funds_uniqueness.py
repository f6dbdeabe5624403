"""One voucher pays once, and one bank reference records one payment, in the whole network:
across budgets and years, on SQLite and PostgreSQL; a second use is a 409 naming the first."""

from __future__ import annotations

import pytest

from tests.api._support import (
    STORES,
    Api,
    accepted,
    approval_body,
    assert_problem,
    assert_refused_unrecorded,
    created,
    disbursement_approval_body,
    disbursement_body,
    new_voucher,
    payment_body,
    proposal_body,
    rejection_body,
    store_url,
)
from tests.api.test_funds_history import _budget_of_2025, at


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def _approved_budget_of(api: Api, year: int) -> None:
    budget = created(api.post("/v1/budgets", key=api.keys.hub, json=proposal_body(year=year)))
    path = f"/v1/budgets/{budget['id']}/approval"
    accepted(api.post(path, key=api.keys.bureau, json=approval_body()))


def _requested(api: Api, year: int, voucher: str) -> str:
    body = disbursement_body(year=year, voucher_sha256=voucher, amount="10.00", **_in(year))
    return str(created(api.post("/v1/disbursements", key=api.keys.hub, json=body))["id"])


def _in(year: int, day: str = "12-01") -> dict[str, str]:
    """Business time within ``year`` for last year's budget (a year's budget funds that year)."""
    return {} if year == 2026 else {"occurred_at": at(f"{year}-{day}")}


def _step(api: Api, disbursement_id: str, step: str, key: str, body: object) -> None:
    accepted(api.post(f"/v1/disbursements/{disbursement_id}/{step}", key=key, json=body))


@pytest.fixture
def two_years(api: Api) -> Api:
    """The hub's approved budgets for this year and the last."""
    _approved_budget_of(api, 2026)
    _budget_of_2025(api)
    return api


def test_a_voucher_of_one_budget_is_refused_in_another(two_years: Api) -> None:
    api, voucher = two_years, new_voucher()
    first = _requested(api, 2026, voucher)

    problem = assert_refused_unrecorded(
        api, 409, "voucher_already_used", "/v1/disbursements", key=api.keys.hub,
        json=disbursement_body(
            year=2025, voucher_sha256=voucher.upper(), amount="10.00", **_in(2025)
        ),
    )  # fmt: skip

    assert problem["context"] == {"disbursement_id": first}
    assert first in problem["detail"]


def test_a_rejected_disbursements_voucher_backs_a_corrected_request_in_any_budget(
    two_years: Api,
) -> None:
    api, voucher = two_years, new_voucher()
    first = _requested(api, 2026, voucher)
    _step(api, first, "rejection", api.keys.bureau, rejection_body())

    second = _requested(api, 2025, voucher)

    problem = assert_refused_unrecorded(
        api, 409, "voucher_already_used", "/v1/disbursements", key=api.keys.hub,
        json=disbursement_body(year=2026, voucher_sha256=voucher, amount="10.00"),
    )  # fmt: skip
    assert problem["context"] == {"disbursement_id": second}


def test_a_bank_reference_records_one_payment(two_years: Api) -> None:
    api = two_years
    this_year = _requested(api, 2026, new_voucher())
    last_year = _requested(api, 2025, new_voucher())
    for d, year in ((this_year, 2026), (last_year, 2025)):
        _step(api, d, "approval", api.keys.bureau, disbursement_approval_body(**_in(year, "12-15")))
    _step(api, this_year, "payment", api.keys.hub, payment_body(payment_reference="NXBANK-1"))

    problem = assert_refused_unrecorded(
        api, 409, "payment_reference_used", f"/v1/disbursements/{last_year}/payment",
        key=api.keys.hub,
        json=payment_body(
            payment_reference=" nxbank-1 ", paid_on="2025-12-20", **_in(2025, "12-20")
        ),
    )  # fmt: skip

    assert problem["context"] == {"disbursement_id": this_year}
    status = api.get(f"/v1/disbursements/{last_year}", key=api.keys.hub).json()["status"]
    assert status == "approved"
    other = payment_body(payment_reference="NXBANK-2", paid_on="2025-12-20", **_in(2025, "12-20"))
    _step(api, last_year, "payment", api.keys.hub, other)


def test_the_claims_are_in_the_log_for_auditors(two_years: Api) -> None:
    api, voucher = two_years, new_voucher()
    _requested(api, 2026, voucher)

    page = api.get("/v1/events", key=api.keys.auditor, params={"type": "Claim.Made"})

    assert page.status_code == 200, page.text
    made = [e["data"] for e in page.json()["events"]]
    assert {"kind": "voucher", "value": voucher} in [
        {"kind": d["kind"], "value": d["value"]} for d in made
    ]


def test_a_malformed_voucher_claims_nothing(two_years: Api) -> None:
    api = two_years
    response = api.post(
        "/v1/disbursements", key=api.keys.hub, json=disbursement_body(voucher_sha256="zz")
    )
    assert_problem(response, 422, "validation_failed")
