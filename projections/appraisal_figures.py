"""The appraisal inputs: the figures each scheme's indicators read, per subject and year, and
beside each share the counts (or amounts) it is the quotient of (``schemes.SHARE_PARTS``), so
that scoring can compare it exactly.

Read from the views at one position and "as on" one day (``projections.appraisal``), so the
same log prefix and the same day always give the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from ledger.domain.schemes import EXACT, ROUNDED
from projections.figures import (
    BudgetLineRow,
    TimelinessRow,
    activities_by_organiser,
    agreements,
    budget_lines,
    report_timeliness,
)
from projections.funds_trail import disbursements, paid_as_on
from projections.registry import PARTICIPANTS
from projections.service_cases import CASE_COUNTS, ENTERPRISE_SIZES, ENTERPRISES, PROVIDER, WINDOW
from projections.statistics import ratio
from projections.store import Tx


def size_at_year_end(enterprise: str) -> str:
    """SQL for the size class of the enterprise ``enterprise`` (a column) on a day (its one
    parameter, the last day of the year), joined as ``e`` from the enterprises view."""
    return (
        f"COALESCE((SELECT s.size_class FROM {ENTERPRISE_SIZES} s WHERE s.enterprise_id = "
        f"{enterprise} AND s.valid_from <= ? ORDER BY s.valid_from DESC LIMIT 1), e.size_class)"
    )


def _cases(tx: Tx, year: int, scope: str, scope_id: str | None) -> dict[str, Any]:
    """Cases delivered in ``year`` (by the window or provider ``scope_id``, or all): the service
    figures, from the year's case counts."""
    where = "WHERE c.scope = ? AND c.kind = 'year' AND c.period = ? AND c.n <> 0"
    params: list[Any] = [scope, str(year)]
    if scope_id is not None:
        where += " AND c.scope_id = ?"
        params.append(scope_id)
    totals: dict[str, int] = defaultdict(int)
    ratings: dict[int, int] = defaultdict(int)
    for metric, item, n in tx.fetchall(
        f"SELECT c.metric, c.item, SUM(c.n) FROM {CASE_COUNTS} c {where} "
        "AND c.metric IN ('delivered', 'free', 'rating') GROUP BY c.metric, c.item",
        params,
    ):
        if metric == "rating":
            ratings[int(item)] += int(n)
        else:
            totals[metric] += int(n)
    # An enterprise counts as an SME by its size class on the last day of the year.
    size_then = size_at_year_end("c.item")
    smes = tx.fetchone(
        f"SELECT COUNT(DISTINCT c.item) FROM {CASE_COUNTS} c LEFT JOIN {ENTERPRISES} e "
        f"ON e.enterprise_id = c.item {where} AND c.metric = 'enterprise' "
        f"AND ({size_then} IS NULL OR {size_then} <> 'large')",
        [*params, f"{year}-12-31", f"{year}-12-31"],
    )
    delivered, rated = totals["delivered"], sum(ratings.values())
    satisfied = sum(n for r, n in ratings.items() if r >= 4)
    return {
        "cases_delivered": delivered,
        "smes_served": int(smes[0]) if smes else 0,
        "free_share": ratio(totals["free"], delivered),
        "free_cases": totals["free"],
        "satisfied_share": ratio(satisfied, rated),
        "satisfied_ratings": satisfied,
        "ratings": rated,
    }


def _agreements_in_force(
    tx: Tx, party: str, as_on: date, counterparty_kind: str, scoring: int
) -> int:
    """The parties of ``counterparty_kind`` with an agreement in force with ``party`` on
    ``as_on``; by exact scoring, none that had ended because either party's qualification was
    revoked by then (revocation ends a participant's agreements on its day)."""
    rows = agreements(tx, as_on=as_on, party_id=party, revocations=scoring != ROUNDED)
    others = {
        r["counterparty_id"] if r["proposer_id"] == party else r["proposer_id"]
        for r in rows
        if r["status"] == "in_force"
        and counterparty_kind in (r["proposer_kind"], r["counterparty_kind"])
    }
    others.discard(party)
    return len(others)


