"""Publications with content review (Art. 6.2): windows and the hub submit; the hub reviews; the
submitter publishes; the submitter or the hub withdraws. A window sees its own publications and
what is published; the hub, the bureau and auditors see everything."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.publications import (
    PublicationApproval,
    PublicationRejection,
    PublicationSubmission,
    PublicationWithdrawal,
    PublishingBody,
)
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.publications import Publications
from ledger.application.interface.publications import (
    PublicationList,
    PublicationView,
    publication_view,
)
from ledger.application.queries.publications import list_publications as publications_of
from ledger.domain.access_key import Role
from ledger.domain.publication import Publication

router = APIRouter(route_class=ShapedRoute, prefix="/v1/publications", tags=["publications"])

READERS = (Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)
Submitting = Annotated[Writer, creating(Role.WINDOW, Role.HUB)]
Review = Annotated[Writer, stepping(Role.HUB)]
Step = Annotated[Writer, stepping(Role.WINDOW, Role.HUB)]
Reader = Annotated[Principal, require(*READERS)]
PublicationId = Annotated[UUID, Path(description="The publication's id")]
routes = CommandRoutes(router, "publication_id", PublicationId, shows=PublicationView)


routes.create(
    "submit_publication",
    PublicationSubmission,
    Submitting,
    "Submit a publication for content review (for the key's platform)",
)


@router.get(
    "",
    summary="The publications this key may see, in submission order",
    response_model=PublicationList,
)
def list_publications(
    principal: Reader, ledger: Ledger, directory: Listing, page: Paging, request: Request
) -> Response:
    capability = ledger.capability(Publication)
    found = publications_of(ledger, directory, page, lambda p: capability.visible(p, principal))
    return paged(request, {"publications": [publication_view(p) for p in found]}, found)


routes.step(
    "/approval",
    "approve",
    PublicationApproval,
    Review,
    "Approve the content (hub; not the key that submitted it)",
)
routes.step(
    "/rejection",
    "reject",
    PublicationRejection,
    Review,
    "Reject the content, with reasons (hub; final)",
)
routes.step(
    "/publication",
    "publish",
    PublishingBody,
    Step,
    "Publish approved content (the submitting platform)",
)
routes.step(
    "/withdrawal",
    "withdraw",
    PublicationWithdrawal,
    Step,
    "Withdraw a publication (its submitter, or the hub for any)",
)


add_read_routes(router, Publications, readers=READERS, shows=PublicationView)
