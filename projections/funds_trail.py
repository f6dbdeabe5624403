"""The disbursement trail as a finance office reads it: one row per disbursement, one value per
column, with its line's approval and every actor's recorded name and role.

An actor ``key:<id>`` is resolved to the name and role its key was issued with; any other actor
(``cli:<user>``, ``system:…``) has no key, so its name and role are left empty.
"""

from __future__ import annotations

from typing import Any

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


def _with_names(columns: list[str]) -> list[str]:
    """``columns`` with ``<x>_by_name`` and ``<x>_by_role`` after each ``<x>_by``."""
    out: list[str] = []
    for column in columns:
        out.append(column)
        if column.endswith("_by"):
            out += [f"{column}_name", f"{column}_role"]
    return out


DISBURSEMENT_COLUMNS = _with_names([name for name, _ in _SELECTED])
"""The trail's columns, in order (the CSV and workbook headers)."""


def disbursements(tx: Tx, *, year: int, hub_id: str | None = None) -> list[dict[str, Any]]:
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
    return [{c: row[c] for c in DISBURSEMENT_COLUMNS} for row in rows]


def _actors(tx: Tx, actors: set[str]) -> dict[str, tuple[str, str]]:
    if not actors:
        return {}
    wanted = sorted(actors)
    marks = ", ".join("?" for _ in wanted)
    found = tx.fetchall(
        f"SELECT actor, name, role FROM {FUNDS_ACTORS} WHERE actor IN ({marks})", wanted
    )
    return {str(a): (str(n), str(r)) for a, n, r in found}
