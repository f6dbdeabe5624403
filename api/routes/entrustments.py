"""The hub's entrustment of its operating institution (委托运营): made, accepted, appraised,
renewed and terminated by the hub; read by the hub, the bureau and auditors.

Views are computed for a day (``?as_on=``, by default today in Ningxia), because an entrustment
lapses after its term without an event.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.deps import IsoDate, Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.entrustments import (
    EntrustmentAcceptance,
    EntrustmentBody,
    EntrustmentTerminationBody,
    OperatorAppraisalBody,
    RenewalBody,
)
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.entrustments import Entrustments
from ledger.application.interface.entrustments import (
    EntrustmentList,
    EntrustmentView,
    entrustment_view,
)
from ledger.application.queries.entrustments import list_entrustments
from ledger.domain.access_key import Role
from ledger.domain.time import CST

router = APIRouter(route_class=ShapedRoute, prefix="/v1/entrustments", tags=["entrustments"])

Making = Annotated[Writer, creating(Role.HUB)]
Step = Annotated[Writer, stepping(Role.HUB)]
READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR)
Reader = Annotated[Principal, require(*READERS)]
routes = CommandRoutes(router, "entrustment_id", shows=EntrustmentView)

routes.create(
    "make_entrustment", EntrustmentBody, Making, "Entrust the operation of the hub to an operator"
)
routes.step(
    "/acceptance",
    "accept_entrustment",
    EntrustmentAcceptance,
    Step,
    "Record the operator's acceptance (the SHA-256 of the document it signed)",
)
routes.step(
    "/appraisals",
    "appraise_operator",
    OperatorAppraisalBody,
    Step,
    "Record the operator's appraisal of a year by a panel of experts",
)
routes.step(
    "/renewal",
    "renew_entrustment",
    RenewalBody,
    Step,
    "Renew for a new term (only after an appraisal of 合格 or 优秀)",
)
routes.step(
    "/termination",
    "terminate_entrustment",
    EntrustmentTerminationBody,
    Step,
    "Terminate the entrustment early",
)


@router.get("", summary="Entrustments, in the order made", response_model=EntrustmentList)
def list_all(
    principal: Reader,
    ledger: Ledger,
    directory: Listing,
    as_on: Annotated[IsoDate | None, Query(description="The day the views are for")] = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    day = as_on or ledger.clock().astimezone(CST).date()
    found = list_entrustments(ledger, directory, page)
    shown = {"as_on": day.isoformat(), "entrustments": [entrustment_view(e, day) for e in found]}
    return paged(request, shown, found)


add_read_routes(router, Entrustments, readers=READERS, shows=EntrustmentView)
