"""Service-case facts: one row per case, the raw material of the statistics and histories.

Statistics (per window and month, quarter or year) are computed from these rows when asked, so
every figure can be traced to the cases behind it and recomputed at any log position.
"""

from __future__ import annotations

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
    updater,
)
from projections.store import Tx

CASE_FACTS = "view_case_facts"
ENTERPRISES = "view_enterprises"


def _opened(_: Any, tx: Tx, event: Event, position: int) -> None:
    data = vars(event)
    tx.execute(
        f"INSERT INTO {CASE_FACTS} (case_id, window_id, external_ref, enterprise_id, uscc, "
        "category, category_group, channel, opened_at, opened_on, status, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'opened', ?) ON CONFLICT (case_id) DO NOTHING",
        (
            str(event.originator_id),
            text(data["window_id"]),
            data["external_ref"],
            text(data["enterprise_id"]),
            data["uscc"],
            data["category"],
            data["category"][:2],
            data["channel"],
            business_time(event),
            business_date(event),
            position,
        ),
    )


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
        ServiceCase.Assigned: updater(
            CASE_FACTS,
            "case_id",
            "provider_kind = ?, provider_id = ?, provider_name = ?, status = 'assigned'",
            lambda e: (e.provider_kind, text(e.provider_id), e.provider_name),
        ),
        ServiceCase.Delivered: updater(
            CASE_FACTS,
            "case_id",
            "delivered_on = ?, delivery_mode = ?, fee_type = ?, fee_amount = ?, "
            "status = 'delivered'",
            lambda e: (e.delivered_on.isoformat(), e.mode, e.fee_type, str(e.fee_amount)),
        ),
        ServiceCase.FeedbackReceived: updater(
            CASE_FACTS,
            "case_id",
            "satisfaction = ?, status = 'feedback_received'",
            lambda e: (e.satisfaction,),
        ),
        ServiceCase.Closed: updater(
            CASE_FACTS, "case_id", "closed_on = ?, status = 'closed'", lambda e: (business_date(e),)
        ),
        ServiceCase.Cancelled: updater(
            CASE_FACTS,
            "case_id",
            "cancelled_on = ?, cancellation_reason = ?, status = 'cancelled'",
            lambda e: (business_date(e), e.reason),
        ),
    }
