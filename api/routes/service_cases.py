"""Service cases: windows record them; the hub, the bureau and auditors read them; every
participant lists its own (a window what it recorded, an institution what it was assigned)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Annotated, NotRequired, cast
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request, Response
from typing_extensions import TypedDict

from api.deps import IsoDate, require, require_json
from api.openapi import PAGED_HEADERS
from api.paging import LIMIT, Cursor, Limit, cursor_of, link_next, position_of
from api.problems import ApiError
from api.resources import add_read_routes
from api.responses import json_response
from api.schemas.cases import (
    AssignmentBody,
    CancellationBody,
    CaseBatch,
    CaseOpening,
    ClosureBody,
    DeliveryBody,
    FeedbackBody,
    records_of,
)
from api.schemas.corrections import DeliveryAmendmentBody, VoidingBody
from api.shapes import ShapedRoute
from api.views import ViewTable, table_response
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.commands.cases import (
    ImportCases,
    ImportResult,
    ImportStatus,
)
from ledger.application.context import Principal
from ledger.application.handlers.cases import ServiceCases
from ledger.application.interface import (
    CaseAssignment,
    CaseDelivery,
    CaseFeedback,
    PageFields,
    ServiceCaseView,
    plain,
)
from ledger.application.interface.names import ImportStatusName
from ledger.domain.access_key import Role
from ledger.domain.case_values import CaseStatus
from ledger.domain.values import parse_category, parse_uscc
from projections.registers import CaseFilter, CaseRow, cases

router = APIRouter(route_class=ShapedRoute, prefix="/v1/service-cases", tags=["service cases"])
# The batch route sits beside the collection (``/v1/service-cases:batch``), not under it.
batch_router = APIRouter(route_class=ShapedRoute, tags=["service cases"])

Opening = Annotated[Writer, creating(Role.WINDOW)]
Step = Annotated[Writer, stepping(Role.WINDOW)]
Importing = Annotated[Writer, creating(Role.WINDOW)]
Lister = Annotated[
    Principal, require(Role.WINDOW, Role.INSTITUTION, Role.HUB, Role.BUREAU, Role.AUDITOR)
]
JSON_ONLY = [Depends(require_json)]
CaseValue = str | CaseAssignment | CaseDelivery | CaseFeedback | None
"""What a compared field of a case holds (``ServiceCases``' ``_COMPARED``)."""
routes = CommandRoutes(router, "case_id", shows=ServiceCaseView)


class FieldDifference(TypedDict):
    """A field that a re-sent record says otherwise than the recorded case: as recorded, and
    as sent."""

    field: str
    recorded: CaseValue
    sent: CaseValue


class ImportedRecord(TypedDict):
    """What happened to the record at ``index``: created (its id, version and log position),
    or why not (``code``, ``detail``, and for a conflict its ``differences``)."""

    index: int
    status: ImportStatusName
    id: NotRequired[str]
    """The case's id: the one created, or the one the record's external_ref names."""
    version: NotRequired[int]
    position: NotRequired[int]
    code: NotRequired[str]
    detail: NotRequired[str]
    differences: NotRequired[list[FieldDifference]]


class ImportSummary(TypedDict):
    """Each record's result, in the batch's order; how many ended each way; and the log
    position of the last event appended (``null`` if none was)."""

    results: list[ImportedRecord]
    created: int
    exists: int
    conflict: int
    rejected: int
    position: int | None


class CasePage(PageFields):
    """One page of cases in the order they were opened, and where the next page begins
    (``null`` on the last)."""

    cases: list[CaseRow]


routes.create(
    "open_case",
    CaseOpening,
    Opening,
    "Open a service case (or record an already-delivered service in one call)",
)


@batch_router.post(
    "/v1/service-cases:batch",
    dependencies=JSON_ONLY,
    summary="Import up to 1,000 service records (each like a one-call delivered case)",
    response_model=ImportSummary,
    description="Every record is validated and decided on its own: valid ones are appended "
    "(in as few transactions as possible), invalid ones are reported with their index, code "
    "and detail and change nothing. A record whose external_ref is already recorded is "
    "reported as `exists` if it says what was recorded (re-sending the same batch appends "
    "nothing new), and as a `conflict` with its `differences` (field, recorded, sent) if it "
    "says something else: correct a case with its own request. With an `Idempotency-Key`, a "
    "retry of the same batch is answered as the first request was (`Idempotent-Replayed`); "
    "the key with another batch is refused (422 `idempotency_key_reused`).",
)
def import_batch(body: CaseBatch, write: Importing) -> Response:
    command = ImportCases(records=records_of(body.records))
    results = write.ledger.handle(command, write.context(body))
    replayed = any(r.replayed for r in results)
    return json_response(
        import_summary(results), headers={"Idempotent-Replayed": "true"} if replayed else None
    )


def import_summary(results: list[ImportResult]) -> ImportSummary:
    """The answer to an import: each record's result, and the counts."""
    counts = Counter(r.status.value for r in results)
    return {
        "results": [_result_view(r) for r in results],
        "created": counts["created"],
        "exists": counts["exists"],
        "conflict": counts["conflict"],
        "rejected": counts["rejected"],
        "position": max((r.position or 0 for r in results), default=0) or None,
    }


def _result_view(result: ImportResult) -> ImportedRecord:
    view: ImportedRecord = {"index": result.index, "status": result.status.value}
    if result.id is not None:
        view["id"] = str(result.id)
    # A created record has its version and position, any other its code and detail (as
    # ImportResult's constructors give them).
    if result.status is ImportStatus.CREATED:
        view["version"] = cast(int, result.version)
        view["position"] = cast(int, result.position)
    else:
        view["code"] = cast(str, result.code)
        view["detail"] = cast(str, result.detail)
    if result.differences:
        view["differences"] = [
            {"field": name, "recorded": plain(recorded), "sent": plain(sent)}
            for name, recorded, sent in result.differences
        ]
    return view


routes.step("/assignment", "assign", AssignmentBody, Step, "Assign the case")
routes.step("/delivery", "deliver", DeliveryBody, Step, "Record the delivery")
routes.step("/feedback", "record_feedback", FeedbackBody, Step, "Record the enterprise's feedback")
routes.step("/closure", "close", ClosureBody, Step, "Close the case")
routes.step("/cancellation", "cancel", CancellationBody, Step, "Cancel the case")
routes.step(
    "/delivery-amendment",
    "amend_delivery",
    DeliveryAmendmentBody,
    Step,
    "Correct the recorded delivery, with a reason (also after closure)",
)
routes.step("/voiding", "void", VoidingBody, Step, "Void a case recorded by mistake, with a reason")


@router.get(
    "",
    name="list_service_cases",
    summary="Service cases in the order opened: a window's own, an institution's assigned, or all",
    description="Read from the service-cases view (as fresh as `min_position` asks), one page at "
    "a time in the order the cases were opened: a case opened while a client pages comes after "
    "every case already listed, so paging on with `next_cursor` (or the `Link` header) lists "
    "each case once. A window lists only the cases it recorded (naming another `platform_id` "
    "lists nothing), an institution only the cases assigned to it, the hub, the bureau and "
    "auditors every case (of one window with `platform_id`).",
    responses={**PAGED_HEADERS, 400: {"description": "`from` is after `to`"}},
    response_model=CasePage,
)
def list_cases(
    request: Request,
    principal: Lister,
    table: ViewTable,
    status: Annotated[CaseStatus | None, Query(description="Cases in this status")] = None,
    category: Annotated[
        str | None,
        Query(
            max_length=16,
            description="Cases of this service category: an item (`100200`), or a first-level "
            "category (`10`) with its items",
        ),
    ] = None,
    opened_from: Annotated[
        IsoDate | None,
        Query(alias="from", description="Cases opened on or after this business date (Ningxia)"),
    ] = None,
    opened_to: Annotated[
        IsoDate | None,
        Query(alias="to", description="Cases opened on or before this business date (Ningxia)"),
    ] = None,
    enterprise: Annotated[
        str | None, Query(max_length=32, description="Cases of the enterprise with this USCC")
    ] = None,
    external_ref: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=128,
            description="The case with this external reference of its window (a window finds "
            "its own case by the reference its system gave it)",
        ),
    ] = None,
    platform_id: Annotated[UUID | None, Query(description="Cases of this window")] = None,
    limit: Limit = LIMIT,
    cursor: Cursor = None,
) -> Response:
    after = position_of(cursor)
    if opened_from is not None and opened_to is not None and opened_from > opened_to:
        raise ApiError(
            400,
            "conflicting_parameters",
            "Conflicting parameters",
            "`from` must not be after `to`.",
        )
    where = CaseFilter(
        status=None if status is None else status.value,
        category=None if category is None else parse_category(category),
        opened_from=opened_from,
        opened_to=opened_to,
        uscc=None if enterprise is None else parse_uscc(enterprise),
        external_ref=external_ref,
        window_id=None if platform_id is None else str(platform_id),
    )
    if principal.role is Role.WINDOW:
        if platform_id is not None and platform_id != principal.platform_id:
            return _page(request, table.format, [], None)  # another window's: none of its own
        where = replace(where, window_id=str(principal.platform_id))
    elif principal.role is Role.INSTITUTION:
        where = replace(where, institution_id=str(principal.platform_id))
    rows, more_after = table.read(
        ("service_cases",), lambda tx: cases(tx, where, after=after, limit=limit)
    )
    return _page(request, table.format, rows, None if more_after is None else cursor_of(more_after))


def _page(request: Request, fmt: str, rows: list[CaseRow], next_cursor: str | None) -> Response:
    """One page of cases, with where the next one is (in the body, for JSON, and as a link)."""
    if fmt == "json":
        page: CasePage = {"cases": rows, "count": len(rows), "next_cursor": next_cursor}
        response = json_response(page)
    else:
        response = table_response([dict(row) for row in rows], "cases", fmt, "service-cases")
    return link_next(request, response, next_cursor)


add_read_routes(
    router,
    ServiceCases,
    readers=(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR),
    shows=ServiceCaseView,
)
