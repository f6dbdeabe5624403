"""Public service activities: the hub and windows organise them; the bureau and auditors read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from api.resources import add_read_routes
from api.schemas.activities import (
    ActivityCancellationBody,
    ActivityPlanning,
    EvaluationBody,
    HoldingBody,
)
from api.schemas.training import AllianceMarking
from api.shapes import ShapedRoute
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.handlers.activities import Activities
from ledger.application.interface.activities import ActivityView
from ledger.domain.access_key import Role

router = APIRouter(
    route_class=ShapedRoute, prefix="/v1/activities", tags=["public service activities"]
)

Planning = Annotated[Writer, creating(Role.WINDOW, Role.HUB)]
Step = Annotated[Writer, stepping(Role.WINDOW, Role.HUB)]
Marking = Annotated[Writer, stepping(Role.HUB)]
routes = CommandRoutes(router, "activity_id", shows=ActivityView)


routes.create(
    "plan_activity",
    ActivityPlanning,
    Planning,
    "Plan an activity of the key's platform (hub or window)",
)
routes.step(
    "/holding",
    "hold",
    HoldingBody,
    Step,
    "Record that the activity was held (attendance, participating enterprises)",
)
routes.step(
    "/evaluation", "evaluate", EvaluationBody, Step, "Record the participants' satisfaction survey"
)
routes.step(
    "/cancellation",
    "cancel",
    ActivityCancellationBody,
    Step,
    "Cancel an activity that has not been held",
)

routes.step(
    "/alliance-marking",
    "mark_as_alliance_activity",
    AllianceMarking,
    Marking,
    "Mark an activity of an alliance member as an alliance activity (hub, Art. 6.8)",
)


add_read_routes(
    router,
    Activities,
    readers=(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR),
    shows=ActivityView,
)
