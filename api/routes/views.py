"""Views of the log: the registry, service statistics and enterprise histories.

Every route reads one or more views through :class:`api.views.Table`: fresh up to the
``min_position`` asked for, as JSON or as a CSV download.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response
from typing_extensions import TypedDict

from api.deps import LARGEST, IsoDate, Ledger, require
from api.problems import ApiError
from api.reads import ReadSide
from api.responses import json_response
from api.shapes import ShapedRoute
from api.views import Views, ViewTable, rows_answer
from ledger.application.context import Principal
from ledger.application.queries.budgets import disbursement_status
from ledger.domain.access_key import Role
from ledger.domain.values import parse_uscc
from projections import registers
from projections.catalog import all_projections
from projections.drift import DRIFT, DriftCheckView, latest_checks, recorded_checks
from projections.figures import (
    ActivityRow,
    AgreementRow,
    BudgetLineRow,
    TimelinessRow,
    activities_by_organiser,
    agreements,
    budget_lines,
    report_timeliness,
)
from projections.funds_reconciliation import ReconciliationRow, reconciliation
from projections.funds_trail import DisbursementRow, disbursements
from projections.registers import EnterpriseServiceRow, ExpertRow, ParticipantRow
from projections.statistics import StatisticsRow, service_statistics

router = APIRouter(route_class=ShapedRoute, prefix="/v1/views", tags=["views"])

Anyone = Annotated[Principal, require(*Role)]
Overseer = Annotated[Principal, require(Role.ADMIN, Role.HUB, Role.BUREAU, Role.AUDITOR)]
StatisticsReader = Annotated[Principal, require(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)]
Funds = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
DriftReader = Funds
VIEW_NAMES = f"^({'|'.join(sorted(p.name for p in all_projections()))})$"
Limit = Annotated[int, Query(ge=1, le=10_000, description="At most this many rows")]
Offset = Annotated[int, Query(ge=0, le=LARGEST, description="Skip this many rows (stable order)")]
Year = Annotated[int, Query(ge=2018, le=2100)]
AsOn = Annotated[
    IsoDate | None, Query(description="The day to read as on (default: today in Ningxia)")
]


def _own_window(principal: Principal, requested: UUID | None, what: str = "figures") -> str | None:
    """A window reads only its own rows; others may name one or read all."""
    if principal.role is Role.WINDOW:
        if requested is not None and requested != principal.platform_id:
            raise ApiError(
                403,
                "forbidden_platform",
                "Not your platform",
                f"A window key reads only its own window's {what}.",
            )
        return str(principal.platform_id)
    return None if requested is None else str(requested)


def _own_hub(principal: Principal) -> str | None:
    """A hub reads only its own funds; the bureau and auditors read every hub's."""
    return str(principal.platform_id) if principal.role is Role.HUB else None


class ViewStatusRow(TypedDict):
    """Where a view is: the version of its fold, the log position it has folded up to, its
    state, and how many positions it is behind the head of the log."""

    name: str
    version: int
    position: int
    state: str
    """``live``, ``rebuilding``, or ``stalled`` on an event it could not fold."""
    lag: int


class ViewStatuses(TypedDict):
    """Every view's status."""

    views: list[ViewStatusRow]


class DriftChecks(TypedDict):
    """What the drift checks found: the views whose latest check found drift, each view's
    latest check, and the recorded checks asked for (the latest first) with their count."""

    drifting: list[str]
    latest: list[DriftCheckView]
    checks: list[DriftCheckView]
    count: int


