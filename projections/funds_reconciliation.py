"""Reconciliation (对账) of a year of funds, read from the funds view: every disbursement that was
paid or shows an exception, tied to its approval, its line and the line's approval, each with
the exceptions found, one value per cell.

Exceptions (codes, joined by ``; `` in ``exceptions``):

- ``payment_without_approval``: paid, and no approval recorded;
- ``approved_by_requester``: approved by the principal that requested it;
- ``paid_before_approval``: a payment day before the day it was approved;
- ``paid_after_close``: paid on a day of a closed period, under the hub's allowance;
- ``voucher_reused``: its voucher backs another disbursement that was not rejected (any year);
- ``payment_reference_reused``: its bank reference records another payment (any year);
- ``status_disagreement``: its status is not the one its amounts give, or (when the caller
  gives the resource's status) the view and the resource disagree;
- ``line_over_approved``: its line uses more than was approved.

What the log cannot show: a refused write records nothing, so refused over-commitments, refused
second uses of a voucher or bank reference and refused entries for a closed period never appear
here (the API's access log records those requests and their status, not what they would have
written).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

from typing_extensions import TypedDict

from projections.funds import BUDGET_LINES, DISBURSEMENTS, REASONS_SEPARATOR
from projections.store import Tx


class ReconciliationRow(TypedDict):
    """A disbursement paid in the year or with an exception: tied to its approval, its line and
    the line's approval (amounts are decimals in yuan, as text)."""

    disbursement_id: str
    hub_id: str
    year: int
    line_code: str
    line_approved: str | None
    """The amount approved for its line (``null`` if the line is not in the view)."""
    line_approved_by: str | None
    line_approved_on: str | None
    amount: str
    requested_by: str
    requested_on: str
    approved_by: str | None
    approved_on: str | None
    paid_by: str | None
    paid_on: str | None
    payment_reference: str | None
    reversed_amount: str
    net_paid: str
    status: str
    """The status the view gives."""
    resource_status: str | None
    """The status the disbursement resource shows (``null`` if it was not read)."""
    exceptions: str
    """The exceptions found, their codes joined by ``; `` (empty if none)."""


RECONCILIATION_COLUMNS = list(ReconciliationRow.__annotations__)

_READ = [
    "d.disbursement_id", "d.hub_id", "d.year", "d.line_code", "l.approved", "o.approved_by",
    "o.approved_on", "d.amount", "d.requested_by", "d.requested_on", "d.approved_by",
    "d.approved_on", "d.paid_by", "d.paid_on", "d.payment_reference", "d.reversed_amount",
    "d.net_paid", "d.status", "d.voucher_sha256", "d.paid_post_close", "d.rejected_by",
    "l.committed", "l.paid", "l.reversed", "l.recovered",
]  # fmt: skip
_NAMES = [*RECONCILIATION_COLUMNS[:18], "voucher", "post_close", "rejected_by"]
_NAMES += ["line_committed", "line_paid", "line_reversed", "line_recovered"]


def _status_of(row: dict[str, Any]) -> str:
    """The status a disbursement's recorded steps and amounts give (as the domain decides)."""
    if row["rejected_by"] is not None:
        return "rejected"
    if row["paid_on"] is None:
        return "requested" if row["approved_by"] is None else "approved"
    return "reversed" if Decimal(row["net_paid"]) == 0 else "paid"


def _reference(value: str | None) -> str | None:
    return None if value is None else value.strip().upper()


def _line_over(row: dict[str, Any]) -> bool:
    if row["line_approved"] is None:
        return False
    used = (
        Decimal(row["line_committed"])
        + Decimal(row["line_paid"])
        - Decimal(row["line_reversed"])
        + Decimal(row["line_recovered"])
    )
    return used > Decimal(row["line_approved"])


def reconciliation(
    tx: Tx,
    *,
    year: int,
    hub_id: str | None = None,
    resource_status: Callable[[str], str] | None = None,
) -> list[ReconciliationRow]:
    """The year's paid disbursements and those with an exception, in request order.

    ``resource_status(disbursement_id)`` is the status the resource shows, if the caller can
    read it; a view that disagrees with it is a ``status_disagreement``.
    """
    read = ", ".join(_READ)
    sql = (
        f"SELECT {read} FROM {DISBURSEMENTS} d "
        f"LEFT JOIN {BUDGET_LINES} l ON l.budget_id = d.budget_id AND l.line_code = d.line_code "
        f"LEFT JOIN {BUDGET_LINES}_owner o ON o.budget_id = d.budget_id"
    )
    # Every year is read: a voucher or bank reference reused across years is an exception too.
    everything = [dict(zip(_NAMES, r, strict=True)) for r in tx.fetchall(sql, ())]
    vouchers = Counter(r["voucher"] for r in everything if r["rejected_by"] is None)
    references = Counter(
        _reference(r["payment_reference"]) for r in everything if r["payment_reference"]
    )
    rows = [
        r for r in everything if r["year"] == year and (hub_id is None or r["hub_id"] == hub_id)
    ]
    rows.sort(key=lambda r: (r["requested_on"], r["disbursement_id"]))
    result: list[ReconciliationRow] = []
    for row in rows:
        shown = resource_status(row["disbursement_id"]) if resource_status else None
        found = {
            "payment_without_approval": row["paid_on"] is not None and row["approved_by"] is None,
            "approved_by_requester": row["approved_by"] == row["requested_by"],
            "paid_before_approval": row["paid_on"] is not None
            and row["approved_on"] is not None
            and row["paid_on"] < row["approved_on"],
            "paid_after_close": bool(row["post_close"]),
            "voucher_reused": row["rejected_by"] is None and vouchers[row["voucher"]] > 1,
            "payment_reference_reused": bool(row["payment_reference"])
            and references[_reference(row["payment_reference"])] > 1,
            "status_disagreement": row["status"] != _status_of(row)
            or (shown is not None and shown != row["status"]),
            "line_over_approved": _line_over(row),
        }
        exceptions = [code for code, present in found.items() if present]
        if row["paid_on"] is None and not exceptions:
            continue
        row["resource_status"] = shown
        row["exceptions"] = REASONS_SEPARATOR.join(exceptions)
        result.append(cast("ReconciliationRow", {c: row[c] for c in RECONCILIATION_COLUMNS}))
    return result
