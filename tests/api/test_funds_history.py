"""A year of public funds recorded after the fact: budgets and disbursements take business time,
within the same bounds and step order as every write, and a closed year spends no more."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api._support import (
    STORES,
    Api,
    accepted,
    approval_body,
    assert_refused_unrecorded,
    created,
    disbursement_approval_body,
    disbursement_body,
    payment_body,
    proposal_body,
    reversal_body,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def at(day: str, hour: int = 10) -> str:
    return f"{day}T{hour:02d}:00:00+08:00"


def _budget_of_2025(api: Api) -> str:
    proposed = created(
        api.post(
            "/v1/budgets",
            key=api.keys.hub,
            json=proposal_body(year=2025, occurred_at=at("2025-01-06")),
        )
    )
    budget_id = str(proposed["id"])
    accepted(
        api.post(
            f"/v1/budgets/{budget_id}/approval",
            key=api.keys.bureau,
            json=approval_body(occurred_at=at("2025-01-20")),
        )
    )
    return budget_id


def _paid_in_march_2025(api: Api) -> str:
    requested = created(
        api.post(
            "/v1/disbursements",
            key=api.keys.hub,
            json=disbursement_body(year=2025, occurred_at=at("2025-03-03")),
        )
    )
    path = f"/v1/disbursements/{requested['id']}"
    accepted(
        api.post(
            f"{path}/approval",
            key=api.keys.bureau,
            json=disbursement_approval_body(occurred_at=at("2025-03-04")),
        )
    )
    accepted(
        api.post(
            f"{path}/payment",
            key=api.keys.hub,
            json=payment_body(paid_on="2025-03-05", occurred_at=at("2025-03-05", 16)),
        )
    )
    return str(requested["id"])


def _history(api: Api, path: str) -> list[dict[str, Any]]:
    response = api.get(f"{path}/history", key=api.keys.auditor)
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def test_a_past_year_of_funds_is_recorded_on_its_business_days(api: Api) -> None:
    budget_id = _budget_of_2025(api)
    disbursement_id = _paid_in_march_2025(api)

    budget_events = _history(api, f"/v1/budgets/{budget_id}")
    paid = _history(api, f"/v1/disbursements/{disbursement_id}")
    assert [e["meta"]["occurred_at"] for e in budget_events][:2] == [
        at("2025-01-06"),
        at("2025-01-20"),
    ]
    assert paid[-1]["meta"]["occurred_at"] == at("2025-03-05", 16)
    assert all(e["meta"]["late_entry"] for e in paid)  # recorded in 2026, a year later
    stood = api.get(
        f"/v1/disbursements/{disbursement_id}",
        key=api.keys.auditor,
        params={"business_date": "2025-03-04"},
    )
    assert stood.status_code == 200, stood.text
    assert stood.json()["status"] == "approved"


def test_a_step_of_funds_cannot_precede_the_step_it_follows(api: Api) -> None:
    proposed = created(
        api.post(
            "/v1/budgets",
            key=api.keys.hub,
            json=proposal_body(year=2025, occurred_at=at("2025-01-06")),
        )
    )
    assert_refused_unrecorded(
        api, 422, "occurred_before_previous_step", f"/v1/budgets/{proposed['id']}/approval",
        key=api.keys.bureau, json=approval_body(occurred_at=at("2025-01-05")),
    )  # fmt: skip
    accepted(
        api.post(
            f"/v1/budgets/{proposed['id']}/approval",
            key=api.keys.bureau,
            json=approval_body(occurred_at=at("2025-01-20")),
        )
    )
    assert_refused_unrecorded(
        api, 422, "occurred_before_previous_step", "/v1/disbursements", key=api.keys.hub,
        json=disbursement_body(year=2025, occurred_at=at("2025-01-19")),
    )  # fmt: skip
    disbursement_id = _paid_in_march_2025(api)
    assert_refused_unrecorded(
        api, 422, "occurred_before_previous_step",
        f"/v1/disbursements/{disbursement_id}/reversal", key=api.keys.hub,
        json=reversal_body(occurred_at=at("2025-03-05", 9)),
    )  # fmt: skip


def test_a_closed_year_pays_nothing_more_without_the_hubs_allowance(api: Api) -> None:
    _budget_of_2025(api)
    requested = created(
        api.post(
            "/v1/disbursements",
            key=api.keys.hub,
            json=disbursement_body(year=2025, occurred_at=at("2025-12-01")),
        )
    )
    path = f"/v1/disbursements/{requested['id']}"
    approval = disbursement_approval_body(occurred_at=at("2025-12-15"))
    accepted(api.post(f"{path}/approval", key=api.keys.bureau, json=approval))
    created(api.post("/v1/periods", key=api.keys.hub, json={"period": "2025"}))

    # paid on a day of the closed year: an entry for it
    assert_refused_unrecorded(
        api, 409, "period_closed", f"{path}/payment", key=api.keys.hub,
        json=payment_body(paid_on="2025-12-31"),
    )  # fmt: skip
