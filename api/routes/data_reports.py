"""Data reports: the hub requests and reviews them, windows submit; bureau and auditors read."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.responses import json_response
from api.schemas.data_reports import ReportAcceptance, ReportRequest, ReturnBody, SubmissionBody
from api.shapes import ShapedRoute
from api.views import Listing, ViewTable
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.data_reports import DataReports
from ledger.application.interface.data_reports import (
    DataReportList,
    DataReportView,
    data_report_view,
)
from ledger.application.queries.data_reports import list_reports as reports_of
from ledger.domain.access_key import Role
from ledger.domain.data_report import DataReport, ReportKind
from ledger.domain.errors import DataReportNotFoundError
from ledger.domain.time import CST
from projections.report_check import (
    COMPARED_VIEWS,
    ReportComparison,
    compared,
    recorded_figures,
)

router = APIRouter(route_class=ShapedRoute, prefix="/v1/data-reports", tags=["data reports"])

Requesting = Annotated[Writer, creating(Role.HUB)]
HubStep = Annotated[Writer, stepping(Role.HUB)]
WindowStep = Annotated[Writer, stepping(Role.WINDOW)]
READERS = (Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)
Reader = Annotated[Principal, require(*READERS)]
routes = CommandRoutes(router, "report_id", shows=DataReportView)


routes.create(
    "request_report",
    ReportRequest,
    Requesting,
    "Request a window's report for a period, with its due date",
)


@router.get(
    "",
    summary="Data reports by period, window, status, or overdue",
    response_model=DataReportList,
)
def list_reports(
    principal: Reader,
    ledger: Ledger,
    directory: Listing,
    period: Annotated[
        str | None, Query(max_length=16, description='e.g. "2026-03" or "2026-Q1"')
    ] = None,
    window_id: Annotated[UUID | None, Query(description="Reports of this window")] = None,
    status: Annotated[
        Literal["requested", "submitted", "returned", "accepted"] | None,
        Query(description="Reports in this status"),
    ] = None,
    overdue: Annotated[
        bool | None,
        Query(description="Never submitted and past the due date (today in Ningxia), or not"),
    ] = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    """Every matching report, in the order they were requested; a window sees only its own.

    The directory narrows by period and window; status and overdue change, so they are read on
    the reports of those.
    """
    if principal.role is Role.WINDOW:
        if window_id is not None and window_id != principal.platform_id:
            window_id = UUID(int=0)  # another window's: none of its own
        else:
            window_id = principal.platform_id
    today = ledger.clock().astimezone(CST).date()

    def kept(report: DataReport) -> bool:
        return (status is None or report.status.value == status) and (
            overdue is None or report.is_overdue(today) == overdue
        )

    found = reports_of(ledger, directory, page, kept, period=period, window_id=window_id)
    return paged(request, {"reports": [data_report_view(r) for r in found]}, found)


routes.step(
    "/submission",
    "submit",
    SubmissionBody,
    WindowStep,
    "Submit the report (again, after a return); late if after the due date",
)
routes.step("/acceptance", "accept", ReportAcceptance, HubStep, "Accept the report")
routes.step(
    "/return", "return_report", ReturnBody, HubStep, "Return the report to the window with reasons"
)


add_read_routes(router, DataReports, readers=READERS, shows=DataReportView)


@router.get(
    "/{report_id}/comparison",
    summary="The report's figures beside the ledger's own for its window and period",
    response_model=ReportComparison,
)
def comparison(report_id: UUID, principal: Reader, ledger: Ledger, table: ViewTable) -> Response:
    """The latest submission's figures, each beside the ledger's own count of the same thing
    for the report's window and period (read from the views at one position), and the
    difference: what a report claims is checked against what the ledger holds."""
    report = ledger.get(DataReport, report_id)
    if not ledger.capability(DataReport).visible(report, principal) or report.period is None:
        raise DataReportNotFoundError(f"No data report with id {report_id}.")
    period, window = report.period, str(report.window_id)
    kind = "month" if period.kind is ReportKind.MONTHLY else "quarter"
    recorded = table.read(
        COMPARED_VIEWS,
        lambda tx: recorded_figures(tx, window_id=window, period=period.text, kind=kind),
    )
    latest = report.submissions[-1] if report.submissions else None
    figures = compared(latest.figures if latest else {}, recorded["figures"])
    checked = [f["difference"] for f in figures if f["difference"] is not None]
    answer: ReportComparison = {
        "report_id": str(report.id),
        "window_id": window,
        "period": period.text,
        "submission": len(report.submissions) or None,
        "position": recorded["position"],
        "figures": figures,
        "agrees": all(d == 0 for d in checked) if checked else None,
    }
    return json_response(answer)
