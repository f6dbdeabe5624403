"""Service-case facts: one row per case, the raw material of the statistics and histories.

Statistics (per window and month, quarter or year) are computed from these rows when asked, so
every figure can be traced to the cases behind it and recomputed at any log position.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from ledger.domain.enterprise import Enterprise
from ledger.domain.service_case import ServiceCase
from projections.base import (
    Event,
    Handler,
    Projection,
    business_date,
    business_time,
    text,
)
from projections.store import Tx

CASE_FACTS = "view_case_facts"
ENTERPRISES = "view_enterprises"


def _opened(p: Any, tx: Tx, event: Event, position: int) -> None:
    data = vars(event)
    case_id = str(event.originator_id)
    row = dict.fromkeys(p.rows[CASE_FACTS].columns)
    row.update(
        case_id=case_id,
        window_id=text(data["window_id"]),
        external_ref=data["external_ref"],
        enterprise_id=text(data["enterprise_id"]),
        uscc=data["uscc"],
        category=data["category"],
        category_group=data["category"][:2],
        channel=data["channel"],
        opened_at=business_time(event),
        opened_on=business_date(event),
        status="opened",
        position=position,
    )
    p.rows[CASE_FACTS].put(case_id, row)


def _case(values: Callable[[Any], dict[str, Any]]) -> Handler:
    """A handler that sets the columns ``values(event)`` names on the event's case row."""

    def handle(p: Any, tx: Tx, event: Event, position: int) -> None:
        facts = p.rows[CASE_FACTS]
        case_id = str(event.originator_id)
        row = facts.get(case_id)
        if row is not None:  # every case stream starts with Opened
            row.update(values(event), position=position)
            facts.put(case_id, row)

    return handle


def _enterprise(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    tx.execute(
        f"INSERT INTO {ENTERPRISES} (enterprise_id, uscc, name, region, industry, size_class, "
        "position) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (enterprise_id) DO NOTHING",
        (str(e.originator_id), e.uscc, e.name, e.region, e.industry, e.size_class, position),
    )


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
    handlers: ClassVar[dict[type, Handler]] = {
        Enterprise.Registered: _enterprise,
        ServiceCase.Opened: _opened,
        ServiceCase.Assigned: _case(
            lambda e: {
                "provider_kind": e.provider_kind,
                "provider_id": text(e.provider_id),
                "provider_name": e.provider_name,
                "status": "assigned",
            }
        ),
        ServiceCase.Delivered: _case(
            lambda e: {
                "delivered_on": e.delivered_on.isoformat(),
                "delivery_mode": e.mode,
                "fee_type": e.fee_type,
                "fee_amount": str(e.fee_amount),
                "status": "delivered",
            }
        ),
        ServiceCase.FeedbackReceived: _case(
            lambda e: {"satisfaction": e.satisfaction, "status": "feedback_received"}
        ),
        ServiceCase.Closed: _case(lambda e: {"closed_on": business_date(e), "status": "closed"}),
        ServiceCase.Cancelled: _case(
            lambda e: {
                "cancelled_on": business_date(e),
                "cancellation_reason": e.reason,
                "status": "cancelled",
            }
        ),
    }
