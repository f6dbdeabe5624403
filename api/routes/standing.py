"""Standing routes (Art. 13), the same for platforms and institutions.

Who may take a step depends on who supervises the subject (the hub supervises windows and
institutions; the bureau supervises the hub): the application decides it, on the subject. Here
only the roles are checked: a supervisor's step is for hub and bureau keys, revocation for the
bureau's.

This module deliberately does not use ``from __future__ import annotations``: FastAPI reads the
annotations of the route functions built here at run time, and they refer to local names.
"""

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Response

from api.deps import require_json
from api.problems import ApiError
from api.responses import outcome_response
from api.schemas.standing import (
    PrioritySupportBody,
    ReasonsBody,
    RectificationCompletionBody,
    RectificationOrderBody,
)
from api.writers import Writer, stepping
from ledger.application.capability import Capability
from ledger.application.commands.standing import (
    ChangeStanding,
    FailRecheck,
    RequestRevocation,
    Revoke,
    StandingStep,
)
from ledger.application.handlers import standing
from ledger.domain.access_key import Role

Supervisor = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
Bureau = Annotated[Writer, stepping(Role.BUREAU)]
StepBody = PrioritySupportBody | RectificationOrderBody | RectificationCompletionBody | ReasonsBody


def add_standing_routes(
    router: APIRouter, capability: type[Capability[Any]], command: type[ChangeStanding]
) -> None:
    """The six standing steps on the subjects of ``capability``, each asking for ``command``."""
    subject, id_name = capability.label, capability.target
    SubjectId = Annotated[UUID, Path(alias=id_name)]  # noqa: N806 - a type alias
    json_only = [Depends(require_json)]
    base = f"/{{{id_name}}}"

    def change(subject_id: UUID, step: StandingStep, body: StepBody, write: Writer) -> Response:
        asked = command(subject_id=subject_id, step=step, occurred_at=body.occurred_at)
        try:
            context = write.context(body)
        except ApiError:
            # An If-Match that cannot be read is reported only once the subject is found and
            # the key may act on it, as it always was.
            handler = write.ledger.capability(capability.aggregate)
            standing.admit(handler, write.ledger, asked, write.principal)
            raise
        return outcome_response(write.ledger.handle(asked, context))

    @router.post(
        f"{base}/priority-support",
        dependencies=json_only,
        summary=f"Grant the {subject} priority support (excellent appraisal)",
    )
    def grant_priority_support(
        subject_id: SubjectId, body: PrioritySupportBody, write: Supervisor
    ) -> Response:
        return change(subject_id, body.to_step(), body, write)

    @router.post(
        f"{base}/rectification-order",
        dependencies=json_only,
        summary=f"Order the {subject} to rectify within a deadline",
    )
    def order_rectification(
        subject_id: SubjectId, body: RectificationOrderBody, write: Supervisor
    ) -> Response:
        return change(subject_id, body.to_step(), body, write)

    @router.post(
        f"{base}/rectification-completion",
        dependencies=json_only,
        summary="Record that rectification passed its re-check by the deadline",
    )
    def complete_rectification(
        subject_id: SubjectId, body: RectificationCompletionBody, write: Supervisor
    ) -> Response:
        return change(subject_id, body.to_step(), body, write)

    @router.post(
        f"{base}/recheck-failure",
        dependencies=json_only,
        summary="Record that the rectification re-check failed",
    )
    def fail_recheck(subject_id: SubjectId, body: ReasonsBody, write: Supervisor) -> Response:
        return change(subject_id, body.to_step(FailRecheck), body, write)

    @router.post(
        f"{base}/revocation-request",
        dependencies=json_only,
        summary="Request revocation (after a failed re-check or a missed deadline)",
    )
    def request_revocation(subject_id: SubjectId, body: ReasonsBody, write: Supervisor) -> Response:
        return change(subject_id, body.to_step(RequestRevocation), body, write)

    @router.post(
        f"{base}/revocation",
        dependencies=json_only,
        summary=f"Revoke the {subject}'s qualification (bureau, on request)",
    )
    def revoke(subject_id: SubjectId, body: ReasonsBody, write: Bureau) -> Response:
        return change(subject_id, body.to_step(Revoke), body, write)
