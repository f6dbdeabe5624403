"""Data reports: the hub requests and reviews them, windows submit; bureau and auditors read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response

from api.deps import (
    IdempotencyKey,
    IfMatch,
    Ledger,
    RequestId,
    idempotency_request,
    parse_if_match,
    require,
    require_json,
)
from api.resources import add_legacy_read_routes
from api.responses import json_response, outcome_response
from api.schemas.common import Body
from api.schemas.data_reports import AcceptanceBody, ReportRequest, ReturnBody, SubmissionBody
from ledger.application.app import LedgerApplication
from ledger.application.context import Principal
from ledger.application.interface.data_reports import data_report_view
from ledger.domain.access_key import Role
from ledger.domain.data_report import DataReport, Submission
from ledger.domain.envelope import Envelope
from ledger.domain.errors import DataReportNotFoundError
from ledger.domain.time import CST

router = APIRouter(prefix="/v1/data-reports", tags=["data reports"])

Hub = Annotated[Principal, require(Role.HUB)]
Window = Annotated[Principal, require(Role.WINDOW)]
Reader = Annotated[Principal, require(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)]
JSON_ONLY = [Depends(require_json)]

Step = Callable[[DataReport], None]


def _meta(principal: Principal, request_id: str, ledger: LedgerApplication, at: Any) -> Envelope:
    occurred_at: datetime = at if at is not None else ledger.clock()
    return principal.envelope(request_id, occurred_at)


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Request a window's report for a period, with its due date",
)
def request_report(
    body: ReportRequest,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    outcome = ledger.request_report(
        window_id=body.window_id,
        period=body.period,
        due_on=body.due_on,
        meta=_meta(principal, request_id, ledger, body.occurred_at),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/data-reports", body.canonical()
        ),
    )
    return outcome_response(outcome)


@router.get("", summary="Data reports by period, window, status, or overdue")
def list_reports(
    principal: Reader,
    ledger: Ledger,
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
) -> Response:
    """Every matching report, in the order they were requested; a window sees only its own.

    Read by scanning the log's report requests in-process: enough for the network's few hundred
    reports a year, until the projections of a later issue serve this list.
    """
    if principal.role is Role.WINDOW:
        if window_id is not None and window_id != principal.platform_id:
            return json_response({"reports": []})
        window_id = principal.platform_id
    today = ledger.clock().astimezone(CST).date()
    reports = [
        report
        for report in ledger.list_reports(period=period, window_id=window_id)
        if (status is None or report.status.value == status)
        and (overdue is None or report.is_overdue(today) == overdue)
    ]
    return json_response({"reports": [data_report_view(r) for r in reports]})


def _step(
    report_id: UUID,
    route: str,
    body: Body,
    step: Step,
    principal: Principal,
    ledger: LedgerApplication,
    meta: Envelope,
    if_match: str | None,
    idempotency_key: str | None,
) -> Response:
    outcome = ledger.act_on_report(
        report_id,
        step,
        meta=meta,
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal,
            idempotency_key,
            "POST",
            f"/v1/data-reports/{report_id}/{route}",
            body.canonical(),
        ),
    )
    return outcome_response(outcome)


@router.post(
    "/{report_id}/submission",
    dependencies=JSON_ONLY,
    summary="Submit the report (again, after a return); late if after the due date",
)
def submit(
    report_id: UUID,
    body: SubmissionBody,
    principal: Window,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    submission = Submission(dict(body.figures), body.document_sha256)
    return _step(
        report_id,
        "submission",
        body,
        lambda report: report.submit(submission, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


@router.post("/{report_id}/acceptance", dependencies=JSON_ONLY, summary="Accept the report")
def accept(
    report_id: UUID,
    body: AcceptanceBody,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return _step(
        report_id,
        "acceptance",
        body,
        lambda report: report.accept(body.note, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{report_id}/return",
    dependencies=JSON_ONLY,
    summary="Return the report to the window with reasons",
)
def return_report(
    report_id: UUID,
    body: ReturnBody,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return _step(
        report_id,
        "return",
        body,
        lambda report: report.return_to_window(body.reasons, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


def _window_sees_only_its_own(principal: Principal, report: DataReport) -> bool:
    return principal.role is not Role.WINDOW or report.window_id == principal.platform_id


add_legacy_read_routes(
    router,
    aggregate_type=DataReport,
    view=data_report_view,
    not_found=DataReportNotFoundError,
    label="data report",
    readers=(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR),
    id_name="report_id",
    visible=_window_sees_only_its_own,
)
