"""Funds (Art. 7, 16): every budget line's approved, committed, paid, reversed and recovered
(clawed back) amounts, and each disbursement's trail from request to payment, with who and when:
one value per column (reasons joined), so the finance export has one value per cell. Who a
``key:<id>`` actor is comes from the key's issue, folded here too (``FUNDS_ACTORS``).

A disbursement's status is the domain's (:class:`~ledger.domain.disbursement.DisbursementStatus`):
a partly reversed payment stays ``paid`` (with its ``reversed_amount`` and ``net_paid``), and
only one returned in full is ``reversed``, as on ``GET /v1/disbursements/{id}``."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar
from uuid import UUID

from ledger.domain.access_key import AccessKey
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement, ReversalKind
from projections.base import Projection, actor, business_date, iso, on, text, update
from projections.store import Tx

BUDGET_LINES = "view_budget_lines"
DISBURSEMENTS = "view_disbursements"
FUNDS_ACTORS = "view_funds_actors"
REASONS_SEPARATOR = "; "
_REVERSED = {ReversalKind.REFUND: "refunded", ReversalKind.CLAWBACK: "clawed_back"}
"""Each kind of reversal and the prefix of its columns."""
_AMOUNTS = ("proposed", "approved", "committed", "paid", "reversed", "recovered")


def _write_lines(tx: Tx, event: Budget.Proposed | Budget.Revised, position: int) -> None:
    hub_id, year = _owner_of(tx, event.originator_id)
    for line in event.lines:
        tx.execute(
            f"INSERT INTO {BUDGET_LINES} (budget_id, line_code, hub_id, year, category, "
            "description, proposed, approved, committed, paid, reversed, recovered, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '0.00', '0.00', '0.00', '0.00', '0.00', ?)",
            (
                str(event.originator_id), line["code"], hub_id, year, line["category"],
                line["description"], str(line["amount"]), position,
            ),
        )  # fmt: skip


def _owner_of(tx: Tx, budget_id: UUID) -> tuple[str, int]:
    row = tx.fetchone(
        f"SELECT hub_id, year FROM {BUDGET_LINES}_owner WHERE budget_id = ?", (str(budget_id),)
    )
    if row is None:  # every budget stream starts with Proposed, which records its owner
        msg = f"budget {budget_id} has no owner row"
        raise RuntimeError(msg)
    return str(row[0]), int(row[1])


LineMove = (
    Budget.FundsCommitted
    | Budget.CommitmentReleased
    | Budget.CommitmentPaid
    | Budget.PaymentReversed
    | Budget.PaymentRecovered
)


def _move(tx: Tx, event: LineMove, position: int, **signs: int) -> None:
    """Add ``sign × amount`` to each column of ``signs`` of the event's budget line."""
    budget_id = str(event.originator_id)
    for column, sign in signs.items():
        row = tx.fetchone(
            f"SELECT {column} FROM {BUDGET_LINES} WHERE budget_id = ? AND line_code = ?",
            (budget_id, event.line_code),
        )
        if row is None:
            continue
        tx.execute(
            f"UPDATE {BUDGET_LINES} SET {column} = ?, position = ? "
            "WHERE budget_id = ? AND line_code = ?",
            (str(Decimal(row[0]) + sign * event.amount), position, budget_id, event.line_code),
        )