def _budget_paid(
    tx: Tx, lines: list[BudgetLineRow], hub_id: str, year: int, as_on: date, scoring: int
) -> Decimal:
    """What the hub's budgets of ``year`` paid, net of refunds and clawbacks: by exact scoring,
    only payments (and reversals) made by ``as_on``; by the first, everything recorded."""
    if scoring == ROUNDED:
        own = [line for line in lines if line["hub_id"] == hub_id]
        return sum((Decimal(line["paid"]) - Decimal(line["reversed"]) for line in own), Decimal(0))
    day = as_on.isoformat()
    rows = disbursements(tx, year=year, hub_id=hub_id)
    return sum((paid_as_on(row, day) for row in rows), Decimal(0))


def appraisal_inputs(
    tx: Tx, *, year: int, as_on: date, scoring: int = EXACT
) -> dict[str, dict[str, Any]]:
    """The figures each scheme's indicators read, per subject (platforms and institutions), as
    ``scoring`` defines them (``schemes``: the first scoring read agreements with a revoked
    party and payments after ``as_on`` too)."""
    subjects = tx.fetchall(
        f"SELECT id, kind FROM {PARTICIPANTS} WHERE entered_on <= ? ORDER BY id",
        (f"{year}-12-31",),
    )
    held = {r["organiser_id"]: r["held"] for r in activities_by_organiser(tx, year=year)}
    reports = {r["window_id"]: r for r in report_timeliness(tx, year=year, as_on=as_on)}
    lines = budget_lines(tx, year=year)
    # Agreements count as they stood at the end of the year appraised (or on ``as_on``, if
    # that is earlier): an agreement that ran out on 31 December served that year.
    year_end = min(as_on, date(year, 12, 31))
    result: dict[str, dict[str, Any]] = {}
    for subject_id, kind in subjects:
        figures: dict[str, Any] = {"kind": kind}
        if kind == "window":
            figures.update(_cases(tx, year, WINDOW, subject_id))
            figures["activities_held"] = held.get(subject_id, 0)
            figures["institutions_in_force"] = _agreements_in_force(
                tx, subject_id, year_end, "institution", scoring
            )
            report = reports.get(subject_id)
            figures["reports_on_time_share"] = report["on_time_share"] if report else None
            figures["reports_on_time"] = report["on_time"] if report else 0
            figures["reports_due"] = _due(report) if report else 0
        elif kind == "institution":
            figures.update(_cases(tx, year, PROVIDER, subject_id))
            figures["agreements_in_force"] = _agreements_in_force(
                tx, subject_id, year_end, "window", scoring
            )
        else:  # the hub: the network as a whole, and its own activities and funds
            figures.update(_cases(tx, year, WINDOW, None))
            figures["windows_connected"] = sum(
                1 for _, k in subjects if k == "window"
            ) - _revoked_windows(tx, year)
            figures["activities_held"] = held.get(subject_id, 0)
            due = [r for r in reports.values() if r["on_time_share"] is not None]
            on_time = sum(r["on_time"] for r in due)
            figures["reports_on_time_share"] = ratio(on_time, sum(_due(r) for r in due))
            figures["reports_on_time"] = on_time
            figures["reports_due"] = sum(_due(r) for r in due)
            own = [line for line in lines if line["hub_id"] == subject_id]
            approved = sum((Decimal(line["approved"]) for line in own), Decimal(0))
            paid = _budget_paid(tx, lines, subject_id, year, as_on, scoring)
            figures["budget_execution_share"] = (
                None if approved == 0 else str((paid / approved).quantize(Decimal("0.0001")))
            )
            figures["budget_paid"] = str(paid)
            figures["budget_approved"] = str(approved)
        result[subject_id] = figures
    return result


def _due(report: TimelinessRow) -> int:
    """The reports that were due: submitted (on time or late) or missing."""
    return report["on_time"] + report["late"] + report["missing"]


def _revoked_windows(tx: Tx, year: int) -> int:
    row = tx.fetchone(
        f"SELECT COUNT(*) FROM {PARTICIPANTS} WHERE kind = 'window' AND revoked_on <= ?",
        (f"{year}-12-31",),
    )
    return int(row[0]) if row else 0
