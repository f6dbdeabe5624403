"""The records behind an appraisal's figures (drill-down): for each figure, the rows of the views
it was counted from, each saying whether it counts, read at the appraisal's own log position.

Every figure of ``appraisal_figures`` is a count (or a sum) over one kind of record: the cases a
subject delivered in the year, the enterprises they served, its activities, its agreements in
force at the end of the year, its data reports, the windows of the network, the hub's
disbursements. The rows listed are those records, with ``counted`` true for the ones the figure
counts (for a share: those of its part; the whole is every row the share is taken of), so that
the rows counted add up to the figure recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ledger.domain.schemes import SHARE_PARTS
from projections.activities import ACTIVITIES, DATA_REPORTS
from projections.appraisal_figures import size_at_year_end
from projections.figures import agreements
from projections.funds_trail import disbursements, paid_as_on
from projections.registry import PARTICIPANTS
from projections.service_cases import CASE_FACTS, ENTERPRISES
from projections.store import Tx

Row = dict[str, Any]
Reader = Callable[[Tx, "Scope"], list[Row]]


class Scope:
    """Whose figures, of which year, as on which day."""

    def __init__(self, kind: str, subject_id: str, year: int, as_on: date) -> None:
        self.kind, self.subject_id, self.year, self.as_on = kind, subject_id, year, as_on
        self.year_end = min(as_on, date(year, 12, 31))


def _delivered(tx: Tx, scope: Scope) -> list[Row]:
    """The cases delivered in the year: by the window, by the institution, or by every window
    (the hub)."""
    sql = (
        "SELECT case_id, external_ref, window_id, provider_id, uscc, enterprise_id, category, "
        f"delivered_on, fee_type, satisfaction FROM {CASE_FACTS} "
        "WHERE delivered_on LIKE ? AND status <> 'voided'"
    )
    params: list[Any] = [f"{scope.year}-%"]
    if scope.kind in ("window", "institution"):
        sql += f" AND {'window_id' if scope.kind == 'window' else 'provider_id'} = ?"
        params.append(scope.subject_id)
    columns = ["case_id", "external_ref", "window_id", "provider_id", "uscc", "enterprise_id",
               "category", "delivered_on", "fee_type", "satisfaction"]  # fmt: skip
    rows = tx.fetchall(sql + " ORDER BY delivered_on, case_id", params)
    return [dict(zip(columns, r, strict=True)) for r in rows]


def _cases(counted: Callable[[Row], bool]) -> Reader:
    def read(tx: Tx, scope: Scope) -> list[Row]:
        return [{**row, "counted": counted(row)} for row in _delivered(tx, scope)]

    return read


def _enterprises(tx: Tx, scope: Scope) -> list[Row]:
    """The enterprises of the cases delivered, once each, with their size class on the last day
    of the year: an SME is any but a large one."""
    served: dict[str, int] = {}
    for row in _delivered(tx, scope):
        served[row["enterprise_id"]] = served.get(row["enterprise_id"], 0) + 1
    result: list[Row] = []
    day = f"{scope.year}-12-31"
    for enterprise_id in sorted(served):
        found = tx.fetchone(
            f"SELECT e.uscc, e.name, {size_at_year_end('e.enterprise_id')} "
            f"FROM {ENTERPRISES} e WHERE e.enterprise_id = ?",
            (day, enterprise_id),
        )
        uscc, name, size = found if found else (None, None, None)
        result.append(
            {"enterprise_id": enterprise_id, "uscc": uscc, "name": name, "size_class": size,
             "cases": served[enterprise_id], "counted": size != "large"}
        )  # fmt: skip
    return result


def _activities(tx: Tx, scope: Scope) -> list[Row]:
    rows = tx.fetchall(
        f"SELECT activity_id, kind, title, held_on, attendance FROM {ACTIVITIES} "
        "WHERE organiser_id = ? AND held_on LIKE ? ORDER BY held_on, activity_id",
        (scope.subject_id, f"{scope.year}-%"),
    )
    columns = ["activity_id", "kind", "title", "held_on", "attendance"]
    return [{**dict(zip(columns, r, strict=True)), "counted": True} for r in rows]


def _agreements(counterparty_kind: str) -> Reader:
    def read(tx: Tx, scope: Scope) -> list[Row]:
        """The agreements in force at the end of the year (or on ``as_on``), and those a
        party's revocation had ended by then; one counted per counterparty in force."""
        seen: set[str] = set()
        result: list[Row] = []
        for row in agreements(tx, as_on=scope.year_end, party_id=scope.subject_id):
            mine = row["proposer_id"] == scope.subject_id
            other = row["counterparty_id"] if mine else row["proposer_id"]
            other_kind = row["counterparty_kind"] if mine else row["proposer_kind"]
            if row["status"] not in ("in_force", "party_revoked"):
                continue
            if other_kind != counterparty_kind:
                continue
            counted = row["status"] == "in_force" and other not in seen
            if counted:
                seen.add(other)
            result.append(
                {"agreement_id": row["agreement_id"], "counterparty_id": other,
                 "title": row["title"], "starts_on": row["starts_on"], "ends_on": row["ends_on"],
                 "signed_on": row["signed_on"], "status": row["status"],
                 "party_revoked_on": row["party_revoked_on"], "counted": counted}
            )  # fmt: skip
        return result

    return read


