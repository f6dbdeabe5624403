"""The disbursement trail as a finance office reads it: one row per disbursement, one value per
column, with its line's approval and every actor's recorded name and role.

An actor ``key:<id>`` is resolved to the name and role its key was issued with; any other actor
(``cli:<user>``, ``system:…``) has no key, so its name and role are left empty.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from typing_extensions import TypedDict

from projections.funds import BUDGET_LINES, DISBURSEMENTS, FUNDS_ACTORS
from projections.store import Tx

_SELECTED = [
    ("disbursement_id", "d.disbursement_id"), ("budget_id", "d.budget_id"),
    ("hub_id", "d.hub_id"), ("year", "d.year"), ("line_code", "d.line_code"),
    ("line_approved", "l.approved"), ("line_approved_by", "o.approved_by"),
    ("line_approved_on", "o.approved_on"), ("amount", "d.amount"), ("payee", "d.payee"),
    ("purpose", "d.purpose"), ("voucher_sha256", "d.voucher_sha256"),
    ("requested_by", "d.requested_by"), ("requested_on", "d.requested_on"),
    ("approved_by", "d.approved_by"), ("approved_on", "d.approved_on"),
    ("approval_note", "d.approval_note"), ("rejected_by", "d.rejected_by"),
    ("rejected_on", "d.rejected_on"), ("rejection_reasons", "d.rejection_reasons"),
    ("paid_by", "d.paid_by"), ("paid_on", "d.paid_on"),
    ("payment_reference", "d.payment_reference"), ("refunded", "d.refunded"),
    ("refunded_by", "d.refunded_by"), ("refunded_on", "d.refunded_on"),
    ("refund_reasons", "d.refund_reasons"), ("clawed_back", "d.clawed_back"),
    ("clawed_back_by", "d.clawed_back_by"), ("clawed_back_on", "d.clawed_back_on"),
    ("clawback_reasons", "d.clawback_reasons"), ("reversed_amount", "d.reversed_amount"),
    ("net_paid", "d.net_paid"), ("status", "d.status"),
]  # fmt: skip


class DisbursementRow(TypedDict):
    """One disbursement of the trail: its line and the line's approval, its request, approval
    or rejection, payment, refund and clawback, each with who (the actor, and the name and role
    of its key: ``null`` for an actor without one) and when. Amounts are decimals in yuan, as
    text; days are Ningxia days."""

    disbursement_id: str
    budget_id: str
    hub_id: str
    year: int
    line_code: str
    line_approved: str | None
    """The amount approved for its line (``null`` if the line is not in the view)."""
    line_approved_by: str | None
    line_approved_by_name: str | None
    line_approved_by_role: str | None
    line_approved_on: str | None
    amount: str
    payee: str
    purpose: str
    voucher_sha256: str
    requested_by: str
    requested_by_name: str | None
    requested_by_role: str | None
    requested_on: str
    approved_by: str | None
    approved_by_name: str | None
    approved_by_role: str | None
    approved_on: str | None
    approval_note: str | None
    rejected_by: str | None
    rejected_by_name: str | None
    rejected_by_role: str | None
    rejected_on: str | None
    rejection_reasons: str | None
    paid_by: str | None
    paid_by_name: str | None
    paid_by_role: str | None
    paid_on: str | None
    payment_reference: str | None
    refunded: str
    """The amount refunded (zero if none)."""
    refunded_by: str | None
    refunded_by_name: str | None
    refunded_by_role: str | None
    refunded_on: str | None
    refund_reasons: str | None
    clawed_back: str
    """The amount clawed back (zero if none)."""
    clawed_back_by: str | None
    clawed_back_by_name: str | None
    clawed_back_by_role: str | None
    clawed_back_on: str | None
    clawback_reasons: str | None
    reversed_amount: str
    net_paid: str
    status: str
    """``requested``, ``approved``, ``rejected``, ``paid`` or ``reversed``."""


DISBURSEMENT_COLUMNS = list(DisbursementRow.__annotations__)
"""The trail's columns, in order (the CSV and workbook headers): those read, each ``<x>_by``
followed by ``<x>_by_name`` and ``<x>_by_role``."""


def disbursements(tx: Tx, *, year: int, hub_id: str | None = None) -> list[DisbursementRow]:
    """The year's disbursements in request order, each with its line's approval and the name and
    role of everyone who acted on it."""
    sql = (
        f"SELECT {', '.join(expr for _, expr in _SELECTED)} FROM {DISBURSEMENTS} d "
        f"LEFT JOIN {BUDGET_LINES} l ON l.budget_id = d.budget_id AND l.line_code = d.line_code "
        f"LEFT JOIN {BUDGET_LINES}_owner o ON o.budget_id = d.budget_id WHERE d.year = ?"
    )
    params: list[Any] = [year]
    if hub_id is not None:
        sql += " AND d.hub_id = ?"
        params.append(hub_id)
    sql += " ORDER BY d.requested_on, d.disbursement_id"
    names = [name for name, _ in _SELECTED]
    rows = [dict(zip(names, r, strict=True)) for r in tx.fetchall(sql, params)]
    who = _actors(tx, {row[c] for row in rows for c in names if c.endswith("_by") and row[c]})
    for row in rows:
        for column in [c for c in names if c.endswith("_by")]:
            name, role = who.get(row[column], (None, None))
            row[f"{column}_name"], row[f"{column}_role"] = name, role
    return [cast("DisbursementRow", {c: row[c] for c in DISBURSEMENT_COLUMNS}) for row in rows]


def _actors(tx: Tx, actors: set[str]) -> dict[str, tuple[str, str]]:
    if not actors:
        return {}
    wanted = sorted(actors)
    marks = ", ".join("?" for _ in wanted)
    found = tx.fetchall(
        f"SELECT actor, name, role FROM {FUNDS_ACTORS} WHERE actor IN ({marks})", wanted
    )
    return {str(a): (str(n), str(r)) for a, n, r in found}


def paid_as_on(row: DisbursementRow, day: str) -> Decimal:
    """What a disbursement had paid by ``day`` (an ISO date), net of the refunds and clawbacks
    made by then."""
    if row["paid_on"] is None or row["paid_on"] > day:
        return Decimal(0)
    net = Decimal(row["amount"])
    for amount, on in ((row["refunded"], row["refunded_on"]),
                       (row["clawed_back"], row["clawed_back_on"])):  # fmt: skip
        if on is not None and on <= day:
            net -= Decimal(amount)
    return net
