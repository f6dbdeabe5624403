"""Views of the log: the registry, service statistics and enterprise histories."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Response

from api.deps import AppSettings, Principal, require
from api.problems import ApiError
from api.responses import json_response
from api.views import Format, MinPosition, Views, require_fresh, table_response
from ledger.domain.access_key import Role
from ledger.values import parse_uscc
from projections.registry import PARTICIPANTS
from projections.service_cases import CASE_FACTS
from projections.statistics import service_statistics

router = APIRouter(prefix="/v1/views", tags=["views"])

Anyone = Annotated[Principal, require(*Role)]
Overseer = Annotated[Principal, require(Role.ADMIN, Role.HUB, Role.BUREAU, Role.AUDITOR)]
StatisticsReader = Annotated[Principal, require(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)]
Limit = Annotated[int, Query(ge=1, le=10_000, description="At most this many rows")]
Offset = Annotated[int, Query(ge=0, description="Skip this many rows (stable order)")]


@router.get("/status", summary="Each view's position, state and lag behind the log")
def view_status(principal: Overseer, views: Views) -> Response:
    return json_response(
        {
            "views": [
                {
                    "name": s.name,
                    "version": s.version,
                    "position": s.position,
                    "state": s.state,
                    "lag": s.lag,
                }
                for s in views.status()
            ]
        }
    )


@router.get("/participants", summary="The registry: platforms and institutions, with standing")
def participants(
    principal: Anyone,
    views: Views,
    settings: AppSettings,
    kind: Annotated[str | None, Query(pattern="^(hub|window|institution)$")] = None,
    status: Annotated[str | None, Query(pattern="^(connected|registered|active|revoked)$")] = None,
    limit: Limit = 1000,
    offset: Offset = 0,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    require_fresh(views, ("registry",), min_position, settings.view_wait_seconds)
    sql = (
        "SELECT id, kind, name, uscc, region, categories, status, standing, entered_on, "
        f"standing_changed_on, rectification_deadline, revoked_on FROM {PARTICIPANTS} WHERE 1 = 1"
    )
    params: list[Any] = []
    for column, value in (("kind", kind), ("status", status)):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    sql += " ORDER BY entered_on, id LIMIT ? OFFSET ?"
    params += [limit, offset]
    columns = [
        "id", "kind", "name", "uscc", "region", "categories", "status", "standing",
        "entered_on", "standing_changed_on", "rectification_deadline", "revoked_on",
    ]  # fmt: skip
    with views.store.read() as tx:
        rows = [dict(zip(columns, row, strict=True)) for row in tx.fetchall(sql, params)]
    for row in rows:
        row["categories"] = [c for c in row["categories"].split(",") if c]
    return table_response(rows, "participants", format, "participants")


@router.get(
    "/service-statistics",
    summary="Service statistics per window and month, quarter or year",
)
def statistics(
    principal: StatisticsReader,
    views: Views,
    settings: AppSettings,
    year: Annotated[int, Query(ge=2018, le=2100)],
    period: Annotated[str, Query(pattern="^(month|quarter|year)$")] = "month",
    window_id: UUID | None = None,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    if principal.role is Role.WINDOW:
        if window_id is not None and window_id != principal.platform_id:
            raise ApiError(
                403,
                "forbidden_platform",
                "Not your platform",
                "A window key reads only its own window's statistics.",
            )
        window_id = principal.platform_id
    require_fresh(views, ("service_cases",), min_position, settings.view_wait_seconds)
    with views.store.read() as tx:
        rows = service_statistics(
            tx, year=year, period=period, window_id=None if window_id is None else str(window_id)
        )
    return table_response(rows, "statistics", format, f"service-statistics-{year}-{period}")


@router.get(
    "/enterprises/{uscc}/services",
    summary="Everything an enterprise received, across windows (一企一策)",
)
def enterprise_services(
    uscc: str,
    principal: StatisticsReader,
    views: Views,
    settings: AppSettings,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    code = parse_uscc(uscc)
    require_fresh(views, ("service_cases",), min_position, settings.view_wait_seconds)
    columns = [
        "case_id", "window_id", "external_ref", "category", "channel", "opened_on",
        "provider_kind", "provider_name", "delivered_on", "delivery_mode", "fee_type",
        "fee_amount", "satisfaction", "closed_on", "cancelled_on", "status",
    ]  # fmt: skip
    sql = f"SELECT {', '.join(columns)} FROM {CASE_FACTS} WHERE uscc = ?"
    params: list[Any] = [code]
    if principal.role is Role.WINDOW:
        # A window sees what it did for the enterprise, not what other windows did.
        sql += " AND window_id = ?"
        params.append(str(principal.platform_id))
    sql += " ORDER BY opened_at, case_id"
    with views.store.read() as tx:
        rows = [dict(zip(columns, row, strict=True)) for row in tx.fetchall(sql, params)]
    return table_response(rows, "services", format, f"enterprise-{code}-services")