def _timeliness(row: Row, as_on: str) -> str:
    if row["first_submitted_on"] is not None and row["first_submitted_on"] <= as_on:
        return "late" if row["late"] else "on_time"
    return "missing" if row["due_on"] < as_on else "pending"


def _reports(counted: Callable[[str], bool]) -> Reader:
    def read(tx: Tx, scope: Scope) -> list[Row]:
        """The data reports of the year's periods: the window's, or every window's (the hub)."""
        sql = (
            "SELECT report_id, window_id, period, due_on, first_submitted_on, late "
            f"FROM {DATA_REPORTS} WHERE period LIKE ?"
        )
        params: list[Any] = [f"{scope.year}-%"]
        if scope.kind == "window":
            sql += " AND window_id = ?"
            params.append(scope.subject_id)
        columns = ["report_id", "window_id", "period", "due_on", "first_submitted_on", "late"]
        result: list[Row] = []
        for values in tx.fetchall(sql + " ORDER BY window_id, period", params):
            row: Row = dict(zip(columns, values, strict=True))
            row["late"] = None if row["late"] is None else bool(row["late"])
            row["timeliness"] = _timeliness(row, scope.as_on.isoformat())
            row["counted"] = counted(row["timeliness"])
            result.append(row)
        return result

    return read


def _windows(tx: Tx, scope: Scope) -> list[Row]:
    rows = tx.fetchall(
        f"SELECT id, name, entered_on, revoked_on FROM {PARTICIPANTS} WHERE kind = 'window' "
        "AND entered_on <= ? ORDER BY id",
        (f"{scope.year}-12-31",),
    )
    day = f"{scope.year}-12-31"
    return [
        {"window_id": w, "name": name, "entered_on": entered, "revoked_on": revoked,
         "counted": revoked is None or revoked > day}
        for w, name, entered, revoked in rows
    ]  # fmt: skip


def _payments(tx: Tx, scope: Scope) -> list[Row]:
    """The hub's disbursements of the year, each with what it had paid, net of refunds and
    clawbacks, by ``as_on``."""
    day = scope.as_on.isoformat()
    result: list[Row] = []
    for row in disbursements(tx, year=scope.year, hub_id=scope.subject_id):
        net = paid_as_on(row, day)
        result.append(
            {"disbursement_id": row["disbursement_id"], "line_code": row["line_code"],
             "amount": row["amount"], "paid_on": row["paid_on"], "refunded": row["refunded"],
             "refunded_on": row["refunded_on"], "clawed_back": row["clawed_back"],
             "clawed_back_on": row["clawed_back_on"], "paid_as_on": str(net),
             "counted": net != 0}
        )  # fmt: skip
    return result


_ALL_CASES = _cases(lambda r: True)
READERS: dict[str, Reader] = {
    "cases_delivered": _ALL_CASES,
    "free_cases": _cases(lambda r: r["fee_type"] == "free"),
    "ratings": _cases(lambda r: r["satisfaction"] is not None),
    "satisfied_ratings": _cases(lambda r: (r["satisfaction"] or 0) >= 4),
    "smes_served": _enterprises,
    "activities_held": _activities,
    "institutions_in_force": _agreements("institution"),
    "agreements_in_force": _agreements("window"),
    "reports_on_time": _reports(lambda t: t == "on_time"),
    "reports_due": _reports(lambda t: t != "pending"),
    "windows_connected": _windows,
    "budget_paid": _payments,
}
"""The records each count (or sum) is counted from (the budget approved has none: its lines)."""

FIGURES_WITH_RECORDS = frozenset(READERS) | frozenset(SHARE_PARTS)


def records_behind(tx: Tx, scope: Scope, figure: str) -> list[Row]:
    """The records behind ``figure`` of ``scope``'s subject, each with ``counted``: for a share,
    those of its part (``schemes.SHARE_PARTS``; its whole is drilled into by its own name)."""
    name = SHARE_PARTS[figure][0] if figure in SHARE_PARTS else figure
    return READERS[name](tx, scope)
