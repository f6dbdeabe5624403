"""The service alliance (Art. 6.8): the hub records who joins, leaves and returns; every role of
the network reads who the members were on a day. The hub marks alliance activities on the
activity (``POST /v1/activities/{activity_id}/alliance-marking``)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import IsoDate, Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.training import AllianceJoining, AllianceLeaving, AllianceReturn
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.alliance import Alliance
from ledger.application.interface.training import (
    AllianceMembers,
    MembershipView,
    membership_view,
)
from ledger.application.queries.training import alliance_members
from ledger.domain.access_key import Role
from ledger.domain.time import CST

router = APIRouter(
    route_class=ShapedRoute, prefix="/v1/alliance-memberships", tags=["service alliance"]
)
members_router = APIRouter(
    route_class=ShapedRoute, prefix="/v1/alliance", tags=["service alliance"]
)

READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW, Role.INSTITUTION)
Joining = Annotated[Writer, creating(Role.HUB)]
Step = Annotated[Writer, stepping(Role.HUB)]
Reader = Annotated[Principal, require(*READERS)]
MembershipId = Annotated[UUID, Path(description="The membership's id")]
On = Annotated[IsoDate | None, Query(description="The day asked about (default: today in Ningxia)")]
routes = CommandRoutes(router, "membership_id", MembershipId, shows=MembershipView)


routes.create(
    "join",
    AllianceJoining,
    Joining,
    "A platform or an institution joins the service alliance (hub)",
)
routes.step(
    "/departure",
    "leave",
    AllianceLeaving,
    Step,
    "The member leaves the alliance from a day, with reasons (hub)",
)
routes.step(
    "/return", "return", AllianceReturn, Step, "A former member joins the alliance again (hub)"
)


@members_router.get("", summary="The alliance's members on a day", response_model=AllianceMembers)
def list_alliance_members(
    principal: Reader,
    ledger: Ledger,
    directory: Listing,
    page: Paging,
    request: Request,
    on: On = None,
) -> Response:
    """Every platform and institution that was a member of the alliance on ``on``, in the order
    they first joined, with their membership."""
    day = on or ledger.clock().astimezone(CST).date()
    found = alliance_members(ledger, directory, page, on=day)
    shown = {"on": day.isoformat(), "members": [membership_view(m) for m in found]}
    return paged(request, shown, found)


add_read_routes(router, Alliance, readers=READERS, shows=MembershipView)
