"""The expert pool (Art. 6.7): the hub registers and deactivates experts; the hub, the bureau
and auditors read it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.onboarding import ExpertDeactivation, ExpertRegistration
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.experts import ExpertPool
from ledger.application.interface.onboarding import ExpertList, ExpertView, expert_view
from ledger.application.queries.experts import list_experts as experts_of
from ledger.domain.access_key import Role

router = APIRouter(route_class=ShapedRoute, prefix="/v1/experts", tags=["expert pool"])

READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR)
Reader = Annotated[Principal, require(*READERS)]
Registering = Annotated[Writer, creating(Role.HUB)]
HubStep = Annotated[Writer, stepping(Role.HUB)]
routes = CommandRoutes(router, "expert_id", shows=ExpertView)


routes.create("register_expert", ExpertRegistration, Registering, "Register an expert")


@router.get(
    "", summary="Every expert ever registered, in registration order", response_model=ExpertList
)
def list_experts(
    principal: Reader, ledger: Ledger, directory: Listing, page: Paging, request: Request
) -> Response:
    found = experts_of(ledger, directory, page)
    return paged(request, {"experts": [expert_view(e) for e in found]}, found)


routes.step(
    "/deactivation",
    "deactivate_expert",
    ExpertDeactivation,
    HubStep,
    "Deactivate an expert (no new reviews)",
)


add_read_routes(router, ExpertPool, readers=READERS, shows=ExpertView)
