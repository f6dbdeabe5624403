"""Service-case facts: one row per case, the raw material of the statistics and histories;
and the counts the statistics and appraisals read, kept as the facts change.

Each case counts in the period (month, quarter, year) its step happened: opened (by channel),
delivered (free or paid, by category group, enterprise, days to delivery and rating), closed,
cancelled; and, for the institution that served it, in the year it was delivered. When a case
row changes (a step, or a correction: an amended delivery, a voided case), what it counted
before is taken off and what it counts now is added, so the counts are always exactly those of
the case rows, and reading a year costs the size of its counts
(windows × periods × distinct values), never the number of cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from ledger.domain.enterprise import Enterprise
from ledger.domain.service_case import ServiceCase
from projections.base import (
    E,
    Handler,
    Projection,
    RowCache,
    business_date,
    business_time,
    on,
    text,
)
from projections.store import Tx

CASE_FACTS = "view_case_facts"
ENTERPRISES = "view_enterprises"
ENTERPRISE_SIZES = "view_enterprise_sizes"
"""Each enterprise's size class from a day on; the registration's from :data:`REGISTERED`."""
REGISTERED = "0001-01-01"
CASE_COUNTS = "view_case_counts"

PERIOD_KINDS = ("month", "quarter", "year")
WINDOW, PROVIDER = "window", "provider"
"""The scopes counted: a case's window (every period kind), its provider (years)."""


def period_of(day: str, kind: str) -> str:
    """``2025-03-14`` → ``2025-03`` (month), ``2025-Q1`` (quarter) or ``2025`` (year)."""
    if kind == "month":
        return day[:7]
    if kind == "quarter":
        return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    return day[:4]


CountKey = tuple[str, str, str, str, str, str]
"""(scope, scope id, period kind, period, metric, item)."""

_PROVIDER_METRICS = frozenset({"delivered", "free", "enterprise", "rating"})


def case_counts(row: dict[str, Any] | None) -> Counter[CountKey]:
    """What one case row counts, in every period of every kind its steps fall in."""
    counts: Counter[CountKey] = Counter()
    if row is None or row["status"] == "voided":
        return counts  # a voided case was recorded by mistake: it counts nowhere

    def add(scope: str, scope_id: str, kinds: tuple[str, ...], day: str, facts: list[Any]) -> None:
        for kind in kinds:
            period = period_of(day, kind)
            for metric, item in facts:
                counts[(scope, scope_id, kind, period, metric, item)] += 1

    window, opened_on = row["window_id"], row["opened_on"]
    opened = [("opened", ""), ("channel", row["channel"])]
    if row["late_entries"]:
        opened.append(("late", ""))  # a case with a late entry, counted when it was opened
    add(WINDOW, window, PERIOD_KINDS, opened_on, opened)
    if (delivered_on := row["delivered_on"]) is not None:
        days = (date.fromisoformat(delivered_on) - date.fromisoformat(opened_on)).days
        facts = [
            ("delivered", ""),
            ("enterprise", row["enterprise_id"]),
            ("category", row["category_group"]),
            ("days", str(days)),
        ]
        if row["fee_type"] == "free":
            facts.append(("free", ""))
        if row["satisfaction"] is not None:
            facts.append(("rating", str(int(row["satisfaction"]))))
        add(WINDOW, window, PERIOD_KINDS, delivered_on, facts)
        if row["provider_id"] is not None:
            served = [f for f in facts if f[0] in _PROVIDER_METRICS]
            add(PROVIDER, row["provider_id"], ("year",), delivered_on, served)
    for metric, column in (("closed", "closed_on"), ("cancelled", "cancelled_on")):
        if row[column] is not None:
            add(WINDOW, window, PERIOD_KINDS, row[column], [(metric, "")])
    return counts


def recount(
    counts: RowCache, before: dict[str, Any] | None, after: dict[str, Any], position: int
) -> None:
    """Take off what the case counted ``before`` and add what it counts ``after``."""
    old, new = case_counts(before), case_counts(after)
    for key in old.keys() | new.keys():
        change = new[key] - old[key]
        if change == 0:
            continue
        name = "|".join(key)
        row = counts.get(name)
        if row is None:
            scope, scope_id, kind, period, metric, item = key
            row = {
                "count_key": name, "scope": scope, "scope_id": scope_id, "kind": kind,
                "period": period, "metric": metric, "item": item, "n": 0,
            }  # fmt: skip
        row["n"] += change
        row["position"] = position
        counts.put(name, row)


