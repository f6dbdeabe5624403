"""The case counts answer exactly what the case rows would: statistics and appraisal figures
read from the counts equal those computed from every case row, over random case histories."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.application.commands.cases import OpenCase
from ledger.domain.service_case import Channel
from ledger.persistence.config import StoreConfig
from projections.appraisal_figures import _cases
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.service_cases import CASE_FACTS, ENTERPRISES, PROVIDER, WINDOW
from projections.statistics import median_of, period_of, ratio, service_statistics
from projections.store import SQLiteViewStore, Tx
from runtime.bootstrap import build_ledger
from tests.acting import act
from tests.application.support import step_case
from tests.application.test_projections import ENTERPRISES as USCCS
from tests.application.test_projections import START, _step, meta, network

_PLACES = Decimal("0.0001")
STEPS = ["assign", "deliver", "feedback", "close"]


@dataclass
class _Bucket:
    opened: int = 0
    delivered: int = 0
    closed: int = 0
    cancelled: int = 0
    free: int = 0
    late: int = 0
    enterprises: set[str] = field(default_factory=set)
    by_category: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    days_to_delivery: list[int] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)


def statistics_from_every_case(tx: Tx, *, year: int, period: str) -> list[dict[str, Any]]:
    """The statistics as they were computed before the counts: from every case row of the year."""
    sql = (
        "SELECT window_id, enterprise_id, category_group, channel, opened_on, delivered_on, "
        f"fee_type, satisfaction, closed_on, cancelled_on, late_entries FROM {CASE_FACTS} "
        "WHERE (opened_on LIKE ? OR delivered_on LIKE ? OR closed_on LIKE ? "
        "OR cancelled_on LIKE ?)"
    )
    buckets: dict[tuple[str, str], _Bucket] = defaultdict(_Bucket)

    def bucket(window: str, day: str | None) -> _Bucket | None:
        if day is None or not day.startswith(str(year)):
            return None
        return buckets[(window, period_of(day, period))]

    for (window, enterprise, group, channel, opened_on, delivered_on, fee_type, rating,
         closed_on, cancelled_on, late) in tx.fetchall(sql, [f"{year}-%"] * 4):  # fmt: skip
        if (b := bucket(window, opened_on)) is not None:
            b.opened += 1
            b.late += late > 0
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
    rows = []
    for (window, label), b in sorted(buckets.items()):
        ratings, spans = b.ratings, b.days_to_delivery
        rows.append(
            {
                "window_id": window, "period": label, "opened": b.opened,
                "delivered": b.delivered, "closed": b.closed, "cancelled": b.cancelled,
                "late_entries": b.late, "enterprises_served": len(b.enterprises),
                "by_category": dict(sorted(b.by_category.items())),
                "by_channel": dict(sorted(b.by_channel.items())),
                "free_share": ratio(b.free, b.delivered),
                "median_days_to_delivery": (
                    str(Decimal(statistics.median(spans)).quantize(Decimal("0.1")))
                    if spans else None
                ),
                "satisfaction_average": (
                    str((Decimal(sum(ratings)) / len(ratings)).quantize(_PLACES, ROUND_HALF_EVEN))
                    if ratings else None
                ),
                "satisfied_share": ratio(sum(1 for r in ratings if r >= 4), len(ratings)),
                "ratings": len(ratings),
            }
        )  # fmt: skip
    return rows


def cases_from_every_case(tx: Tx, year: int, column: str, value: str | None) -> dict[str, Any]:
    """The appraisal's service figures as they were computed before the counts."""
    sql = (
        f"SELECT c.enterprise_id, c.fee_type, c.satisfaction, e.size_class FROM {CASE_FACTS} c "
        f"LEFT JOIN {ENTERPRISES} e ON e.enterprise_id = c.enterprise_id "
        "WHERE c.delivered_on LIKE ?"
    )
    params: list[Any] = [f"{year}-%"]
    if value is not None:
        sql += f" AND c.{column} = ?"
        params.append(value)
    rows = tx.fetchall(sql, params)
    ratings = [r[2] for r in rows if r[2] is not None]
    free, satisfied = sum(1 for r in rows if r[1] == "free"), sum(1 for r in ratings if r >= 4)
    return {
        "cases_delivered": len(rows),
        "smes_served": len({r[0] for r in rows if r[3] != "large"}),
        "free_share": ratio(free, len(rows)),
        "free_cases": free,
        "satisfied_share": ratio(satisfied, len(ratings)),
        "satisfied_ratings": satisfied,
        "ratings": len(ratings),
    }


def test_the_median_of_counts_is_the_median_of_the_values() -> None:
    for values in ([3], [1, 2], [0, 0, 5, 7], [4, 1, 1, 9, 2], [2, 3, 3, 4, 10, 11]):
        assert median_of(Counter(values)) == statistics.median(values)
    assert median_of({}) is None


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 5),  # steps taken: assign, deliver, feedback, close (5: cancelled)
            st.integers(1, 5),  # the rating
            st.integers(0, 25),  # days to the case's first step, and between its steps
            st.integers(0, 9),  # days from the previous case's opening
        ),
        min_size=1,
        max_size=25,
    )
)
def test_statistics_and_service_figures_from_the_counts_equal_those_from_every_case(
    tmp_path_factory: pytest.TempPathFactory, cases: list[tuple[int, int, int, int]]
) -> None:
    url = f"sqlite:///{tmp_path_factory.mktemp('counts') / 'ledger.sqlite'}"
    ledger = build_ledger(StoreConfig(url))
    store = SQLiteViewStore(StoreConfig(url).sqlite_path)
    try:
        runner = ProjectionRunner(ledger, store, all_projections(), batch_size=5)
        runner.ensure_schema()
        window = network(ledger)
        day = 270  # from late November 2025 into 2026
        for n, (steps, rating, gap, later) in enumerate(cases):
            day += later
            at = meta(START + timedelta(days=day), window)
            case_id = act(
                ledger,
                OpenCase(
                    external_ref=f"C-{n}",
                    uscc=USCCS[n % 2],
                    category=("100200", "120600", "140300")[n % 3],
                    channel=(Channel.ONLINE, Channel.OFFLINE)[n % 2],
                    description="",
                ),
                at,
            ).resource_id
            names = ["assign", "cancel"] if steps == 5 else STEPS[:steps]
            for i, name in enumerate(names, start=1):
                then = at.at(at.occurred_at + timedelta(days=gap * i))
                step_case(ledger, case_id, _step(name, rating, then), then)
            if n % 3 == 0:
                runner.catch_up()
        runner.catch_up()
        with store.read() as tx:
            for year in (2025, 2026):
                for period in ("month", "quarter", "year"):
                    assert service_statistics(tx, year=year, period=period) == (
                        statistics_from_every_case(tx, year=year, period=period)
                    )
                assert _cases(tx, year, WINDOW, str(window)) == cases_from_every_case(
                    tx, year, "window_id", str(window)
                )
                assert _cases(tx, year, WINDOW, None) == cases_from_every_case(
                    tx, year, "window_id", None
                )
                assert _cases(tx, year, PROVIDER, str(window)) == cases_from_every_case(
                    tx, year, "provider_id", str(window)
                )
    finally:
        store.close()
        ledger.close()
