"""Service statistics per window and month, quarter or year, read from the case counts.

Counts are attributed to the period in which each step happened (a case opened in March and
delivered in April counts as opened in March and delivered in April). Ratios are exact decimals
rounded half-even to four places, so the same facts always give the same bytes. A year's
statistics read its counts (windows × periods × distinct values), never its cases: the answer
costs the same on a log of a thousand cases or of a million.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from typing_extensions import TypedDict

from projections.service_cases import CASE_COUNTS, PERIOD_KINDS, WINDOW, period_of
from projections.store import Tx

__all__ = ["PERIOD_KINDS", "median_of", "period_of", "ratio", "service_statistics"]

_PLACES = Decimal("0.0001")


def ratio(part: int, whole: int) -> str | None:
    if whole == 0:
        return None
    return str((Decimal(part) / Decimal(whole)).quantize(_PLACES, ROUND_HALF_EVEN))


def median_of(counts: dict[int, int]) -> int | float | None:
    """The median of the values counted (value → how often), as ``statistics.median`` gives it
    for the list of those values."""
    n = sum(counts.values())
    if n == 0:
        return None
    values = sorted(counts)

    def nth(i: int) -> int:
        seen = 0
        for value in values:
            seen += counts[value]
            if i < seen:
                return value
        raise IndexError(i)

    if n % 2:
        return nth(n // 2)
    return (nth(n // 2 - 1) + nth(n // 2)) / 2


@dataclass
class _Bucket:
    totals: Counter[str] = field(default_factory=Counter)
    enterprises: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    days_to_delivery: Counter[int] = field(default_factory=Counter)
    ratings: Counter[int] = field(default_factory=Counter)


class StatisticsRow(TypedDict):
    """A window's services in one month (``2025-03``), quarter (``2025-Q1``) or year
    (``2025``): each count is of the steps taken in the period. Shares and averages are
    decimals as text, ``null`` when there is nothing to divide by."""

    window_id: str
    period: str
    opened: int
    delivered: int
    closed: int
    cancelled: int
    late_entries: int
    """Cases opened in the period with an entry recorded long after it happened."""
    enterprises_served: int
    """Distinct enterprises delivered to."""
    by_category: dict[str, int]
    """Cases delivered, by first-level service category (``14``)."""
    by_channel: dict[str, int]
    """Cases opened, by the channel the enterprise came through."""
    free_share: str | None
    """Free deliveries over all deliveries."""
    median_days_to_delivery: str | None
    satisfaction_average: str | None
    """The mean rating (1 to 5) of the ratings given."""
    satisfied_share: str | None
    """Ratings of 4 or 5 over all ratings."""
    ratings: int


def service_statistics(
    tx: Tx, *, year: int, period: str, window_id: str | None = None
) -> list[StatisticsRow]:
    """One row per (window, period) of ``year`` with any activity, ordered by window and period."""
    where = f"FROM {CASE_COUNTS} WHERE scope = ? AND kind = ? AND period LIKE ? AND n <> 0"
    params: list[Any] = [WINDOW, period, f"{year}%"]
    if window_id is not None:
        where += " AND scope_id = ?"
        params.append(window_id)
    buckets: dict[tuple[str, str], _Bucket] = defaultdict(_Bucket)
    rows = tx.fetchall(
        f"SELECT scope_id, period, metric, item, n {where} AND metric <> 'enterprise'", params
    )
    for window, label, metric, item, n in rows:
        b = buckets[(window, label)]
        if metric == "channel":
            b.by_channel[item] += int(n)
        elif metric == "category":
            b.by_category[item] += int(n)
        elif metric == "days":
            b.days_to_delivery[int(item)] += int(n)
        elif metric == "rating":
            b.ratings[int(item)] += int(n)
        else:
            b.totals[metric] += int(n)
    served = tx.fetchall(
        f"SELECT scope_id, period, COUNT(*) {where} AND metric = 'enterprise' "
        "GROUP BY scope_id, period",
        params,
    )
    for window, label, count in served:
        buckets[(window, label)].enterprises = int(count)
    return [_row(window, label, b) for (window, label), b in sorted(buckets.items())]


def _row(window: str, label: str, b: _Bucket) -> StatisticsRow:
    ratings, delivered = b.ratings, b.totals["delivered"]
    rated = sum(ratings.values())
    median = median_of(b.days_to_delivery)
    return {
        "window_id": window,
        "period": label,
        "opened": b.totals["opened"],
        "delivered": delivered,
        "closed": b.totals["closed"],
        "cancelled": b.totals["cancelled"],
        "late_entries": b.totals["late"],
        "enterprises_served": b.enterprises,
        "by_category": dict(sorted(b.by_category.items())),
        "by_channel": dict(sorted(b.by_channel.items())),
        "free_share": ratio(b.totals["free"], delivered),
        "median_days_to_delivery": (
            None if median is None else str(Decimal(median).quantize(Decimal("0.1")))
        ),
        "satisfaction_average": (
            str(
                (Decimal(sum(r * n for r, n in ratings.items())) / rated).quantize(
                    _PLACES, ROUND_HALF_EVEN
                )
            )
            if rated
            else None
        ),
        "satisfied_share": ratio(sum(n for r, n in ratings.items() if r >= 4), rated),
        "ratings": rated,
    }
