"""Standing routes (Art. 13), the same for platforms and institutions.

Who may take a step depends on who supervises the subject (the hub supervises windows and
institutions; the bureau supervises the hub): the application decides it, on the subject. Here
only the roles are checked: a supervisor's step is for hub and bureau keys, the bureau's
decisions (granting or declining priority support, revocation) for the bureau's.

This module deliberately does not use ``from __future__ import annotations``: FastAPI reads the
annotations of the route functions built here at run time, and they refer to local names.
"""

from typing import Annotated, Any, cast
from uuid import UUID

from fastapi import APIRouter, Response

from api.problems import ApiError
from api.responses import outcome_response
from api.schemas.common import Body
from api.schemas.standing import (
    PrioritySupportBody,
    PrioritySupportRefusalBody,
    ReasonsBody,
    RectificationCompletionBody,
    RectificationOrderBody,
)
from api.writers import CommandRoutes, Writer, stepping
from ledger.application.capability import Capability, Command
from ledger.application.commands.standing import (
    ChangeStanding,
    FailRecheck,
    GrantPrioritySupport,
    ProposePrioritySupport,
    RequestRevocation,
    Revoke,
    StandingStep,
)
from ledger.application.handlers import standing
from ledger.application.writes import Outcome
from ledger.domain.access_key import Role

Supervisor = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
Bureau = Annotated[Writer, stepping(Role.BUREAU)]
GivenStep = type[
    FailRecheck | RequestRevocation | Revoke | ProposePrioritySupport | GrantPrioritySupport
]


def add_standing_routes(
    router: APIRouter,
    capability: type[Capability[Any]],
    command: type[ChangeStanding],
    shows: Any = None,
) -> None:
    """The eight standing steps on the subjects of ``capability``, each asking for ``command``
    and answering with the subject's view ``shows`` (a TypedDict, for the document)."""
    subject = capability.label
    routes = CommandRoutes(router, capability.target, shows=shows)

    def send(write: Writer, asked: Command[Outcome], body: Body) -> Response:
        try:
            context = write.context(body)
        except ApiError:
            # An If-Match that cannot be read is reported only once the subject is found and
            # the key may act on it, as it always was.
            handler = write.ledger.capability(capability.aggregate)
            standing.admit(handler, write.ledger, cast(ChangeStanding, asked), write.principal)
            raise
        return outcome_response(write.ledger.handle(asked, context))

    def add(
        path: str, name: str, body: type[Body], writer: Any, summary: str, *given: GivenStep
    ) -> None:
        def to_command(posted: Any, subject_id: UUID) -> ChangeStanding:
            step: StandingStep = posted.to_step(*given)
            return command(subject_id=subject_id, step=step, occurred_at=posted.occurred_at)

        routes.step(path, name, body, writer, summary, to_command=to_command, send=send)

    add(
        "/priority-support-proposal",
        "propose_priority_support",
        PrioritySupportBody,
        Supervisor,
        f"Propose the {subject} for priority support (excellent appraisal; the bureau decides)",
        ProposePrioritySupport,
    )
    add(
        "/priority-support",
        "grant_priority_support",
        PrioritySupportBody,
        Bureau,
        f"Grant the {subject} priority support (bureau: on the hub's proposal, or the hub's own)",
        GrantPrioritySupport,
    )
    add(
        "/priority-support-refusal",
        "decline_priority_support",
        PrioritySupportRefusalBody,
        Bureau,
        "Decline the hub's proposal of priority support (bureau)",
    )
    add(
        "/rectification-order",
        "order_rectification",
        RectificationOrderBody,
        Supervisor,
        f"Order the {subject} to rectify within a deadline",
    )
    add(
        "/rectification-completion",
        "complete_rectification",
        RectificationCompletionBody,
        Supervisor,
        "Record that rectification passed its re-check by the deadline",
    )
    add(
        "/recheck-failure",
        "fail_recheck",
        ReasonsBody,
        Supervisor,
        "Record that the rectification re-check failed",
        FailRecheck,
    )
    add(
        "/revocation-request",
        "request_revocation",
        ReasonsBody,
        Supervisor,
        "Request revocation (after a failed re-check or a missed deadline)",
        RequestRevocation,
    )
    add(
        "/revocation",
        "revoke",
        ReasonsBody,
        Bureau,
        f"Revoke the {subject}'s qualification (bureau, on request)",
        Revoke,
    )
