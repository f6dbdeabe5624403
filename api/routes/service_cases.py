"""Service cases: windows record them; the hub, the bureau and auditors read them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Response
from pydantic import ValidationError

from api.deps import (
    IdempotencyKey,
    IfMatch,
    Ledger,
    Principal,
    RequestId,
    idempotency_request,
    parse_if_match,
    require,
    require_json,
)
from api.resources import add_read_routes
from api.responses import json_response, outcome_response
from api.schemas import (
    AssignmentBody,
    Body,
    CancellationBody,
    CaseBatch,
    CaseOpening,
    ClosureBody,
    DeliveryBody,
    FeedbackBody,
)
from ledger import interface
from ledger.application import LedgerApplication
from ledger.commands.case_imports import CaseRecord, ImportResult, ImportStatus
from ledger.domain.access_key import Role
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
    ServiceCase,
)
from ledger.envelope import Envelope
from ledger.errors import InvalidRecordError, LedgerError, ServiceCaseNotFoundError

router = APIRouter(prefix="/v1/service-cases", tags=["service cases"])
# The batch route sits beside the collection (``/v1/service-cases:batch``), not under it.
batch_router = APIRouter(tags=["service cases"])

Window = Annotated[Principal, require(Role.WINDOW)]
JSON_ONLY = [Depends(require_json)]

Step = Callable[[ServiceCase], None]


def _meta(principal: Principal, request_id: str, ledger: LedgerApplication, at: Any) -> Envelope:
    occurred_at: datetime = at if at is not None else ledger.clock()
    return principal.envelope(request_id, occurred_at)


def _assign(ledger: LedgerApplication, body: AssignmentBody, meta: Envelope) -> Step:
    return ledger.assignment_step(
        provider_kind=ProviderKind(body.provider_kind),
        provider_name=body.provider_name,
        provider_id=body.provider_id,
        meta=meta,
    )


def _deliver(body: DeliveryBody, meta: Envelope) -> Step:
    delivery = Delivery(
        body.delivered_on, DeliveryMode(body.mode), FeeType(body.fee_type), Decimal(body.fee_amount)
    )
    return lambda case: case.deliver(delivery, meta)


def _feedback(body: FeedbackBody, meta: Envelope) -> Step:
    feedback = Feedback(body.satisfaction, body.comment)
    return lambda case: case.record_feedback(feedback, meta)


def _steps(ledger: LedgerApplication, body: CaseOpening, meta: Envelope) -> list[Step]:
    """The steps a one-call body asks for after opening, each at its own business time."""
    steps: list[Step] = []
    if body.assignment is not None:
        steps.append(
            _assign(
                ledger,
                body.assignment,
                meta.at(body.assignment.occurred_at or meta.occurred_at),
            )
        )
    if body.delivery is not None:
        steps.append(
            _deliver(body.delivery, meta.at(body.delivery.occurred_at or meta.occurred_at))
        )
    if body.feedback is not None:
        steps.append(
            _feedback(body.feedback, meta.at(body.feedback.occurred_at or meta.occurred_at))
        )
    return steps


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Open a service case (or record an already-delivered service in one call)",
)
def open_case(
    body: CaseOpening,
    principal: Window,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    steps = _steps(ledger, body, meta)
    outcome = ledger.open_case(
        external_ref=body.external_ref,
        uscc=body.uscc,
        category=body.category,
        channel=Channel(body.channel),
        description=body.description,
        meta=meta,
        then=steps,
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/service-cases", body.canonical()
        ),
    )
    return outcome_response(outcome)


def _step(
    case_id: UUID,
    route: str,
    body: Body,
    step: Step,
    principal: Principal,
    ledger: LedgerApplication,
    meta: Envelope,
    if_match: str | None,
    idempotency_key: str | None,
) -> Response:
    outcome = ledger.act_on_case(
        case_id,
        step,
        meta=meta,
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal,
            idempotency_key,
            "POST",
            f"/v1/service-cases/{case_id}/{route}",
            body.canonical(),
        ),
    )
    return outcome_response(outcome)


def _record_of(
    body: CaseOpening, principal: Principal, request_id: str, ledger: LedgerApplication
) -> CaseRecord:
    """An import record decided exactly as ``POST /v1/service-cases`` decides its body."""
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return CaseRecord(
        external_ref=body.external_ref,
        uscc=body.uscc,
        category=body.category,
        channel=Channel(body.channel),
        description=body.description,
        meta=meta,
        then=_steps(ledger, body, meta),
    )


def import_records(
    items: Sequence[Any],
    principal: Principal,
    request_id: str,
    ledger: LedgerApplication,
) -> list[ImportResult]:
    """Validate each item on its own (a bad one is reported, never fails the others), then
    import the valid ones. Shared by the batch route and ``sme-ledger import`` (which passes
    an error for a line it could not read)."""
    records: list[CaseRecord | LedgerError] = []
    for item in items:
        if isinstance(item, LedgerError):
            records.append(item)
            continue
        if not isinstance(item, dict):
            records.append(InvalidRecordError("A record is a JSON object; this one is not."))
            continue
        try:
            body = CaseOpening.model_validate(item)
        except ValidationError as e:
            records.append(InvalidRecordError(_validation_detail(e)))
            continue
        records.append(_record_of(body, principal, request_id, ledger))
    return ledger.import_cases(records, meta=principal.envelope(request_id, ledger.clock()))


def _validation_detail(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in error.errors()
    )


@batch_router.post(
    "/v1/service-cases:batch",
    dependencies=JSON_ONLY,
    summary="Import up to 1,000 service records (each like a one-call delivered case)",
    description="Every record is validated and decided on its own: valid ones are appended "
    "(in as few transactions as possible), invalid ones are reported with their index, code "
    "and detail and change nothing. A record whose external_ref is already recorded is "
    "reported as `exists`, so re-sending the same batch appends nothing new.",
)
def import_batch(
    body: CaseBatch, principal: Window, ledger: Ledger, request_id: RequestId
) -> Response:
    results = import_records(body.records, principal, request_id, ledger)
    counts = Counter(r.status.value for r in results)
    return json_response(
        {
            "results": [_result_view(r) for r in results],
            "created": counts["created"],
            "exists": counts["exists"],
            "rejected": counts["rejected"],
            "position": max((r.position or 0 for r in results), default=0) or None,
        }
    )


def _result_view(result: ImportResult) -> dict[str, Any]:
    view: dict[str, Any] = {"index": result.index, "status": result.status.value}
    if result.id is not None:
        view["id"] = str(result.id)
    if result.status is ImportStatus.CREATED:
        view["version"] = result.version
        view["position"] = result.position
    else:
        view["code"] = result.code
        view["detail"] = result.detail
    return view


@router.post("/{case_id}/assignment", dependencies=JSON_ONLY, summary="Assign the case")
def assign(
    case_id: UUID,
    body: AssignmentBody,
    principal: Window,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return _step(
        case_id,
        "assignment",
        body,
        _assign(ledger, body, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


@router.post("/{case_id}/delivery", dependencies=JSON_ONLY, summary="Record the delivery")
def deliver(
    case_id: UUID,
    body: DeliveryBody,
    principal: Window,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return _step(
        case_id,
        "delivery",
        body,
        _deliver(body, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{case_id}/feedback", dependencies=JSON_ONLY, summary="Record the enterprise's feedback"
)
def feedback(
    case_id: UUID,
    body: FeedbackBody,
    principal: Window,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return _step(
        case_id,
        "feedback",
        body,
        _feedback(body, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


@router.post("/{case_id}/closure", dependencies=JSON_ONLY, summary="Close the case")
def close(
    case_id: UUID,
    body: ClosureBody,
    principal: Window,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return _step(
        case_id,
        "closure",
        body,
        lambda case: case.close(body.note, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


@router.post("/{case_id}/cancellation", dependencies=JSON_ONLY, summary="Cancel the case")
def cancel(
    case_id: UUID,
    body: CancellationBody,
    principal: Window,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return _step(
        case_id,
        "cancellation",
        body,
        lambda case: case.cancel(body.reason, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


def _window_sees_only_its_own(principal: Principal, case: ServiceCase) -> bool:
    return principal.role is not Role.WINDOW or case.window_id == principal.platform_id


add_read_routes(
    router,
    aggregate_type=ServiceCase,
    view=interface.service_case_view,
    not_found=ServiceCaseNotFoundError,
    label="service case",
    readers=(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR),
    id_name="case_id",
    visible=_window_sees_only_its_own,
)
