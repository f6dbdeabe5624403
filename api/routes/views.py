"""Views of the log: the registry, service statistics and enterprise histories."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Response

from api.deps import AppSettings, require
from api.problems import ApiError
from api.responses import json_response
from api.views import Format, MinPosition, Views, require_fresh, table_response
from ledger.application.context import Principal
from ledger.domain.access_key import Role
from ledger.domain.time import CST
from ledger.domain.values import parse_uscc
from projections.figures import (
    activities_by_organiser,
    agreements,
    budget_lines,
    disbursements,
    report_timeliness,
)
from projections.registry import EXPERTS, PARTICIPANTS
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


Funds = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
Year = Annotated[int, Query(ge=2018, le=2100)]
AsOn = Annotated[
    date | None, Query(description="The day to read as on (default: today in Ningxia)")
]


def _own_window(principal: Principal, requested: UUID | None) -> str | None:
    """A window reads only its own rows; others may name one or read all."""
    if principal.role is Role.WINDOW:
        if requested is not None and requested != principal.platform_id:
            raise ApiError(
                403,
                "forbidden_platform",
                "Not your platform",
                "A window key reads only its own window's figures.",
            )
        return str(principal.platform_id)
    return None if requested is None else str(requested)


def _today(views: Any) -> date:
    return views.ledger.clock().astimezone(CST).date()  # type: ignore[no-any-return]


@router.get("/activities", summary="Public service activities per organiser and year")
def activities(
    principal: StatisticsReader,
    views: Views,
    settings: AppSettings,
    year: Year,
    organiser_id: UUID | None = None,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    organiser = _own_window(principal, organiser_id)
    require_fresh(views, ("activities",), min_position, settings.view_wait_seconds)
    with views.store.read() as tx:
        rows = activities_by_organiser(tx, year=year, organiser_id=organiser)
    return table_response(rows, "activities", format, f"activities-{year}")


@router.get(
    "/data-report-timeliness",
    summary="Data reports per window: on time, late, missing (as on a day), pending",
)
def data_report_timeliness(
    principal: StatisticsReader,
    views: Views,
    settings: AppSettings,
    year: Year,
    as_on: AsOn = None,
    window_id: UUID | None = None,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    window = _own_window(principal, window_id)
    require_fresh(views, ("activities",), min_position, settings.view_wait_seconds)
    with views.store.read() as tx:
        rows = report_timeliness(tx, year=year, as_on=as_on or _today(views), window_id=window)
    return table_response(rows, "timeliness", format, f"data-report-timeliness-{year}")


@router.get("/funds/budget-lines", summary="Budget lines: approved, committed, paid, remaining")
def funds_budget_lines(
    principal: Funds,
    views: Views,
    settings: AppSettings,
    year: Year,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    hub = str(principal.platform_id) if principal.role is Role.HUB else None
    require_fresh(views, ("funds",), min_position, settings.view_wait_seconds)
    with views.store.read() as tx:
        rows = budget_lines(tx, year=year, hub_id=hub)
    return table_response(rows, "lines", format, f"budget-lines-{year}")


@router.get(
    "/funds/disbursements",
    summary="The disbursement trail: request, approval, payment, with who and when",
)
def funds_disbursements(
    principal: Funds,
    views: Views,
    settings: AppSettings,
    year: Year,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    hub = str(principal.platform_id) if principal.role is Role.HUB else None
    require_fresh(views, ("funds",), min_position, settings.view_wait_seconds)
    with views.store.read() as tx:
        rows = disbursements(tx, year=year, hub_id=hub)
    return table_response(rows, "disbursements", format, f"disbursements-{year}")


@router.get("/agreements", summary="Service agreements and their status on a day")
def agreement_register(
    principal: Anyone,
    views: Views,
    settings: AppSettings,
    party_id: UUID | None = None,
    as_on: AsOn = None,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    party = None if party_id is None else str(party_id)
    if principal.role in (Role.WINDOW, Role.INSTITUTION):
        # A participant sees the agreements it is party to.
        party = str(principal.platform_id)
    elif principal.role is Role.ADMIN:
        raise ApiError(
            403, "forbidden_role", "Role not allowed",
            "Agreements are read by the hub, the bureau, auditors and the parties.",
        )  # fmt: skip
    require_fresh(views, ("registry",), min_position, settings.view_wait_seconds)
    with views.store.read() as tx:
        rows = agreements(tx, as_on=as_on or _today(views), party_id=party)
    return table_response(rows, "agreements", format, "agreements")


@router.get("/experts", summary="The expert pool (专家库)")
def expert_pool(
    principal: Funds,
    views: Views,
    settings: AppSettings,
    format: Format = "json",
    min_position: MinPosition = None,
) -> Response:
    require_fresh(views, ("registry",), min_position, settings.view_wait_seconds)
    columns = [
        "expert_id",
        "name",
        "fields",
        "organisation",
        "title",
        "status",
        "registered_on",
        "deactivated_on",
    ]
    with views.store.read() as tx:
        rows = [
            dict(zip(columns, r, strict=True))
            for r in tx.fetchall(f"SELECT {', '.join(columns)} FROM {EXPERTS} ORDER BY 7, 1")
        ]
    for row in rows:
        row["fields"] = [f for f in row["fields"].split(",") if f]
    return table_response(rows, "experts", format, "experts")
