"""Service statistics per window and month, quarter or year, computed from the case facts.

Counts are attributed to the period in which each step happened (a case opened in March and
delivered in April counts as opened in March and delivered in April). Ratios are exact decimals
rounded half-even to four places, so the same facts always give the same bytes.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from projections.service_cases import CASE_FACTS
from projections.store import Tx

PERIOD_KINDS = ("month", "quarter", "year")
_PLACES = Decimal("0.0001")


def period_of(day: str, kind: str) -> str:
    """``2025-03-14`` → ``2025-03`` (month), ``2025-Q1`` (quarter) or ``2025`` (year)."""
    if kind == "month":
        return day[:7]
    if kind == "quarter":
        return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    return day[:4]


def ratio(part: int, whole: int) -> str | None:
    if whole == 0:
        return None
    return str((Decimal(part) / Decimal(whole)).quantize(_PLACES, ROUND_HALF_EVEN))


@dataclass
class _Bucket:
    opened: int = 0
    delivered: int = 0
    closed: int = 0
    cancelled: int = 0
    free: int = 0
    enterprises: set[str] = field(default_factory=set)
    by_category: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    days_to_delivery: list[int] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)


def service_statistics(
    tx: Tx, *, year: int, period: str, window_id: str | None = None
) -> list[dict[str, Any]]:
    """One row per (window, period) of ``year`` with any activity, ordered by window and period."""
    sql = (
        "SELECT window_id, enterprise_id, category_group, channel, opened_on, delivered_on, "
        f"fee_type, satisfaction, closed_on, cancelled_on FROM {CASE_FACTS} "
        "WHERE (opened_on LIKE ? OR delivered_on LIKE ? OR closed_on LIKE ? "
        "OR cancelled_on LIKE ?)"
    )
    prefix = f"{year}-%"
    params: list[Any] = [prefix] * 4
    if window_id is not None:
        sql += " AND window_id = ?"
        params.append(window_id)
    buckets: dict[tuple[str, str], _Bucket] = defaultdict(_Bucket)

    def bucket(window: str, day: str | None) -> _Bucket | None:
        if day is None or not day.startswith(str(year)):
            return None
        return buckets[(window, period_of(day, period))]

    for (window, enterprise, group, channel, opened_on, delivered_on, fee_type, rating,
         closed_on, cancelled_on) in tx.fetchall(sql, params):  # fmt: skip
        if (b := bucket(window, opened_on)) is not None:
            b.opened += 1
            b.by_channel[channel] += 1
        if (b := bucket(window, delivered_on)) is not None:
            b.delivered += 1
            b.free += fee_type == "free"
            b.enterprises.add(enterprise)
            b.by_category[group] += 1
            days = (date.fromisoformat(delivered_on) - date.fromisoformat(opened_on)).days
            b.days_to_delivery.append(days)
            if rating is not None:
                b.ratings.append(int(rating))
        if (b := bucket(window, closed_on)) is not None:
            b.closed += 1
        if (b := bucket(window, cancelled_on)) is not None:
            b.cancelled += 1
    return [_row(window, label, b) for (window, label), b in sorted(buckets.items())]


def _row(window: str, label: str, b: _Bucket) -> dict[str, Any]:
    ratings, days = b.ratings, b.days_to_delivery
    return {
        "window_id": window,
        "period": label,
        "opened": b.opened,
        "delivered": b.delivered,
        "closed": b.closed,
        "cancelled": b.cancelled,
        "enterprises_served": len(b.enterprises),
        "by_category": dict(sorted(b.by_category.items())),
        "by_channel": dict(sorted(b.by_channel.items())),
        "free_share": ratio(b.free, b.delivered),
        "median_days_to_delivery": (
            str(Decimal(statistics.median(days)).quantize(Decimal("0.1"))) if days else None
        ),
        "satisfaction_average": (
            str((Decimal(sum(ratings)) / len(ratings)).quantize(_PLACES, ROUND_HALF_EVEN))
            if ratings
            else None
        ),
        "satisfied_share": ratio(sum(1 for r in ratings if r >= 4), len(ratings)),
        "ratings": len(ratings),
    }
