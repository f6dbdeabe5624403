"""Public service activities: the hub and windows organise them; the bureau and auditors read."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response

from api.deps import require_json
from api.resources import add_read_routes
from api.schemas.activities import (
    ActivityCancellationBody,
    ActivityPlanning,
    EvaluationBody,
    HoldingBody,
)
from api.writers import Writer, creating, stepping
from ledger.application.handlers.activities import Activities
from ledger.domain.access_key import Role

router = APIRouter(prefix="/v1/activities", tags=["public service activities"])

Planning = Annotated[Writer, creating(Role.WINDOW, Role.HUB)]
Step = Annotated[Writer, stepping(Role.WINDOW, Role.HUB)]
JSON_ONLY = [Depends(require_json)]


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Plan an activity of the key's platform (hub or window)",
)
def plan_activity(body: ActivityPlanning, write: Planning) -> Response:
    return write(body.to_command(), body)


@router.post(
    "/{activity_id}/holding",
    dependencies=JSON_ONLY,
    summary="Record that the activity was held (attendance, participating enterprises)",
)
def hold(activity_id: UUID, body: HoldingBody, write: Step) -> Response:
    return write(body.to_command(activity_id), body)


@router.post(
    "/{activity_id}/evaluation",
    dependencies=JSON_ONLY,
    summary="Record the participants' satisfaction survey",
)
def evaluate(activity_id: UUID, body: EvaluationBody, write: Step) -> Response:
    return write(body.to_command(activity_id), body)


@router.post(
    "/{activity_id}/cancellation",
    dependencies=JSON_ONLY,
    summary="Cancel an activity that has not been held",
)
def cancel(activity_id: UUID, body: ActivityCancellationBody, write: Step) -> Response:
    return write(body.to_command(activity_id), body)


add_read_routes(
    router,
    Activities,
    readers=(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR),
)