def case_update(
    event: type[E], values: Callable[[E], dict[str, object]], *, amended: bool = False
) -> Handler[Projection, E]:
    """On ``event``, set the columns ``values(event)`` names on the event's case row (and count
    an amendment, for a correction)."""

    def write(projection: Projection, tx: Tx, e: E, position: int) -> None:
        facts = projection.rows[CASE_FACTS]
        case_id = str(e.originator_id)
        row = facts.get(case_id)
        if row is not None:  # every case stream starts with Opened
            before = dict(row)
            row.update(values(e), position=position)
            if amended:
                row["amendments"] += 1
            if e.meta.late_entry:
                row["late_entries"] += 1
            facts.put(case_id, row)
            recount(projection.rows[CASE_COUNTS], before, row, position)

    return Handler((event,), write)


class CaseFactsProjection(Projection):
    name = "service_cases"
    version = 6
    cached: ClassVar[dict[str, str]] = {CASE_FACTS: "case_id", CASE_COUNTS: "count_key"}
    indexes: ClassVar[dict[str, str]] = {
        "view_case_facts_uscc": f"{CASE_FACTS} (uscc, opened_at, case_id)",
        # The case lists page in the order the cases were opened: everyone's, a window's, and
        # an institution's (projections.registers.cases).
        "view_case_facts_opened": f"{CASE_FACTS} (opened_position)",
        "view_case_facts_window": f"{CASE_FACTS} (window_id, opened_position)",
        "view_case_facts_provider": f"{CASE_FACTS} (provider_id, opened_position)",
        "view_case_counts_period": f"{CASE_COUNTS} (scope, kind, period)",
    }
    tables: ClassVar[dict[str, str]] = {
        ENTERPRISES: (
            "enterprise_id TEXT PRIMARY KEY, uscc TEXT NOT NULL, name TEXT NOT NULL, "
            "region TEXT NOT NULL, industry TEXT NOT NULL, size_class TEXT NOT NULL, "
            "position BIGINT NOT NULL"
        ),
        CASE_FACTS: (
            "case_id TEXT PRIMARY KEY, window_id TEXT NOT NULL, external_ref TEXT NOT NULL, "
            "enterprise_id TEXT NOT NULL, uscc TEXT NOT NULL, category TEXT NOT NULL, "
            "category_group TEXT NOT NULL, channel TEXT NOT NULL, opened_at TEXT NOT NULL, "
            "opened_on TEXT NOT NULL, provider_kind TEXT, provider_id TEXT, provider_name TEXT, "
            "delivered_on TEXT, delivery_mode TEXT, fee_type TEXT, fee_amount TEXT, "
            "satisfaction INTEGER, closed_on TEXT, cancelled_on TEXT, cancellation_reason TEXT, "
            "amendments INTEGER NOT NULL, late_entries INTEGER NOT NULL, voided_on TEXT, "
            "void_reason TEXT, "
            "status TEXT NOT NULL, opened_position BIGINT NOT NULL, position BIGINT NOT NULL"
        ),
        ENTERPRISE_SIZES: (
            "enterprise_id TEXT NOT NULL, valid_from TEXT NOT NULL, size_class TEXT NOT NULL, "
            "position BIGINT NOT NULL, PRIMARY KEY (enterprise_id, valid_from)"
        ),
        CASE_COUNTS: (
            "count_key TEXT PRIMARY KEY, scope TEXT NOT NULL, scope_id TEXT NOT NULL, "
            "kind TEXT NOT NULL, period TEXT NOT NULL, metric TEXT NOT NULL, "
            "item TEXT NOT NULL, n BIGINT NOT NULL, position BIGINT NOT NULL"
        ),
    }

    @on(Enterprise.Registered)
    def enterprise_registered(self, tx: Tx, event: Enterprise.Registered, position: int) -> None:
        tx.execute(
            f"INSERT INTO {ENTERPRISES} (enterprise_id, uscc, name, region, industry, "
            "size_class, position) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (enterprise_id) DO NOTHING",
            (
                str(event.originator_id), event.uscc, event.name, event.region, event.industry,
                event.size_class, position,
            ),
        )  # fmt: skip

    @on(Enterprise.FiguresUpdated)
    def enterprise_figures_updated(
        self, tx: Tx, event: Enterprise.FiguresUpdated, position: int
    ) -> None:
        """The size class from a day on (an update for the same day replaces it); the current
        class is the latest's."""
        enterprise, day = str(event.originator_id), event.valid_from.isoformat()
        # The registration's class, kept from before the first update (views made before sizes
        # were kept have none yet: it is the class the enterprise row still holds).
        tx.execute(
            f"INSERT INTO {ENTERPRISE_SIZES} (enterprise_id, valid_from, size_class, position) "
            f"SELECT enterprise_id, ?, size_class, position FROM {ENTERPRISES} "
            "WHERE enterprise_id = ? ON CONFLICT (enterprise_id, valid_from) DO NOTHING",
            (REGISTERED, enterprise),
        )
        tx.execute(
            f"DELETE FROM {ENTERPRISE_SIZES} WHERE enterprise_id = ? AND valid_from = ?",
            (enterprise, day),
        )
        tx.execute(
            f"INSERT INTO {ENTERPRISE_SIZES} (enterprise_id, valid_from, size_class, position) "
            "VALUES (?, ?, ?, ?)",
            (enterprise, day, event.size_class, position),
        )
        tx.execute(
            f"UPDATE {ENTERPRISES} SET size_class = (SELECT size_class FROM {ENTERPRISE_SIZES} "
            "WHERE enterprise_id = ? ORDER BY valid_from DESC LIMIT 1), position = ? "
            "WHERE enterprise_id = ?",
            (enterprise, position, enterprise),
        )

    @on(ServiceCase.Opened)
    def case_opened(self, tx: Tx, event: ServiceCase.Opened, position: int) -> None:
        facts = self.rows[CASE_FACTS]
        case_id = str(event.originator_id)
        row = dict.fromkeys(facts.columns)
        row.update(
            case_id=case_id,
            window_id=text(event.window_id),
            external_ref=event.external_ref,
            enterprise_id=text(event.enterprise_id),
            uscc=event.uscc,
            category=event.category,
            category_group=event.category[:2],
            channel=event.channel,
            opened_at=business_time(event),
            opened_on=business_date(event),
            status="opened",
            amendments=0,
            late_entries=1 if event.meta.late_entry else 0,
            opened_position=position,  # never changes: the order the case lists page in
            position=position,
        )
        facts.put(case_id, row)
        recount(self.rows[CASE_COUNTS], None, row, position)  # Opened begins every case stream

    case_assigned = case_update(
        ServiceCase.Assigned,
        lambda e: {
            "provider_kind": e.provider_kind,
            "provider_id": text(e.provider_id),
            "provider_name": e.provider_name,
            "status": "assigned",
        },
    )
    case_delivered = case_update(
        ServiceCase.Delivered,
        lambda e: {
            "delivered_on": e.delivered_on.isoformat(),
            "delivery_mode": e.mode,
            "fee_type": e.fee_type,
            "fee_amount": str(e.fee_amount),
            "status": "delivered",
        },
    )
    feedback_received = case_update(
        ServiceCase.FeedbackReceived,
        lambda e: {"satisfaction": e.satisfaction, "status": "feedback_received"},
    )
    late_feedback_received = case_update(
        ServiceCase.LateFeedbackReceived, lambda e: {"satisfaction": e.satisfaction}
    )
    case_closed = case_update(
        ServiceCase.Closed, lambda e: {"closed_on": business_date(e), "status": "closed"}
    )
    case_cancelled = case_update(
        ServiceCase.Cancelled,
        lambda e: {
            "cancelled_on": business_date(e),
            "cancellation_reason": e.reason,
            "status": "cancelled",
        },
    )
    delivery_amended = case_update(
        ServiceCase.DeliveryAmended,
        lambda e: {
            "delivered_on": e.delivered_on.isoformat(),
            "delivery_mode": e.mode,
            "fee_type": e.fee_type,
            "fee_amount": str(e.fee_amount),
        },
        amended=True,
    )
    case_voided = case_update(
        ServiceCase.Voided,
        lambda e: {"voided_on": business_date(e), "void_reason": e.reason, "status": "voided"},
    )
