"""Figures read from the views: activities, reporting timeliness, funds and agreements (the
appraisal inputs built from them are in ``projections.appraisal_figures``).

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


AgreementStatus = Literal[
    "proposed", "not_yet_in_force", "in_force", "expired", "terminated", "party_revoked"
]


def agreement_status(row: dict[str, Any], as_on: str) -> AgreementStatus:
    """proposed / not_yet_in_force / in_force / expired / terminated on day ``as_on``, or
    party_revoked from the day either party's qualification was revoked, if it was still
    running then (``ledger.domain.agreement``)."""
    status = _agreement_status(row, as_on)
    revoked = row.get("party_revoked_on")
    if revoked is None or as_on < revoked:
        return status
    ended = _agreement_status(row, revoked) in ("expired", "terminated")
    return status if ended else "party_revoked"


def _agreement_status(row: dict[str, Any], as_on: str) -> AgreementStatus:
    if row["terminated_on"] is not None and row["terminated_on"] <= as_on:
        return "terminated"
    if row["signed_on"] is None:
        return "proposed"
    start = max(row["starts_on"], row["signed_on"])
    if as_on < start:
        return "not_yet_in_force"
    return "expired" if as_on > row["ends_on"] else "in_force"


_AGREEMENT_RECKONED = ("party_revoked_on", "status")


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
    party_revoked_on: str | None
    """The day a party's qualification was revoked (the earlier), if one was by ``as_on``."""
    status: AgreementStatus


AGREEMENT_COLUMNS = [c for c in AgreementRow.__annotations__ if c not in _AGREEMENT_RECKONED]
"""The columns an agreement is read from (its status is reckoned from them)."""


def agreements(
    tx: Tx, *, as_on: date, party_id: str | None = None, revocations: bool = True
) -> list[AgreementRow]:
    """The agreements (of ``party_id``), each with its status on ``as_on``; ``revocations``:
    ended from the day a party was revoked (as the first appraisal scoring did not count)."""
    day = as_on.isoformat()
    revoked = (
        f"(SELECT MIN(p.revoked_on) FROM {PARTICIPANTS} p WHERE p.id IN "
        "(a.proposer_id, a.counterparty_id) AND p.revoked_on <= ?)"
        if revocations
        else "NULL"
    )
    sql = f"SELECT {', '.join('a.' + c for c in AGREEMENT_COLUMNS)}, {revoked} FROM {AGREEMENTS} a"
    params: list[Any] = [day] if revocations else []
    if party_id is not None:
        sql += " WHERE a.proposer_id = ? OR a.counterparty_id = ?"
        params += [party_id, party_id]
    columns = [*AGREEMENT_COLUMNS, "party_revoked_on"]
    rows = [
        dict(zip(columns, r, strict=True))
        for r in tx.fetchall(sql + " ORDER BY a.proposed_on, a.agreement_id", params)
    ]
    for row in rows:
        row["categories"] = [c for c in row["categories"].split(",") if c]
        row["status"] = agreement_status(row, day)
    return cast("list[AgreementRow]", rows)
