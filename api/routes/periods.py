"""Period close (关账): the hub closes an ended year or month, and allows a platform to enter what
happened in it afterwards; every reader of the network's figures sees which periods are closed.

Entries for a closed period without an allowance answer ``409 period_closed``; those with one are
recorded and flagged ``post_close`` on the event.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.periods import AllowanceBody, PeriodClosing
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.periods import Periods
from ledger.application.interface.periods import PeriodList, PeriodView, period_view
from ledger.application.queries.periods import list_periods
from ledger.domain.access_key import Role

router = APIRouter(route_class=ShapedRoute, prefix="/v1/periods", tags=["periods"])

READERS = (Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)
Closing = Annotated[Writer, creating(Role.HUB)]
Allowing = Annotated[Writer, stepping(Role.HUB)]
Reader = Annotated[Principal, require(*READERS)]
PeriodId = Annotated[UUID, Path(description="The closed period's id")]
routes = CommandRoutes(router, "period_id", PeriodId, shows=PeriodView)


routes.create(
    "close_period",
    PeriodClosing,
    Closing,
    "Close an ended year or month (hub; final)",
)


@router.get(
    "", summary="The closed periods, in the order they were closed", response_model=PeriodList
)
def list_closed_periods(
    principal: Reader, ledger: Ledger, directory: Listing, page: Paging, request: Request
) -> Response:
    found = list_periods(ledger, directory, page)
    return paged(request, {"periods": [period_view(p) for p in found]}, found)


routes.step(
    "/allowances",
    "allow",
    AllowanceBody,
    Allowing,
    "Allow a platform to enter what happened in the closed period, until a day (hub)",
)


add_read_routes(router, Periods, readers=READERS, shows=PeriodView)