class FundsProjection(Projection):
    name = "funds"
    version = 5
    tables: ClassVar[dict[str, str]] = {
        f"{BUDGET_LINES}_owner": (
            "budget_id TEXT PRIMARY KEY, hub_id TEXT NOT NULL, year INTEGER NOT NULL, "
            "approved_by TEXT, approved_on TEXT"
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
            "payment_reference TEXT, paid_post_close INTEGER NOT NULL, approval_note TEXT, "
            "rejection_reasons TEXT, "
            + ", ".join(
                f"{done} TEXT NOT NULL, {done}_by TEXT, {done}_on TEXT, {kind}_reasons TEXT"
                for kind, done in _REVERSED.items()
            )
            + ", reversed_amount TEXT NOT NULL, net_paid TEXT NOT NULL, "
            "status TEXT NOT NULL, position BIGINT NOT NULL"
        ),
        FUNDS_ACTORS: (
            "actor TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, platform_id TEXT"
        ),
    }

    # --- budgets ------------------------------------------------------------------------------

    @on(Budget.Proposed)
    def budget_proposed(self, tx: Tx, event: Budget.Proposed, position: int) -> None:
        tx.execute(
            f"INSERT INTO {BUDGET_LINES}_owner (budget_id, hub_id, year) VALUES (?, ?, ?) "
            "ON CONFLICT (budget_id) DO NOTHING",
            (str(event.originator_id), text(event.hub_id), event.year),
        )
        _write_lines(tx, event, position)

    @on(Budget.Revised)
    def budget_revised(self, tx: Tx, event: Budget.Revised, position: int) -> None:
        # A revision replaces the whole proposal (lines are only revised before approval).
        tx.execute(f"DELETE FROM {BUDGET_LINES} WHERE budget_id = ?", (str(event.originator_id),))
        _write_lines(tx, event, position)

    @on(Budget.Approved)
    def budget_approved(self, tx: Tx, event: Budget.Approved, position: int) -> None:
        tx.execute(
            f"UPDATE {BUDGET_LINES}_owner SET approved_by = ?, approved_on = ? WHERE budget_id = ?",
            (actor(event), business_date(event), str(event.originator_id)),
        )
        for code, amount in event.approved_amounts.items():
            tx.execute(
                f"UPDATE {BUDGET_LINES} SET approved = ?, position = ? "
                "WHERE budget_id = ? AND line_code = ?",
                (str(amount), position, str(event.originator_id), code),
            )

    @on(Budget.LineAdjusted)
    def line_adjusted(self, tx: Tx, event: Budget.LineAdjusted, position: int) -> None:
        tx.execute(
            f"UPDATE {BUDGET_LINES} SET approved = ?, position = ? "
            "WHERE budget_id = ? AND line_code = ?",
            (str(event.approved_amount), position, str(event.originator_id), event.line_code),
        )

    @on(Budget.FundsCommitted)
    def funds_committed(self, tx: Tx, event: Budget.FundsCommitted, position: int) -> None:
        _move(tx, event, position, committed=+1)

    @on(Budget.CommitmentReleased)
    def commitment_released(self, tx: Tx, event: Budget.CommitmentReleased, position: int) -> None:
        _move(tx, event, position, committed=-1)

    @on(Budget.CommitmentPaid)
    def commitment_paid(self, tx: Tx, event: Budget.CommitmentPaid, position: int) -> None:
        _move(tx, event, position, committed=-1, paid=+1)

    @on(Budget.PaymentReversed)
    def payment_reversed(self, tx: Tx, event: Budget.PaymentReversed, position: int) -> None:
        _move(tx, event, position, reversed=+1)

    @on(Budget.PaymentRecovered)
    def payment_recovered(self, tx: Tx, event: Budget.PaymentRecovered, position: int) -> None:
        # A clawback returns to the fund: reversed, and recovered so the line stays used.
        _move(tx, event, position, reversed=+1, recovered=+1)

    # --- disbursements ------------------------------------------------------------------------

    @on(Disbursement.Requested)
    def disbursement_requested(self, tx: Tx, event: Disbursement.Requested, position: int) -> None:
        tx.execute(
            f"INSERT INTO {DISBURSEMENTS} (disbursement_id, budget_id, hub_id, year, line_code, "
            "amount, payee, purpose, voucher_sha256, requested_by, requested_on, refunded, "
            "clawed_back, reversed_amount, net_paid, paid_post_close, status, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '0.00', '0.00', '0.00', '0.00', 0, "
            "'requested', ?) "
            "ON CONFLICT (disbursement_id) DO NOTHING",
            (
                str(event.originator_id), text(event.budget_id), text(event.hub_id), event.year,
                event.line_code, str(event.amount), event.payee, event.purpose,
                event.voucher_sha256, actor(event), business_date(event), position,
            ),
        )  # fmt: skip

    disbursement_approved = update(
        Disbursement.Approved,
        DISBURSEMENTS,
        "disbursement_id",
        "approved_by = ?, approved_on = ?, approval_note = ?, status = 'approved'",
        lambda e: (actor(e), business_date(e), e.note),
    )
    disbursement_rejected = update(
        Disbursement.Rejected,
        DISBURSEMENTS,
        "disbursement_id",
        "rejected_by = ?, rejected_on = ?, rejection_reasons = ?, status = 'rejected'",
        lambda e: (actor(e), business_date(e), REASONS_SEPARATOR.join(e.reasons)),
    )
    disbursement_paid = update(
        Disbursement.Paid,
        DISBURSEMENTS,
        "disbursement_id",
        "paid_by = ?, paid_on = ?, payment_reference = ?, paid_post_close = ?, "
        "net_paid = amount, status = 'paid'",
        # post_close: recorded for a closed period under the hub's allowance (see periods).
        lambda e: (actor(e), iso(e.paid_on), e.payment_reference, int(e.meta.post_close)),
    )

    @on(Disbursement.Reversed)
    def disbursement_reversed(self, tx: Tx, event: Disbursement.Reversed, position: int) -> None:
        # Per kind: the total, who recorded the latest and on which day, every reason in order.
        kind = ReversalKind(event.kind)
        done = _REVERSED[kind]
        disbursement_id = str(event.originator_id)
        row = tx.fetchone(
            f"SELECT amount, reversed_amount, {done}, {kind}_reasons FROM {DISBURSEMENTS} "
            "WHERE disbursement_id = ?",
            (disbursement_id,),
        )
        if row is None:  # every disbursement stream starts with Requested, which writes the row
            return
        amount, total = Decimal(row[0]), Decimal(row[1]) + event.amount
        reasons = event.reason if row[3] is None else f"{row[3]}{REASONS_SEPARATOR}{event.reason}"
        # As the domain: only a payment returned in full is reversed; in part it stays paid.
        status = "reversed" if total == amount else "paid"
        tx.execute(
            f"UPDATE {DISBURSEMENTS} SET {done} = ?, {done}_by = ?, {done}_on = ?, "
            f"{kind}_reasons = ?, reversed_amount = ?, net_paid = ?, status = ?, position = ? "
            "WHERE disbursement_id = ?",
            (
                str(Decimal(row[2]) + event.amount), actor(event), business_date(event), reasons,
                str(total), str(amount - total), status, position, disbursement_id,
            ),
        )  # fmt: skip

    # --- who the actors are -------------------------------------------------------------------

    @on(AccessKey.Issued)
    def key_issued(self, tx: Tx, event: AccessKey.Issued, position: int) -> None:
        tx.execute(
            f"INSERT INTO {FUNDS_ACTORS} (actor, name, role, platform_id) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (actor) DO NOTHING",
            (f"key:{event.originator_id}", event.name, event.role, text(event.platform_id)),
        )
