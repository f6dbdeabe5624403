"""Figures read from the views: activities, reporting timeliness, funds, agreements, and the
appraisal inputs per subject and year.

Every function takes the day the figures are "as on" where time matters (a report not yet
submitted is missing only once its due date has passed), so the same views and the same day
always give the same figures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from typing import Any, Literal, cast

from typing_extensions import TypedDict

from projections.activities import ACTIVITIES, DATA_REPORTS
from projections.funds import BUDGET_LINES
from projections.registry import AGREEMENTS, PARTICIPANTS
from projections.service_cases import CASE_COUNTS, ENTERPRISE_SIZES, ENTERPRISES, PROVIDER, WINDOW
from projections.statistics import ratio
from projections.store import Tx


class ActivityRow(TypedDict):
    """An organiser's public service activities of the year: planned, held, evaluated and
    cancelled, who came, and how satisfied those who answered were."""

    organiser_id: str
    organiser_kind: str
    planned: int
    """Activities starting or held in the year."""
    held: int
    evaluated: int
    cancelled: int
    attendance: int
    """People who attended the activities held in the year."""
    enterprises: int
    """Enterprises that attended them."""
    responses: int
    """Feedback responses received."""
    satisfied_share: str | None
    """Satisfied responses over all responses (four decimal places); ``null`` with none."""


def activities_by_organiser(
    tx: Tx, *, year: int, organiser_id: str | None = None
) -> list[ActivityRow]:
    sql = (
        "SELECT organiser_id, organiser_kind, status, held_on, attendance, enterprises, "
        f"responses, satisfied FROM {ACTIVITIES} WHERE (starts_on LIKE ? OR held_on LIKE ?)"
    )
    params: list[Any] = [f"{year}-%"] * 2
    if organiser_id is not None:
        sql += " AND organiser_id = ?"
        params.append(organiser_id)
    kinds: dict[str, str] = {}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for (
        organiser,
        kind,
        status,
        held_on,
        attendance,
        enterprises,
        responses,
        satisfied,
    ) in tx.fetchall(sql, params):
        kinds.setdefault(organiser, kind)
        row = counts[organiser]
        row["planned"] += 1
        if held_on is not None and held_on.startswith(str(year)):
            row["held"] += 1
            row["attendance"] += attendance or 0
            row["enterprises"] += enterprises or 0
        row["evaluated"] += status == "evaluated"
        row["cancelled"] += status == "cancelled"
        row["responses"] += responses or 0
        row["satisfied"] += satisfied or 0
    return [
        {
            "organiser_id": organiser,
            "organiser_kind": kinds[organiser],
            "planned": row["planned"],
            "held": row["held"],
            "evaluated": row["evaluated"],
            "cancelled": row["cancelled"],
            "attendance": row["attendance"],
            "enterprises": row["enterprises"],
            "responses": row["responses"],
            "satisfied_share": ratio(row["satisfied"], row["responses"]),
        }
        for organiser, row in sorted(counts.items())
    ]


class TimelinessRow(TypedDict):
    """A window's data reports for the periods of a year, as on a day."""

    window_id: str
    requested: int
    on_time: int
    late: int
    missing: int
    """Due before the day and not submitted by it."""
    pending: int
    """Not submitted, and not yet due."""
    returned: int
    """Times a report was returned for correction."""
    accepted: int
    on_time_share: str | None
    """On time over those due (on time, late or missing), four decimal places; ``null`` when
    none is due yet."""


def report_timeliness(
    tx: Tx, *, year: int, as_on: date, window_id: str | None = None
) -> list[TimelinessRow]:
    """Per window, the reports for periods of ``year``: on time, late, missing (due and not
    submitted by ``as_on``), pending (not yet due), and the on-time share of those due."""
    sql = (
        f"SELECT window_id, due_on, first_submitted_on, late, returns, status FROM {DATA_REPORTS} "
        "WHERE period LIKE ?"
    )
    params: list[Any] = [f"{year}-%"]
    if window_id is not None:
        sql += " AND window_id = ?"
        params.append(window_id)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    today = as_on.isoformat()
    for window, due_on, first_submitted_on, late, returns, status in tx.fetchall(sql, params):
        row = counts[window]
        row["requested"] += 1
        row["returned"] += int(returns)
        row["accepted"] += status == "accepted"
        if first_submitted_on is not None and first_submitted_on <= today:
            row["late" if late else "on_time"] += 1
        elif due_on < today:
            row["missing"] += 1
        else:
            row["pending"] += 1
    result: list[TimelinessRow] = []
    for window in sorted(counts):
        row = counts[window]
        due = row["on_time"] + row["late"] + row["missing"]
        result.append(
            {
                "window_id": window,
                "requested": row["requested"],
                "on_time": row["on_time"],
                "late": row["late"],
                "missing": row["missing"],
                "pending": row["pending"],
                "returned": row["returned"],
                "accepted": row["accepted"],
                "on_time_share": ratio(row["on_time"], due),
            }
        )
    return result


