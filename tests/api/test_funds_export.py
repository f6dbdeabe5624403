"""The finance export (CSV and workbook): the disbursement trail with one value per cell, its
line's approval, every reversal's amount, day and reason, and actors by name; and the route that
says who a key is."""

from __future__ import annotations

import csv
import io
from typing import Any
from uuid import uuid4

import pytest
from openpyxl import load_workbook

from api.workbook import MEDIA_TYPE as WORKBOOK
from ledger.domain.access_key import Role
from tests.api._support import (
    BUDGET_YEAR,
    JSON,
    STORES,
    Api,
    accepted,
    approved_budget,
    assert_problem,
    disbursement_in,
    reversal_body,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def _identity(api: Api, actor: str) -> JSON:
    key_id = actor.removeprefix("key:")
    return accepted(api.get(f"/v1/access-keys/{key_id}/identity", key=api.keys.auditor))


def _exported(api: Api) -> dict[str, dict[str, str]]:
    response = api.get(
        "/v1/views/funds/disbursements",
        key=api.keys.auditor,
        params={"year": BUDGET_YEAR, "min_position": api.head(), "format": "csv"},
    )
    assert response.status_code == 200, response.text
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return {row["disbursement_id"]: row for row in rows}


def _reverse(api: Api, d_id: str, who: str, **body: Any) -> JSON:
    return accepted(
        api.post(
            f"/v1/disbursements/{d_id}/reversal",
            key=getattr(api.keys, who),
            json=reversal_body(**body),
        )
    )


def test_a_key_id_resolves_to_its_recorded_name_role_and_platform(api: Api) -> None:
    approved_budget(api)
    trail = accepted(
        api.get(f"/v1/disbursements/{disbursement_in(api, 'paid')}", key=api.keys.auditor)
    )

    hub = _identity(api, trail["request"]["by"])
    bureau = _identity(api, trail["approval"]["by"])

    assert (hub["role"], hub["platform_id"]) == ("hub", str(api.hub_id))
    assert (bureau["role"], bureau["platform_id"]) == ("bureau", None)
    assert hub["actor"] == trail["request"]["by"]
    assert hub["name"]
    assert bureau["name"]
    assert not {"secret_hash", "hint", "secret"} & set(hub)


def test_an_unknown_key_id_is_not_found(api: Api) -> None:
    response = api.get(f"/v1/access-keys/{uuid4()}/identity", key=api.keys.bureau)

    assert_problem(response, 404, "access_key_not_found")


def test_the_export_has_one_value_per_cell_and_the_whole_trail(api: Api) -> None:
    approved_budget(api)
    rejected = disbursement_in(api, "rejected", amount="50.00")
    reversed_ = disbursement_in(api, "paid")
    _reverse(api, reversed_, "hub", amount="40.00", reason="多付退回")
    _reverse(api, reversed_, "hub", amount="10.00", reason="利息退回")
    _reverse(api, reversed_, "bureau", kind="clawback", amount="100.00", reason="违规使用")
    trail = accepted(api.get(f"/v1/disbursements/{reversed_}", key=api.keys.auditor))

    rows = _exported(api)

    cells = [value for row in rows.values() for value in row.values()]
    assert not [c for c in cells if c.startswith(("[", "{"))], "no JSON in a cell"
    assert rows[rejected]["rejection_reasons"] == "凭证不全"
    assert rows[rejected]["status"] == "rejected"
    row = rows[reversed_]
    assert (row["line_code"], row["line_approved"], row["amount"]) == ("L01", "800.00", "300.00")
    assert row["line_approved_on"]
    assert row["line_approved_by_role"] == "bureau"
    assert row["approval_note"] == "同意拨付"
    assert (row["refunded"], row["refund_reasons"]) == ("50.00", "多付退回; 利息退回")
    assert (row["clawed_back"], row["clawback_reasons"]) == ("100.00", "违规使用")
    assert row["refunded_on"] == row["clawed_back_on"] == row["paid_on"]
    assert (row["reversed_amount"], row["net_paid"], row["status"]) == ("150.00", "150.00", "paid")
    assert row["requested_by"] == trail["request"]["by"]
    assert row["requested_by_name"] == _identity(api, trail["request"]["by"])["name"]
    assert (row["requested_by_role"], row["approved_by_role"]) == ("hub", "bureau")
    assert (row["refunded_by_role"], row["clawed_back_by_role"]) == ("hub", "bureau")
    assert row["approved_by_name"] == _identity(api, trail["approval"]["by"])["name"]


def test_the_hub_resolves_any_issued_key_to_its_name_and_role(api: Api) -> None:
    _, key_id = api.issue_key(Role.AUDITOR)

    identity = accepted(api.get(f"/v1/access-keys/{key_id}/identity", key=api.keys.hub))

    assert (identity["name"], identity["role"]) == ("extra auditor", "auditor")


def test_the_workbook_has_the_same_rows_as_the_csv_with_money_as_numbers(api: Api) -> None:
    approved_budget(api)
    d_id = disbursement_in(api, "paid")
    _reverse(api, d_id, "bureau", kind="clawback", amount="100.00", reason="违规使用")
    exported = _exported(api)

    response = api.get(
        "/v1/views/funds/disbursements",
        key=api.keys.auditor,
        params={"year": BUDGET_YEAR, "format": "xlsx"},
    )

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(WORKBOOK)
    assert f"disbursements-{BUDGET_YEAR}.xlsx" in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    header, *values = [list(r) for r in sheet.iter_rows(values_only=True)]
    [row] = [dict(zip(header, v, strict=True)) for v in values]
    assert header == list(exported[d_id])
    assert row["clawed_back"] == 100
    assert sheet.cell(row=2, column=header.index("amount") + 1).number_format == "0.00"
    as_text = {k: "" if v is None else str(v) for k, v in row.items()}
    money = {"line_approved", "amount", "refunded", "clawed_back", "reversed_amount", "net_paid"}
    assert {k: v for k, v in as_text.items() if k not in money} == {
        k: v for k, v in exported[d_id].items() if k not in money
    }
