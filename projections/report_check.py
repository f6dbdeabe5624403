"""A window's data report beside the ledger's own figures (Art. 9.6: 服务数据报送).

A window reports its figures for a month or a quarter; the ledger holds the records they
summarise. For the figures the ledger can count itself, the latest submission's figure is
shown beside the ledger's, with the difference, so that a report claiming 5,000 enterprises
served against 32 recorded is seen at once. The figures are read from the views at one position
(the earliest of the views read), the case figures by the periods their steps happened in, as
the service statistics count them.
"""

from __future__ import annotations

from collections.abc import Mapping

from typing_extensions import TypedDict

from projections.activities import ACTIVITIES
from projections.service_cases import period_of
from projections.statistics import service_statistics
from projections.store import Tx
from projections.tracking import TRACKING_TABLE

RECORDED = {
    "cases_opened": "service cases the window opened in the period",
    "services_delivered": "service cases it delivered in the period",
    "enterprises_served": "distinct enterprises of the cases it delivered in the period",
    "activities_held": "public service activities it held in the period",
    "activity_attendance": "people who attended the activities it held in the period",
}
"""The figures a report may carry that the ledger counts itself, and what each counts."""

COMPARED_VIEWS = ("activities", "service_cases")
"""The views the ledger's figures are read from."""


class FigureComparison(TypedDict):
    """One figure: as the window reported it (``null``: not reported), as the ledger counts it
    (``null``: not a figure the ledger holds), and reported minus recorded (``null`` unless
    both are known)."""

    figure: str
    reported: int | None
    recorded: int | None
    difference: int | None


class RecordedFigures(TypedDict):
    position: int
    """The log position the ledger's figures were read at."""
    figures: dict[str, int]


def recorded_figures(tx: Tx, *, window_id: str, period: str, kind: str) -> RecordedFigures:
    """The ledger's own figures of ``window_id`` for ``period`` (``2026-03`` with ``kind``
    ``month``, ``2026-Q1`` with ``quarter``)."""
    year = int(period[:4])
    rows = service_statistics(tx, year=year, period=kind, window_id=window_id)
    row = next((r for r in rows if r["period"] == period), None)
    held = [
        attendance or 0
        for held_on, attendance in tx.fetchall(
            f"SELECT held_on, attendance FROM {ACTIVITIES} WHERE organiser_id = ? "
            "AND held_on LIKE ?",
            (window_id, f"{year}-%"),
        )
        if period_of(held_on, kind) == period
    ]
    marks = ", ".join("?" for _ in COMPARED_VIEWS)
    position = tx.fetchone(
        f"SELECT MIN(position) FROM {TRACKING_TABLE} WHERE name IN ({marks})", COMPARED_VIEWS
    )
    return {
        "position": int(position[0]) if position and position[0] is not None else 0,
        "figures": {
            "cases_opened": row["opened"] if row else 0,
            "services_delivered": row["delivered"] if row else 0,
            "enterprises_served": row["enterprises_served"] if row else 0,
            "activities_held": len(held),
            "activity_attendance": sum(held),
        },
    }


def compared(reported: Mapping[str, int], recorded: Mapping[str, int]) -> list[FigureComparison]:
    """Every figure the ledger counts, then every other figure reported, by name."""
    others = sorted(set(reported) - set(recorded))
    result: list[FigureComparison] = []
    for name in [*recorded, *others]:
        claimed, counted = reported.get(name), recorded.get(name)
        difference = None if claimed is None or counted is None else claimed - counted
        result.append(
            {"figure": name, "reported": claimed, "recorded": counted, "difference": difference}
        )
    return result


class ReportComparison(TypedDict):
    """A data report's latest submission beside the ledger's own figures for its window and
    period."""

    report_id: str
    window_id: str
    period: str
    submission: int | None
    """Which submission is compared (1 for the first; the latest), ``null`` if none yet."""
    position: int
    figures: list[FigureComparison]
    agrees: bool | None
    """Whether every reported figure the ledger counts equals it (``null``: none reported)."""