class BudgetLineRow(TypedDict):
    """A budget line's money (decimal amounts in yuan, as text), and what lapsed after its
    year."""

    budget_id: str
    line_code: str
    hub_id: str
    year: int
    category: str
    description: str
    proposed: str
    approved: str
    committed: str
    """Reserved by approved disbursements not yet paid."""
    paid: str
    reversed: str
    """Paid and then refunded or clawed back."""
    recovered: str
    """Clawed back into the fund (not returned to the line)."""
    remaining: str
    """``approved - committed - paid + reversed - recovered``."""
    year_ended: bool
    """The day read as on is after the budget's year: what remained has lapsed."""
    lapsed: str


_RECKONED = ("remaining", "year_ended", "lapsed")
_LINE_COLUMNS = [c for c in BudgetLineRow.__annotations__ if c not in _RECKONED]
"""The columns a line is read from (the others are reckoned from them)."""


def budget_lines(
    tx: Tx, *, year: int, hub_id: str | None = None, as_on: str | None = None
) -> list[BudgetLineRow]:
    """Each line's money: ``remaining = approved - committed - paid + reversed - recovered``.

    Read ``as_on`` a day after the budget's year, a line's remaining is no longer spent
    (``ledger.domain.budget_year``): ``year_ended`` is true and ``lapsed`` is what remained;
    before then ``lapsed`` is 0. Reservations carried over into the next year stay committed.
    """
    sql = f"SELECT {', '.join(_LINE_COLUMNS)} FROM {BUDGET_LINES} WHERE year = ?"
    params: list[Any] = [year]
    if hub_id is not None:
        sql += " AND hub_id = ?"
        params.append(hub_id)
    rows = [
        dict(zip(_LINE_COLUMNS, r, strict=True))
        for r in tx.fetchall(sql + " ORDER BY 1, 2", params)
    ]
    ended = as_on is not None and as_on > f"{year:04d}-12-31"
    for row in rows:
        # A clawback (recovered) returns to the fund, not to the line: it stays used.
        used = sum(Decimal(row[c]) for c in ("committed", "paid", "recovered")) - Decimal(
            row["reversed"]
        )
        remaining = Decimal(row["approved"]) - used
        row["remaining"] = str(remaining)
        row["year_ended"] = ended
        row["lapsed"] = str(max(remaining, Decimal(0)) if ended else Decimal("0.00"))
    return cast("list[BudgetLineRow]", rows)


AgreementStatus = Literal["proposed", "not_yet_in_force", "in_force", "expired", "terminated"]


def agreement_status(row: dict[str, Any], as_on: str) -> AgreementStatus:
    """proposed / not_yet_in_force / in_force / expired / terminated, on day ``as_on``."""
    if row["terminated_on"] is not None and row["terminated_on"] <= as_on:
        return "terminated"
    if row["signed_on"] is None:
        return "proposed"
    start = max(row["starts_on"], row["signed_on"])
    if as_on < start:
        return "not_yet_in_force"
    return "expired" if as_on > row["ends_on"] else "in_force"


class AgreementRow(TypedDict):
    """A service agreement between a window and an institution (or the hub), and its status on
    the day read as on."""

    agreement_id: str
    proposer_id: str
    proposer_kind: str
    counterparty_id: str
    counterparty_kind: str
    title: str
    categories: list[str]
    """The service categories it covers (as last amended)."""
    starts_on: str
    ends_on: str
    proposed_on: str
    signed_on: str | None
    """The day the counterparty countersigned."""
    amended_on: str | None
    """The day the latest amendment was countersigned."""
    terminated_on: str | None
    status: AgreementStatus


