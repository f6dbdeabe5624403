"""A year's budget funds the requests of its year and pays by its 31 December, unless the bureau
carries a reservation over into the next year (结转); on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.api._support import (
    STORES,
    Api,
    accepted,
    assert_problem,
    assert_refused_unrecorded,
    created,
    disbursement_approval_body,
    disbursement_body,
    payment_body,
    store_url,
)
from tests.api.test_funds_history import _budget_of_2025, at


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def _approved_in_december(api: Api) -> str:
    """A disbursement of the 2025 budget, requested and approved in December 2025, unpaid."""
    _budget_of_2025(api)
    requested = created(
        api.post(
            "/v1/disbursements", key=api.keys.hub,
            json=disbursement_body(year=2025, occurred_at=at("2025-12-01")),
        )
    )  # fmt: skip
    path = f"/v1/disbursements/{requested['id']}"
    approval = disbursement_approval_body(occurred_at=at("2025-12-15"))
    accepted(api.post(f"{path}/approval", key=api.keys.bureau, json=approval))
    return path


def test_a_request_dated_after_its_budget_s_year_is_refused(api: Api) -> None:
    _budget_of_2025(api)

    problem = assert_refused_unrecorded(
        api, 422, "outside_budget_year", "/v1/disbursements", key=api.keys.hub,
        json=disbursement_body(year=2025),
    )  # fmt: skip

    assert problem["context"]["year"] == 2025


def test_a_reservation_is_paid_after_the_year_only_once_carried_over(api: Api) -> None:
    path = _approved_in_december(api)
    in_march = payment_body(paid_on="2026-03-01", occurred_at=at("2026-03-01", 16))
    assert_refused_unrecorded(
        api, 422, "outside_budget_year", f"{path}/payment", key=api.keys.hub, json=in_march
    )

    carried = api.post(
        f"{path}/carry-over", key=api.keys.bureau,
        json={"until": "2026-02-28", "reason": "验收安排在次年一季度"},
    )  # fmt: skip
    assert carried.status_code == 200, carried.text
    assert_refused_unrecorded(
        api, 422, "outside_budget_year", f"{path}/payment", key=api.keys.hub, json=in_march
    )
    accepted(
        api.post(
            f"{path}/carry-over", key=api.keys.bureau,
            json={"until": "2026-03-31", "reason": "验收推迟至三月"},
        )
    )  # fmt: skip

    paid = api.post(f"{path}/payment", key=api.keys.hub, json=in_march)

    assert paid.status_code == 200, paid.text
    assert paid.json()["payment"]["paid_on"] == "2026-03-01"
    assert paid.json()["carried_over_until"] == "2026-03-31"
    history = api.get(f"{path}/history", key=api.keys.auditor).json()["events"]
    carried_over = [e for e in history if e["type"] == "Disbursement.CarriedOver"]
    assert [e["data"]["until"] for e in carried_over] == ["2026-02-28", "2026-03-31"]


def test_a_carry_over_is_the_bureau_s_into_the_next_year_with_a_reason(api: Api) -> None:
    path = _approved_in_december(api)
    body = {"until": "2026-03-31", "reason": "验收安排在次年一季度"}

    assert_problem(
        api.post(f"{path}/carry-over", key=api.keys.hub, json=body), 403, "forbidden_role"
    )
    for until in ("2025-12-31", "2027-01-01"):
        assert_refused_unrecorded(
            api, 422, "invalid_carry_over", f"{path}/carry-over", key=api.keys.bureau,
            json={**body, "until": until},
        )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "validation_failed", f"{path}/carry-over", key=api.keys.bureau,
        json={**body, "reason": ""},
    )  # fmt: skip


def test_what_a_line_did_not_use_by_the_year_s_end_lapses(api: Api) -> None:
    path = _approved_in_december(api)
    budget_id = api.get(path, key=api.keys.bureau).json()["budget_id"]

    ended = api.get(f"/v1/budgets/{budget_id}", key=api.keys.bureau).json()
    in_the_year = api.get(
        f"/v1/budgets/{budget_id}", key=api.keys.bureau, params={"as_on": "2025-12-31"}
    ).json()

    assert ended["year_ended"] is True
    assert ended["lapsed"] == ended["totals"]["remaining"]
    assert "lapsed" not in in_the_year


def test_each_line_says_what_lapsed_in_the_budget_and_in_the_lines_view(api: Api) -> None:
    path = _approved_in_december(api)
    budget_id = api.get(path, key=api.keys.bureau).json()["budget_id"]

    budget = api.get(f"/v1/budgets/{budget_id}", key=api.keys.bureau).json()
    view = api.get(
        "/v1/views/funds/budget-lines", key=api.keys.bureau,
        params={"year": 2025, "min_position": api.head()},
    ).json()["lines"]  # fmt: skip
    in_the_year = api.get(
        "/v1/views/funds/budget-lines", key=api.keys.bureau,
        params={"year": 2025, "as_on": "2025-12-31", "min_position": api.head()},
    ).json()["lines"]  # fmt: skip

    lapsed = {line["code"]: line["lapsed"] for line in budget["lines"]}
    assert lapsed == {line["code"]: line["remaining"] for line in budget["lines"]}
    assert sum(map(Decimal, lapsed.values())) == Decimal(budget["lapsed"])
    # The reservation approved in December is committed, so its line lapses less than approved.
    assert any(Decimal(v) < Decimal(line["approved"]) for line in budget["lines"]
               for k, v in lapsed.items() if k == line["code"])  # fmt: skip
    assert {row["line_code"]: row["lapsed"] for row in view} == lapsed
    assert all(row["year_ended"] for row in view)
    assert {row["lapsed"] for row in in_the_year} == {"0.00"}
    assert not any(row["year_ended"] for row in in_the_year)
