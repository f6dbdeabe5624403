"""Service-case facts: one row per case, the raw material of the statistics and histories.

Statistics (per window and month, quarter or year) are computed from these rows when asked, so
every figure can be traced to the cases behind it and recomputed at any log position.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from ledger.domain.enterprise import Enterprise
from ledger.domain.service_case import ServiceCase
from projections.base import E, Handler, Projection, business_date, business_time, on, text
from projections.store import Tx

CASE_FACTS = "view_case_facts"
ENTERPRISES = "view_enterprises"


def case_update(event: type[E], values: Callable[[E], dict[str, object]]) -> Handler[Projection, E]:
    """On ``event``, set the columns ``values(event)`` names on the event's case row."""

    def write(projection: Projection, tx: Tx, e: E, position: int) -> None:
        facts = projection.rows[CASE_FACTS]
        case_id = str(e.originator_id)
        row = facts.get(case_id)
        if row is not None:  # every case stream starts with Opened
            row.update(values(e), position=position)
            facts.put(case_id, row)

    return Handler((event,), write)


class CaseFactsProjection(Projection):
    name = "service_cases"
    version = 3
    cached: ClassVar[dict[str, str]] = {CASE_FACTS: "case_id"}
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
            "status TEXT NOT NULL, position BIGINT NOT NULL"
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
            position=position,
        )
        facts.put(case_id, row)

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