@router.get(
    "/status",
    summary="Each view's position, state and lag behind the log",
    response_model=ViewStatuses,
)
def view_status(principal: Overseer, views: Views) -> Response:
    shown: ViewStatuses = {
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
    return json_response(shown)


@router.get(
    "/drift",
    summary="Drift checks: each view recomputed from the log and compared with the stored one",
    response_model=DriftChecks,
)
def view_drift(
    principal: DriftReader,
    reads: ReadSide,
    view: Annotated[str | None, Query(pattern=VIEW_NAMES, description="Only this view")] = None,
    outcome: Annotated[
        str | None, Query(pattern="^(ok|drift|failed)$", description="Only checks that found this")
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """What the drift checks found (`sme-ledger project check-drift`, and the projection
    worker every LEDGER_DRIFT_CHECK_SECONDS). Each check recomputed a view from the log up to
    the position the stored view was at, in a store of its own, and compared the two table by
    table: row counts and SHA-256 digests of the rows in primary-key order. `drifting` names
    the views whose latest check found a difference; `latest` is each view's latest check;
    `checks` the recorded checks, the latest first. Checks are only ever added, and never
    repair a view."""
    with reads.views.store.read() as tx:
        latest = latest_checks(tx)
        checks = recorded_checks(tx, view=view, outcome=outcome, limit=limit, offset=offset)
    found: DriftChecks = {
        "drifting": [name for name, check in latest.items() if check.outcome == DRIFT],
        "latest": [check.as_dict() for check in latest.values()],
        "checks": [check.as_dict() for check in checks],
        "count": len(checks),
    }
    return json_response(found)


@router.get(
    "/participants",
    summary="The registry: platforms and institutions, with standing",
    response_model=rows_answer(ParticipantRow, "participants"),
)
def participants(
    principal: Anyone,
    table: ViewTable,
    kind: Annotated[str | None, Query(pattern="^(hub|window|institution)$")] = None,
    status: Annotated[str | None, Query(pattern="^(connected|registered|active|revoked)$")] = None,
    limit: Limit = 1000,
    offset: Offset = 0,
) -> Response:
    return table.answer(
        ("registry",),
        lambda tx: registers.participants(tx, kind=kind, status=status, limit=limit, offset=offset),
        "participants",
        "participants",
    )


@router.get(
    "/service-statistics",
    summary="Service statistics per window and month, quarter or year",
    response_model=rows_answer(StatisticsRow, "statistics"),
)
def statistics(
    principal: StatisticsReader,
    table: ViewTable,
    year: Annotated[int, Query(ge=2018, le=2100)],
    period: Annotated[str, Query(pattern="^(month|quarter|year)$")] = "month",
    window_id: UUID | None = None,
) -> Response:
    window = _own_window(principal, window_id, "statistics")
    return table.answer(
        ("service_cases",),
        lambda tx: service_statistics(tx, year=year, period=period, window_id=window),
        "statistics",
        f"service-statistics-{year}-{period}",
    )


@router.get(
    "/enterprises/{uscc}/services",
    summary="Everything an enterprise received, across windows (一企一策)",
    response_model=rows_answer(EnterpriseServiceRow, "services"),
)
def enterprise_services(uscc: str, principal: StatisticsReader, table: ViewTable) -> Response:
    code = parse_uscc(uscc)
    # A window sees what it did for the enterprise, not what other windows did.
    window = str(principal.platform_id) if principal.role is Role.WINDOW else None
    return table.answer(
        ("service_cases",),
        lambda tx: registers.enterprise_services(tx, uscc=code, window_id=window),
        "services",
        f"enterprise-{code}-services",
    )


@router.get(
    "/activities",
    summary="Public service activities per organiser and year",
    response_model=rows_answer(ActivityRow, "activities"),
)
def activities(
    principal: StatisticsReader,
    table: ViewTable,
    year: Year,
    organiser_id: UUID | None = None,
) -> Response:
    organiser = _own_window(principal, organiser_id)
    return table.answer(
        ("activities",),
        lambda tx: activities_by_organiser(tx, year=year, organiser_id=organiser),
        "activities",
        f"activities-{year}",
    )


@router.get(
    "/data-report-timeliness",
    summary="Data reports per window: on time, late, missing (as on a day), pending",
    response_model=rows_answer(TimelinessRow, "timeliness"),
)
def data_report_timeliness(
    principal: StatisticsReader,
    table: ViewTable,
    year: Year,
    as_on: AsOn = None,
    window_id: UUID | None = None,
) -> Response:
    window = _own_window(principal, window_id)
    day = as_on or table.today()
    return table.answer(
        ("activities",),
        lambda tx: report_timeliness(tx, year=year, as_on=day, window_id=window),
        "timeliness",
        f"data-report-timeliness-{year}",
    )


@router.get(
    "/funds/budget-lines",
    summary="Budget lines: approved, committed, paid, remaining, and what lapsed after the year",
    response_model=rows_answer(BudgetLineRow, "lines"),
)
def funds_budget_lines(
    principal: Funds, table: ViewTable, year: Year, as_on: AsOn = None
) -> Response:
    hub = _own_hub(principal)
    day = (as_on or table.today()).isoformat()
    return table.answer(
        ("funds",),
        lambda tx: budget_lines(tx, year=year, hub_id=hub, as_on=day),
        "lines",
        f"budget-lines-{year}",
    )


@router.get(
    "/funds/disbursements",
    summary="The disbursement trail: request, approval, payment, with who and when",
    response_model=rows_answer(DisbursementRow, "disbursements"),
)
def funds_disbursements(principal: Funds, table: ViewTable, year: Year) -> Response:
    hub = _own_hub(principal)
    return table.answer(
        ("funds",),
        lambda tx: disbursements(tx, year=year, hub_id=hub),
        "disbursements",
        f"disbursements-{year}",
    )


@router.get(
    "/funds/reconciliation",
    summary="A year's payments tied to their approval and line, with every exception found",
    response_model=rows_answer(ReconciliationRow, "reconciliation"),
)
def funds_reconciliation(
    principal: Funds, table: ViewTable, ledger: Ledger, year: Year
) -> Response:
    hub = _own_hub(principal)
    if table.as_of_position is not None:
        raise ApiError(
            422, "not_at_a_position", "Not read at a past position",
            "The reconciliation ties each payment to its disbursement as it is now, so it is not "
            "read at a past position; read the disbursement trail (funds/disbursements) there.",
        )  # fmt: skip

    def status_of(disbursement_id: str) -> str:
        return disbursement_status(ledger, UUID(disbursement_id))

    return table.answer(
        ("funds",),
        lambda tx: reconciliation(tx, year=year, hub_id=hub, resource_status=status_of),
        "reconciliation",
        f"funds-reconciliation-{year}",
    )


@router.get(
    "/agreements",
    summary="Service agreements and their status on a day",
    response_model=rows_answer(AgreementRow, "agreements"),
)
def agreement_register(
    principal: Anyone,
    table: ViewTable,
    party_id: UUID | None = None,
    as_on: AsOn = None,
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
    day = as_on or table.today()
    return table.answer(
        ("registry",),
        lambda tx: agreements(tx, as_on=day, party_id=party),
        "agreements",
        "agreements",
    )


@router.get(
    "/experts",
    summary="The expert pool (专家库)",
    response_model=rows_answer(ExpertRow, "experts"),
)
def expert_pool(principal: Funds, table: ViewTable) -> Response:
    return table.answer(("registry",), registers.experts, "experts", "experts")
