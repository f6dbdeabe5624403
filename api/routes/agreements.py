"""Service agreements: proposed by the hub or a window, countersigned, amended and terminated by
their two parties; read by the parties, the hub, the bureau and auditors.

A window or an institution sees only the agreements it is a party to (others do not exist for
it); the hub, the bureau and auditors see every agreement. Views are computed for a day
(``?as_on=``, by default today in Ningxia), because an agreement expires without an event.
"""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response

from api.deps import IsoDate, Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.agreements import (
    AgreementProposal,
    AmendmentBody,
    AmendmentCountersignatureBody,
    AmendmentWithdrawalBody,
    CountersignatureBody,
    TerminationBody,
)
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.agreements import Agreements
from ledger.application.interface.agreements import (
    AgreementList,
    AgreementView,
)
from ledger.application.queries.agreements import agreements_visible_to
from ledger.domain.access_key import Role
from ledger.domain.agreement import Agreement
from ledger.domain.time import CST

router = APIRouter(route_class=ShapedRoute, prefix="/v1/agreements", tags=["agreements"])

# Institutions countersign, amend and terminate; only platforms propose (ledger.domain.agreement).
Proposing = Annotated[Writer, creating(Role.HUB, Role.WINDOW)]
Acting = Annotated[Writer, stepping(Role.HUB, Role.WINDOW, Role.INSTITUTION)]
READERS = (Role.HUB, Role.WINDOW, Role.INSTITUTION, Role.BUREAU, Role.AUDITOR)
Reader = Annotated[Principal, require(*READERS)]
routes = CommandRoutes(router, "agreement_id", shows=AgreementView)


routes.create("propose", AgreementProposal, Proposing, "Propose a service agreement")
routes.step(
    "/countersignature",
    "countersign",
    CountersignatureBody,
    Acting,
    "Countersign the proposed agreement (the other party)",
)
routes.step(
    "/amendments", "propose_amendment", AmendmentBody, Acting, "Propose an amendment (either party)"
)
routes.step(
    "/amendments/countersignature",
    "countersign_amendment",
    AmendmentCountersignatureBody,
    Acting,
    "Countersign the pending amendment (the party that did not propose it)",
)
routes.step(
    "/amendments/withdrawal",
    "withdraw_amendment",
    AmendmentWithdrawalBody,
    Acting,
    "Withdraw (or decline) the pending amendment",
)
routes.step(
    "/termination", "terminate", TerminationBody, Acting, "Terminate the agreement (either party)"
)


@router.get(
    "",
    summary="Agreements, in the order proposed (a window or institution: its own)",
    response_model=AgreementList,
)
def list_agreements(
    principal: Reader,
    ledger: Ledger,
    directory: Listing,
    party: Annotated[
        UUID | None, Query(description="Only agreements this party is party to")
    ] = None,
    as_on: Annotated[IsoDate | None, Query(description="The day the views are for")] = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    day = as_on or ledger.clock().astimezone(CST).date()
    found = agreements_visible_to(ledger, directory, principal, party, page)
    agreements = cast(Agreements, ledger.capability(Agreement))
    shown = {"as_on": day.isoformat(), "agreements": agreements.views(found, day)}
    return paged(request, shown, found)


add_read_routes(router, Agreements, readers=READERS, shows=AgreementView)
