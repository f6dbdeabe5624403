"""Cooperating service institutions: registered by the hub, read by the network, kept in
standing by the hub (Art. 13)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.routes.standing import add_standing_routes
from api.schemas.participants import InstitutionRegistration
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating
from ledger.application.commands.standing import ChangeInstitutionStanding
from ledger.application.context import Principal
from ledger.application.handlers.institutions import Institutions
from ledger.application.interface.participants import (
    InstitutionList,
    InstitutionView,
    institution_view,
)
from ledger.application.queries.participants import list_institutions as every_institution
from ledger.domain.access_key import Role

router = APIRouter(route_class=ShapedRoute, prefix="/v1/institutions", tags=["institutions"])
routes = CommandRoutes(router, "institution_id", shows=InstitutionView)

Registering = Annotated[Writer, creating(Role.HUB)]
EVERY_ROLE = tuple(Role)
Anyone = Annotated[Principal, require(*EVERY_ROLE)]


routes.create(
    "register_institution",
    InstitutionRegistration,
    Registering,
    "Register a cooperating service institution",
)


@router.get("", summary="Every registered institution", response_model=InstitutionList)
def list_institutions(
    principal: Anyone, ledger: Ledger, directory: Listing, page: Paging, request: Request
) -> Response:
    found = every_institution(ledger, directory, page)
    return paged(request, {"institutions": [institution_view(i) for i in found]}, found)


add_read_routes(router, Institutions, readers=EVERY_ROLE, shows=InstitutionView)
add_standing_routes(router, Institutions, ChangeInstitutionStanding, shows=InstitutionView)
