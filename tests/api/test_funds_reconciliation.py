"""Reconciliation over HTTP: every payment of a year tied to its approval and its line, and every
exception listed. The domain refuses what would be an exception, so the rows that show them are
written into the view the way older records (before those rules) or a tampered view would be."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app
from ledger.domain.ids import period_id
from projections.funds import DISBURSEMENTS
from projections.runner import ProjectionRunner
from runtime.pack_reconcile import reconcile_pack
from tests._audit import KEY, OTHER_KEY, export, seal
from tests.api._support import (
    BUDGET_YEAR,
    STORES,
    TODAY,
    Api,
    accepted,
    approved_budget,
    assert_problem,
    created,
    disbursement_approval_body,
    disbursement_body,
    disbursement_in,
    payment_body,
    store_url,
)
from tests.api.test_funds_history import _budget_of_2025, at


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def _reconciliation(api: Api, key: str | None = None) -> dict[str, dict[str, Any]]:
    response = api.get(
        "/v1/views/funds/reconciliation",
        key=key or api.keys.auditor,
        params={"year": BUDGET_YEAR, "min_position": api.head()},
    )
    return {row["disbursement_id"]: row for row in accepted(response)["reconciliation"]}


def _rewrite_view_row(api: Api, disbursement_id: str, **columns: object) -> None:
    views: ProjectionRunner = api.client.app.state.views  # type: ignore[attr-defined]
    sets = ", ".join(f"{c} = ?" for c in columns)
    with views.store.transaction() as tx:
        tx.execute(
            f"UPDATE {DISBURSEMENTS} SET {sets} WHERE disbursement_id = ?",
            (*columns.values(), disbursement_id),
        )


def test_a_payment_is_tied_to_its_approval_and_its_line_with_no_exception(api: Api) -> None:
    approved_budget(api)
    paid = disbursement_in(api, "paid")
    open_ = disbursement_in(api, "requested", amount="50.00")

    rows = _reconciliation(api)

    assert list(rows) == [paid], "an open disbursement without exceptions is not listed"
    row = rows[paid]
    assert open_ not in rows
    assert (row["line_code"], row["line_approved"], row["amount"]) == ("L01", "800.00", "300.00")
    assert row["line_approved_by"] is not None
    assert row["approved_by"] != row["requested_by"]
    assert (row["status"], row["resource_status"], row["exceptions"]) == ("paid", "paid", "")


def test_a_view_that_disagrees_with_the_resource_is_an_exception(api: Api) -> None:
    approved_budget(api)
    paid = disbursement_in(api, "paid")
    _reconciliation(api)  # the view has caught up
    _rewrite_view_row(api, paid, status="reversed")

    row = _reconciliation(api)[paid]

    assert (row["status"], row["resource_status"]) == ("reversed", "paid")
    assert row["exceptions"] == "status_disagreement"


def test_reused_vouchers_and_references_and_self_approval_are_exceptions(api: Api) -> None:
    approved_budget(api)
    first = disbursement_in(api, "paid", amount="100.00")
    second = disbursement_in(api, "approved", amount="100.00")
    accepted(
        api.post(
            f"/v1/disbursements/{second}/payment",
            key=api.keys.hub,
            json=payment_body(payment_reference="NXBANK-0002"),
        )
    )
    _reconciliation(api)  # the view has caught up
    [voucher] = [
        r["voucher_sha256"]
        for r in accepted(
            api.get("/v1/views/funds/disbursements", key=api.keys.auditor,
                    params={"year": BUDGET_YEAR})
        )["disbursements"]
        if r["disbursement_id"] == first
    ]  # fmt: skip
    requester = accepted(api.get(f"/v1/disbursements/{second}", key=api.keys.auditor))
    # As recorded before one voucher and one bank reference were unique in the network.
    _rewrite_view_row(
        api,
        second,
        voucher_sha256=voucher,
        payment_reference=" nxbank-0001 ",
        approved_by=requester["request"]["by"],
    )

    rows = _reconciliation(api)

    assert rows[first]["exceptions"] == "voucher_reused; payment_reference_reused"
    assert rows[second]["exceptions"] == (
        "approved_by_requester; voucher_reused; payment_reference_reused"
    )


def test_a_hub_reconciles_only_its_own_funds_and_a_window_not_at_all(api: Api) -> None:
    approved_budget(api)
    paid = disbursement_in(api, "paid")

    assert list(_reconciliation(api, api.keys.hub)) == [paid]
    refused = api.get(
        "/v1/views/funds/reconciliation", key=api.keys.window_a, params={"year": BUDGET_YEAR}
    )
    assert_problem(refused, 403, "forbidden_role")


def test_a_payment_entered_for_a_closed_year_under_an_allowance_is_an_exception(api: Api) -> None:
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
    allowance = {"platform_id": str(api.hub_id), "until": TODAY.isoformat(), "reason": "补录"}
    accepted(api.post(f"/v1/periods/{period_id('2025')}/allowances", key=api.keys.hub,
                      json=allowance))  # fmt: skip
    accepted(api.post(f"{path}/payment", key=api.keys.hub, json=payment_body(paid_on="2025-12-31")))

    response = api.get(
        "/v1/views/funds/reconciliation",
        key=api.keys.bureau,
        params={"year": 2025, "min_position": api.head()},
    )

    [row] = accepted(response)["reconciliation"]
    assert (row["paid_on"], row["exceptions"]) == ("2025-12-31", "paid_after_close")


def test_the_reconciliation_recomputed_from_an_evidence_pack_is_the_servers(
    api: Api, tmp_path: Path
) -> None:
    approved_budget(api)
    paid = disbursement_in(api, "paid")
    disbursement_in(api, "rejected", amount="50.00")
    disbursement_in(api, "approved", amount="20.00")
    served = list(_reconciliation(api).values())
    seal(api.ledger)
    pack = tmp_path / "pack.zip"
    export(api.ledger, pack)

    assert reconcile_pack(pack, year=BUDGET_YEAR) == served
    assert reconcile_pack(pack, year=BUDGET_YEAR, hub_id=str(api.hub_id)) == served
    assert reconcile_pack(pack, year=BUDGET_YEAR + 1) == []

    # A view changed behind the log's back shows in the server's report, not in the pack's.
    _rewrite_view_row(api, paid, net_paid="0.00")
    assert _reconciliation(api)[paid]["exceptions"] == "status_disagreement"
    assert reconcile_pack(pack, year=BUDGET_YEAR) == served


def test_audit_reconcile_verifies_the_pack_and_writes_the_report_as_csv(
    api: Api, tmp_path: Path
) -> None:
    approved_budget(api)
    disbursement_in(api, "paid")
    served = list(_reconciliation(api).values())
    seal(api.ledger)
    pack, key, other = tmp_path / "pack.zip", tmp_path / "key.pub", tmp_path / "other.pub"
    export(api.ledger, pack)
    key.write_text(KEY.public.pem)
    other.write_text(OTHER_KEY.public.pem)
    asked = ["audit", "reconcile", str(pack), "--year", str(BUDGET_YEAR), "--public-key"]

    done = CliRunner().invoke(app, [*asked, str(key)])
    refused = CliRunner().invoke(app, [*asked, str(other)])

    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows == [{k: "" if v is None else str(v) for k, v in r.items()} for r in served]
    assert "1 disbursement(s)" in done.stderr
    assert refused.exit_code == 1
    assert "does not verify" in refused.stderr
