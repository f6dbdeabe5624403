"""Activities and data reports per window: what the appraisal counts as public service work
(Art. 6.8) and reporting discipline (Art. 9.6)."""

from __future__ import annotations

from typing import Any, ClassVar

from ledger.domain.activity import Activity
from ledger.domain.data_report import DataReport
from projections.base import Event, Handler, Projection, business_date, iso, text, updater
from projections.store import Tx

ACTIVITIES = "view_activities"
DATA_REPORTS = "view_data_reports"


def _planned(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    tx.execute(
        f"INSERT INTO {ACTIVITIES} (activity_id, organiser_id, organiser_kind, kind, title, "
        "category, starts_on, planned_on, status, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?) ON CONFLICT (activity_id) DO NOTHING",
        (
            str(e.originator_id), text(e.organiser_id), e.organiser_kind, e.kind, e.title,
            e.category, iso(e.starts_on), business_date(e), position,
        ),
    )  # fmt: skip


def _evaluated(e: Any) -> tuple[Any, ...]:
    counts = {int(k): int(v) for k, v in e.counts.items()}
    responses = sum(counts.values())
    satisfied = sum(n for rating, n in counts.items() if rating >= 4)
    total = sum(rating * n for rating, n in counts.items())
    return responses, satisfied, total


def _requested(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    tx.execute(
        f"INSERT INTO {DATA_REPORTS} (report_id, window_id, period, kind, due_on, submissions, "
        "returns, status, position) VALUES (?, ?, ?, ?, ?, 0, 0, 'requested', ?) "
        "ON CONFLICT (report_id) DO NOTHING",
        (str(e.originator_id), text(e.window_id), e.period, e.kind, iso(e.due_on), position),
    )


def _submitted(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    # The report's timeliness is its first submission's: a corrected resubmission after a
    # return does not make an on-time report late (see ledger/domain/data_report.py).
    tx.execute(
        f"UPDATE {DATA_REPORTS} SET submissions = submissions + 1, status = 'submitted', "
        "first_submitted_on = COALESCE(first_submitted_on, ?), "
        "late = COALESCE(late, ?), position = ? WHERE report_id = ?",
        (iso(e.submitted_on), int(e.late), position, str(e.originator_id)),
    )


class ActivitiesProjection(Projection):
    name = "activities"
    version = 1
    tables: ClassVar[dict[str, str]] = {
        ACTIVITIES: (
            "activity_id TEXT PRIMARY KEY, organiser_id TEXT NOT NULL, "
            "organiser_kind TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, "
            "category TEXT NOT NULL, starts_on TEXT NOT NULL, planned_on TEXT NOT NULL, "
            "held_on TEXT, attendance INTEGER, enterprises INTEGER, responses INTEGER, "
            "satisfied INTEGER, rating_total INTEGER, cancelled_on TEXT, status TEXT NOT NULL, "
            "position BIGINT NOT NULL"
        ),
        DATA_REPORTS: (
            "report_id TEXT PRIMARY KEY, window_id TEXT NOT NULL, period TEXT NOT NULL, "
            "kind TEXT NOT NULL, due_on TEXT NOT NULL, first_submitted_on TEXT, late INTEGER, "
            "submissions INTEGER NOT NULL, returns INTEGER NOT NULL, accepted_on TEXT, "
            "status TEXT NOT NULL, position BIGINT NOT NULL"
        ),
    }
    handlers: ClassVar[dict[type, Handler]] = {
        Activity.Planned: _planned,
        Activity.Held: updater(
            ACTIVITIES,
            "activity_id",
            "held_on = ?, attendance = ?, enterprises = ?, status = 'held'",
            lambda e: (iso(e.held_on), e.attendance, len(e.enterprises)),
        ),
        Activity.Evaluated: updater(
            ACTIVITIES,
            "activity_id",
            "responses = ?, satisfied = ?, rating_total = ?, status = 'evaluated'",
            _evaluated,
        ),
        Activity.Cancelled: updater(
            ACTIVITIES,
            "activity_id",
            "cancelled_on = ?, status = 'cancelled'",
            lambda e: (business_date(e),),
        ),
        DataReport.Requested: _requested,
        DataReport.Submitted: _submitted,
        DataReport.Returned: updater(
            DATA_REPORTS, "report_id", "returns = returns + 1, status = 'returned'", lambda e: ()
        ),
        DataReport.Accepted: updater(
            DATA_REPORTS,
            "report_id",
            "accepted_on = ?, status = 'accepted'",
            lambda e: (business_date(e),),
        ),
    }
