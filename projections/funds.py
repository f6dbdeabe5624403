"""Funds (Art. 7, 16): every budget line's approved, committed, paid and reversed amounts, and
each disbursement's trail from request to payment, with who and when."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement
from projections.base import Event, Handler, Projection, actor, business_date, iso, text, updater
from projections.store import Tx

BUDGET_LINES = "view_budget_lines"
DISBURSEMENTS = "view_disbursements"
_AMOUNTS = ("proposed", "approved", "committed", "paid", "reversed")


def _proposed(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    _write_lines(tx, e, e.lines, position)


def _revised(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    # A revision replaces the whole proposal (lines are only revised before approval).
    tx.execute(f"DELETE FROM {BUDGET_LINES} WHERE budget_id = ?", (str(e.originator_id),))
    _write_lines(tx, e, e.lines, position)


def _write_lines(tx: Tx, e: Any, lines: list[dict[str, Any]], position: int) -> None:
    hub_id, year = _budget_of(tx, e)
    for line in lines:
        tx.execute(
            f"INSERT INTO {BUDGET_LINES} (budget_id, line_code, hub_id, year, category, "
            "description, proposed, approved, committed, paid, reversed, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '0.00', '0.00', '0.00', '0.00', ?)",
            (
                str(e.originator_id), line["code"], hub_id, year, line["category"],
                line["description"], str(line["amount"]), position,
            ),
        )  # fmt: skip


def _budget_of(tx: Tx, e: Any) -> tuple[str, int]:
    data = vars(e)
    if "hub_id" in data:
        tx.execute(
            f"INSERT INTO {BUDGET_LINES}_owner (budget_id, hub_id, year) VALUES (?, ?, ?) "
            "ON CONFLICT (budget_id) DO NOTHING",
            (str(e.originator_id), text(e.hub_id), e.year),
        )
    row = tx.fetchone(
        f"SELECT hub_id, year FROM {BUDGET_LINES}_owner WHERE budget_id = ?",
        (str(e.originator_id),),
    )
    if row is None:  # every budget stream starts with Proposed, which records its owner
        msg = f"budget {e.originator_id} has no owner row"
        raise RuntimeError(msg)
    return str(row[0]), int(row[1])


def _move(column: str, sign: int, also: tuple[str, int] | None = None) -> Handler:
    """Add ``sign × amount`` to a line's ``column`` (and to ``also``'s column, with its sign)."""

    def handle(_: Any, tx: Tx, event: Event, position: int) -> None:
        e: Any = event
        _add(tx, str(e.originator_id), e.line_code, {column: sign * e.amount}, position)
        if also is not None:
            _add(tx, str(e.originator_id), e.line_code, {also[0]: also[1] * e.amount}, position)

    return handle


def _add(tx: Tx, budget_id: str, line_code: str, deltas: dict[str, Decimal], position: int) -> None:
    columns = ", ".join(deltas)
    row = tx.fetchone(
        f"SELECT {columns} FROM {BUDGET_LINES} WHERE budget_id = ? AND line_code = ?",
        (budget_id, line_code),
    )
    if row is None:
        return
    values = [str(Decimal(old) + delta) for old, delta in zip(row, deltas.values(), strict=True)]
    assignments = ", ".join(f"{c} = ?" for c in deltas)
    tx.execute(
        f"UPDATE {BUDGET_LINES} SET {assignments}, position = ? "
        "WHERE budget_id = ? AND line_code = ?",
        (*values, position, budget_id, line_code),
    )


def _approved(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    for code, amount in e.approved_amounts.items():
        tx.execute(
            f"UPDATE {BUDGET_LINES} SET approved = ?, position = ? "
            "WHERE budget_id = ? AND line_code = ?",
            (str(amount), position, str(e.originator_id), code),
        )


def _adjusted(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    tx.execute(
        f"UPDATE {BUDGET_LINES} SET approved = ?, position = ? "
        "WHERE budget_id = ? AND line_code = ?",
        (str(e.approved_amount), position, str(e.originator_id), e.line_code),
    )


def _requested(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    tx.execute(
        f"INSERT INTO {DISBURSEMENTS} (disbursement_id, budget_id, hub_id, year, line_code, "
        "amount, payee, purpose, voucher_sha256, requested_by, requested_on, reversed, status, "
        "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '0.00', 'requested', ?) "
        "ON CONFLICT (disbursement_id) DO NOTHING",
        (
            str(e.originator_id), text(e.budget_id), text(e.hub_id), e.year, e.line_code,
            str(e.amount), e.payee, e.purpose, e.voucher_sha256, actor(e), business_date(e),
            position,
        ),
    )  # fmt: skip


def _reversed(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    row = tx.fetchone(
        f"SELECT reversed FROM {DISBURSEMENTS} WHERE disbursement_id = ?", (str(e.originator_id),)
    )
    total = Decimal(row[0] if row else "0") + e.amount
    tx.execute(
        f"UPDATE {DISBURSEMENTS} SET reversed = ?, reversal_kind = ?, status = 'reversed', "
        "position = ? WHERE disbursement_id = ?",
        (str(total), e.kind, position, str(e.originator_id)),
    )


class FundsProjection(Projection):
    name = "funds"
    version = 1
    tables: ClassVar[dict[str, str]] = {
        f"{BUDGET_LINES}_owner": (
            "budget_id TEXT PRIMARY KEY, hub_id TEXT NOT NULL, year INTEGER NOT NULL"
        ),
        BUDGET_LINES: (
            "budget_id TEXT NOT NULL, line_code TEXT NOT NULL, hub_id TEXT NOT NULL, "
            "year INTEGER NOT NULL, category TEXT NOT NULL, description TEXT NOT NULL, "
            + ", ".join(f"{c} TEXT NOT NULL" for c in _AMOUNTS)
            + ", position BIGINT NOT NULL, PRIMARY KEY (budget_id, line_code)"
        ),
        DISBURSEMENTS: (
            "disbursement_id TEXT PRIMARY KEY, budget_id TEXT NOT NULL, hub_id TEXT NOT NULL, "
            "year INTEGER NOT NULL, line_code TEXT NOT NULL, amount TEXT NOT NULL, "
            "payee TEXT NOT NULL, purpose TEXT NOT NULL, voucher_sha256 TEXT NOT NULL, "
            "requested_by TEXT NOT NULL, requested_on TEXT NOT NULL, approved_by TEXT, "
            "approved_on TEXT, rejected_by TEXT, rejected_on TEXT, paid_by TEXT, paid_on TEXT, "
            "payment_reference TEXT, reversed TEXT NOT NULL, reversal_kind TEXT, "
            "status TEXT NOT NULL, position BIGINT NOT NULL"
        ),
    }
    handlers: ClassVar[dict[type, Handler]] = {
        Budget.Proposed: _proposed,
        Budget.Revised: _revised,
        Budget.Approved: _approved,
        Budget.LineAdjusted: _adjusted,
        Budget.FundsCommitted: _move("committed", +1),
        Budget.CommitmentReleased: _move("committed", -1),
        Budget.CommitmentPaid: _move("committed", -1, also=("paid", +1)),
        Budget.PaymentReversed: _move("reversed", +1),
        Disbursement.Requested: _requested,
        Disbursement.Approved: updater(
            DISBURSEMENTS,
            "disbursement_id",
            "approved_by = ?, approved_on = ?, status = 'approved'",
            lambda e: (actor(e), business_date(e)),
        ),
        Disbursement.Rejected: updater(
            DISBURSEMENTS,
            "disbursement_id",
            "rejected_by = ?, rejected_on = ?, status = 'rejected'",
            lambda e: (actor(e), business_date(e)),
        ),
        Disbursement.Paid: updater(
            DISBURSEMENTS,
            "disbursement_id",
            "paid_by = ?, paid_on = ?, payment_reference = ?, status = 'paid'",
            lambda e: (actor(e), iso(e.paid_on), e.payment_reference),
        ),
        Disbursement.Reversed: _reversed,
    }