AGREEMENT_COLUMNS = [c for c in AgreementRow.__annotations__ if c != "status"]
"""The columns an agreement is read from (its status is reckoned from them)."""


def agreements(tx: Tx, *, as_on: date, party_id: str | None = None) -> list[AgreementRow]:
    sql = f"SELECT {', '.join(AGREEMENT_COLUMNS)} FROM {AGREEMENTS}"
    params: list[Any] = []
    if party_id is not None:
        sql += " WHERE proposer_id = ? OR counterparty_id = ?"
        params += [party_id, party_id]
    rows = [
        dict(zip(AGREEMENT_COLUMNS, r, strict=True))
        for r in tx.fetchall(sql + " ORDER BY proposed_on, agreement_id", params)
    ]
    for row in rows:
        row["categories"] = [c for c in row["categories"].split(",") if c]
        row["status"] = agreement_status(row, as_on.isoformat())
    return cast("list[AgreementRow]", rows)


# --- appraisal inputs -------------------------------------------------------------------------


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
    size_then = (
        f"COALESCE((SELECT s.size_class FROM {ENTERPRISE_SIZES} s WHERE s.enterprise_id = c.item "
        "AND s.valid_from <= ? ORDER BY s.valid_from DESC LIMIT 1), e.size_class)"
    )
    smes = tx.fetchone(
        f"SELECT COUNT(DISTINCT c.item) FROM {CASE_COUNTS} c LEFT JOIN {ENTERPRISES} e "
        f"ON e.enterprise_id = c.item {where} AND c.metric = 'enterprise' "
        f"AND ({size_then} IS NULL OR {size_then} <> 'large')",
        [*params, f"{year}-12-31", f"{year}-12-31"],
    )
    delivered, rated = totals["delivered"], sum(ratings.values())
    return {
        "cases_delivered": delivered,
        "smes_served": int(smes[0]) if smes else 0,
        "free_share": ratio(totals["free"], delivered),
        "satisfied_share": ratio(sum(n for r, n in ratings.items() if r >= 4), rated),
        "ratings": rated,
    }


def _agreements_in_force(tx: Tx, party: str, as_on: date, counterparty_kind: str) -> int:
    rows = agreements(tx, as_on=as_on, party_id=party)
    others = {
        r["counterparty_id"] if r["proposer_id"] == party else r["proposer_id"]
        for r in rows
        if r["status"] == "in_force"
        and counterparty_kind in (r["proposer_kind"], r["counterparty_kind"])
    }
    others.discard(party)
    return len(others)


def appraisal_inputs(tx: Tx, *, year: int, as_on: date) -> dict[str, dict[str, Any]]:
    """The figures each scheme's indicators read, per subject (platforms and institutions)."""
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
                tx, subject_id, year_end, "institution"
            )
            report = reports.get(subject_id)
            figures["reports_on_time_share"] = report["on_time_share"] if report else None
        elif kind == "institution":
            figures.update(_cases(tx, year, PROVIDER, subject_id))
            figures["agreements_in_force"] = _agreements_in_force(
                tx, subject_id, year_end, "window"
            )
        else:  # the hub: the network as a whole, and its own activities and funds
            figures.update(_cases(tx, year, WINDOW, None))
            figures["windows_connected"] = sum(
                1 for _, k in subjects if k == "window"
            ) - _revoked_windows(tx, year)
            figures["activities_held"] = held.get(subject_id, 0)
            due = [r for r in reports.values() if r["on_time_share"] is not None]
            on_time = sum(r["on_time"] for r in due)
            figures["reports_on_time_share"] = ratio(
                on_time, sum(r["on_time"] + r["late"] + r["missing"] for r in due)
            )
            own = [line for line in lines if line["hub_id"] == subject_id]
            approved = sum(Decimal(line["approved"]) for line in own)
            paid = sum(Decimal(line["paid"]) - Decimal(line["reversed"]) for line in own)
            figures["budget_execution_share"] = (
                None if approved == 0 else str((paid / approved).quantize(Decimal("0.0001")))
            )
        result[subject_id] = figures
    return result


def _revoked_windows(tx: Tx, year: int) -> int:
    row = tx.fetchone(
        f"SELECT COUNT(*) FROM {PARTICIPANTS} WHERE kind = 'window' AND revoked_on <= ?",
        (f"{year}-12-31",),
    )
    return int(row[0]) if row else 0
