"""Activities and data reports per window: what the appraisal counts as public service work
(Art. 6.8) and reporting discipline (Art. 9.6)."""

from __future__ import annotations

from typing import ClassVar

from ledger.domain.activity import Activity
from ledger.domain.data_report import DataReport
from projections.base import Projection, business_date, iso, on, text, update
from projections.store import Tx

ACTIVITIES = "view_activities"
DATA_REPORTS = "view_data_reports"


def _evaluated(event: Activity.Evaluated) -> tuple[int, int, int]:
    """Responses, satisfied responses (rated 4 or 5) and the sum of the ratings."""
    counts = {int(k): int(v) for k, v in event.counts.items()}
    responses = sum(counts.values())
    satisfied = sum(n for rating, n in counts.items() if rating >= 4)
    total = sum(rating * n for rating, n in counts.items())
    return responses, satisfied, total


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

    # --- activities ---------------------------------------------------------------------------

    @on(Activity.Planned)
    def activity_planned(self, tx: Tx, event: Activity.Planned, position: int) -> None:
        tx.execute(
            f"INSERT INTO {ACTIVITIES} (activity_id, organiser_id, organiser_kind, kind, title, "
            "category, starts_on, planned_on, status, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?) ON CONFLICT (activity_id) DO NOTHING",
            (
                str(event.originator_id), text(event.organiser_id), event.organiser_kind,
                event.kind, event.title, event.category, iso(event.starts_on),
                business_date(event), position,
            ),
        )  # fmt: skip

    activity_held = update(
        Activity.Held,
        ACTIVITIES,
        "activity_id",
        "held_on = ?, attendance = ?, enterprises = ?, status = 'held'",
        lambda e: (iso(e.held_on), e.attendance, len(e.enterprises)),
    )
    activity_evaluated = update(
        Activity.Evaluated,
        ACTIVITIES,
        "activity_id",
        "responses = ?, satisfied = ?, rating_total = ?, status = 'evaluated'",
        _evaluated,
    )
    activity_cancelled = update(
        Activity.Cancelled,
        ACTIVITIES,
        "activity_id",
        "cancelled_on = ?, status = 'cancelled'",
        lambda e: (business_date(e),),
    )

    # --- data reports -------------------------------------------------------------------------

    @on(DataReport.Requested)
    def report_requested(self, tx: Tx, event: DataReport.Requested, position: int) -> None:
        tx.execute(
            f"INSERT INTO {DATA_REPORTS} (report_id, window_id, period, kind, due_on, "
            "submissions, returns, status, position) "
            "VALUES (?, ?, ?, ?, ?, 0, 0, 'requested', ?) ON CONFLICT (report_id) DO NOTHING",
            (
                str(event.originator_id), text(event.window_id), event.period, event.kind,
                iso(event.due_on), position,
            ),
        )  # fmt: skip

    @on(DataReport.Submitted)
    def report_submitted(self, tx: Tx, event: DataReport.Submitted, position: int) -> None:
        # The report's timeliness is its first submission's: a corrected resubmission after a
        # return does not make an on-time report late (see ledger/domain/data_report.py).
        tx.execute(
            f"UPDATE {DATA_REPORTS} SET submissions = submissions + 1, status = 'submitted', "
            "first_submitted_on = COALESCE(first_submitted_on, ?), "
            "late = COALESCE(late, ?), position = ? WHERE report_id = ?",
            (iso(event.submitted_on), int(event.late), position, str(event.originator_id)),
        )

    report_returned = update(
        DataReport.Returned,
        DATA_REPORTS,
        "report_id",
        "returns = returns + 1, status = 'returned'",
        lambda _: (),
    )
    report_accepted = update(
        DataReport.Accepted,
        DATA_REPORTS,
        "report_id",
        "accepted_on = ?, status = 'accepted'",
        lambda e: (business_date(e),),
    )
