"""Public service activities: the hub and windows organise them; the bureau and auditors read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Response

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
from api.responses import outcome_response
from api.schemas.activities import (
    ActivityCancellationBody,
    ActivityPlanning,
    EvaluationBody,
    HoldingBody,
)
from api.schemas.common import Body
from ledger.application.app import LedgerApplication
from ledger.application.context import Principal
from ledger.application.interface.activities import activity_view
from ledger.domain.access_key import Role
from ledger.domain.activity import (
    Activity,
    ActivityKind,
    ActivityMode,
    Evaluation,
    Holding,
    Plan,
)
from ledger.domain.envelope import Envelope
from ledger.domain.errors import ActivityNotFoundError

router = APIRouter(prefix="/v1/activities", tags=["public service activities"])

Organiser = Annotated[Principal, require(Role.WINDOW, Role.HUB)]
JSON_ONLY = [Depends(require_json)]

Step = Callable[[Activity], None]


def _meta(principal: Principal, request_id: str, ledger: LedgerApplication, at: Any) -> Envelope:
    occurred_at: datetime = at if at is not None else ledger.clock()
    return principal.envelope(request_id, occurred_at)


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Plan an activity of the key's platform (hub or window)",
)
def plan_activity(
    body: ActivityPlanning,
    principal: Organiser,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    plan = Plan(
        external_ref=body.external_ref,
        kind=ActivityKind(body.kind),
        title=body.title,
        starts_on=body.starts_on,
        ends_on=body.ends_on or body.starts_on,
        mode=ActivityMode(body.mode),
        venue=body.venue,
        category=body.category,
        expected_attendance=body.expected_attendance,
    )
    outcome = ledger.plan_activity(
        plan=plan,
        meta=_meta(principal, request_id, ledger, body.occurred_at),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/activities", body.canonical()
        ),
    )
    return outcome_response(outcome)


def _step(
    activity_id: UUID,
    route: str,
    body: Body,
    step: Step,
    principal: Principal,
    ledger: LedgerApplication,
    meta: Envelope,
    if_match: str | None,
    idempotency_key: str | None,
) -> Response:
    outcome = ledger.act_on_activity(
        activity_id,
        step,
        meta=meta,
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal,
            idempotency_key,
            "POST",
            f"/v1/activities/{activity_id}/{route}",
            body.canonical(),
        ),
    )
    return outcome_response(outcome)


@router.post(
    "/{activity_id}/holding",
    dependencies=JSON_ONLY,
    summary="Record that the activity was held (attendance, participating enterprises)",
)
def hold(
    activity_id: UUID,
    body: HoldingBody,
    principal: Organiser,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    holding = Holding(body.held_on, body.attendance, body.enterprises)
    return _step(
        activity_id,
        "holding",
        body,
        lambda activity: activity.hold(holding, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{activity_id}/evaluation",
    dependencies=JSON_ONLY,
    summary="Record the participants' satisfaction survey",
)
def evaluate(
    activity_id: UUID,
    body: EvaluationBody,
    principal: Organiser,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    evaluation = Evaluation({str(k): n for k, n in body.counts.items()}, body.comment)
    return _step(
        activity_id,
        "evaluation",
        body,
        lambda activity: activity.evaluate(evaluation, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{activity_id}/cancellation",
    dependencies=JSON_ONLY,
    summary="Cancel an activity that has not been held",
)
def cancel(
    activity_id: UUID,
    body: ActivityCancellationBody,
    principal: Organiser,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    meta = _meta(principal, request_id, ledger, body.occurred_at)
    return _step(
        activity_id,
        "cancellation",
        body,
        lambda activity: activity.cancel(body.reason, meta),
        principal,
        ledger,
        meta,
        if_match,
        idempotency_key,
    )


def _window_sees_only_its_own(principal: Principal, activity: Activity) -> bool:
    return principal.role is not Role.WINDOW or activity.organiser_id == principal.platform_id


add_legacy_read_routes(
    router,
    aggregate_type=Activity,
    view=activity_view,
    not_found=ActivityNotFoundError,
    label="activity",
    readers=(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR),
    id_name="activity_id",
    visible=_window_sees_only_its_own,
)
