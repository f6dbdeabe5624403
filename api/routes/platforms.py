"""Platforms: registered by an admin (the migration path for today's connected network), read by
everyone in the network, and kept in standing by their supervisor (Art. 13)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.routes.standing import add_standing_routes
from api.schemas.participants import PlatformRegistration
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating
from ledger.application.commands.standing import ChangePlatformStanding
from ledger.application.context import Principal
from ledger.application.handlers.platforms import Platforms
from ledger.application.interface.participants import (
    PlatformList,
    PlatformView,
    platform_view,
)
from ledger.application.queries.participants import list_platforms as every_platform
from ledger.domain.access_key import Role

router = APIRouter(route_class=ShapedRoute, prefix="/v1/platforms", tags=["platforms"])
routes = CommandRoutes(router, "platform_id", shows=PlatformView)

Registering = Annotated[Writer, creating(Role.ADMIN)]
EVERY_ROLE = tuple(Role)
Anyone = Annotated[Principal, require(*EVERY_ROLE)]


routes.create(
    "register_platform",
    PlatformRegistration,
    Registering,
    "Register an existing, already-connected platform",
)


@router.get(
    "",
    summary="Every platform of the network, in the order they entered it",
    response_model=PlatformList,
)
def list_platforms(
    principal: Anyone, ledger: Ledger, directory: Listing, page: Paging, request: Request
) -> Response:
    found = every_platform(ledger, directory, page)
    return paged(request, {"platforms": [platform_view(p) for p in found]}, found)


# The network's platforms are public (公示): every role may read them.
add_read_routes(router, Platforms, readers=EVERY_ROLE, shows=PlatformView)
add_standing_routes(router, Platforms, ChangePlatformStanding, shows=PlatformView)
