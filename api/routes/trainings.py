"""Trainings of service staff (Art. 6.7): the hub, or a window for its own staff, plans a
training, records its roster once held, amends it until it is closed, or cancels it. The hub,
the bureau and auditors read every training; a window the ones it organised or whose roster
names its staff; an institution those whose roster names its staff."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.training import (
    RosterAmendmentBody,
    RosterBody,
    TrainingCancellation,
    TrainingClosure,
    TrainingPlanning,
)
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.trainings import Trainings
from ledger.application.interface.training import (
    TrainingList,
    TrainingView,
    training_counts,
    training_view,
)
from ledger.application.queries.training import list_trainings as trainings_of
from ledger.domain.access_key import Role

router = APIRouter(
    route_class=ShapedRoute, prefix="/v1/trainings", tags=["training of service staff"]
)

READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW, Role.INSTITUTION)
Organising = Annotated[Writer, creating(Role.HUB, Role.WINDOW)]
Step = Annotated[Writer, stepping(Role.HUB, Role.WINDOW)]
Reader = Annotated[Principal, require(*READERS)]
TrainingId = Annotated[UUID, Path(description="The training's id")]
ParticipantFilter = Annotated[
    UUID | None,
    Query(description="Trainings this platform or institution organised or sent staff to; the "
          "counts are then of its own staff"),
]  # fmt: skip
YearFilter = Annotated[
    int | None, Query(ge=2000, le=2099, description="Trainings starting in this year")
]
routes = CommandRoutes(router, "training_id", TrainingId, shows=TrainingView)


routes.create(
    "plan_training",
    TrainingPlanning,
    Organising,
    "Plan a training of service staff (the hub, or a window for its own staff)",
)


@router.get(
    "",
    summary="Trainings by participant and year, with hours, trainees and results",
    response_model=TrainingList,
)
def list_trainings(
    principal: Reader,
    ledger: Ledger,
    directory: Listing,
    participant_id: ParticipantFilter = None,
    year: YearFilter = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    """Every matching training this key may see, in the order planned, and the figures of those
    held: how many, how many trainees, the hours they attended, how many passed, failed or were
    absent (of ``participant_id``'s staff only, if given; of every matching training, not only
    of this page)."""
    capability = ledger.capability(Trainings.aggregate)
    found = trainings_of(ledger, directory, participant_id=participant_id, year=year)
    visible = found.kept(lambda t: capability.visible(t, principal))
    shown = visible.paged(page)
    answer = {
        "trainings": [training_view(t) for t in shown],
        "counts": training_counts(visible, participant_id),
    }
    return paged(request, answer, shown)


routes.step(
    "/roster",
    "record_roster",
    RosterBody,
    Step,
    "Record the roster of a held training: trainees, hours attended, results",
)
routes.step(
    "/roster-amendment",
    "amend_roster",
    RosterAmendmentBody,
    Step,
    "Amend the roster of a training not yet closed (the whole roster, with reasons)",
)
routes.step(
    "/closure", "close", TrainingClosure, Step, "Close a held training: its roster is final"
)
routes.step(
    "/cancellation",
    "cancel",
    TrainingCancellation,
    Step,
    "Cancel a planned training, with reasons",
)


add_read_routes(router, Trainings, readers=READERS, shows=TrainingView)
