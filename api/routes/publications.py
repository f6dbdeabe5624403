"""Publications with content review (Art. 6.2): windows and the hub submit; the hub reviews; the
submitter publishes; the submitter or the hub withdraws. A window sees its own publications and
what is published; the hub, the bureau and auditors see everything."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Response

from api.deps import Ledger, require, require_json
from api.resources import add_read_routes
from api.responses import json_response
from api.schemas.publications import (
    PublicationApproval,
    PublicationRejection,
    PublicationSubmission,
    PublicationWithdrawal,
    PublishingBody,
)
from api.views import Listing
from api.writers import Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.publications import Publications
from ledger.application.interface.publications import publication_view
from ledger.application.queries.publications import list_publications as publications_of
from ledger.domain.access_key import Role
from ledger.domain.publication import Publication

router = APIRouter(prefix="/v1/publications", tags=["publications"])

READERS = (Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)
Submitting = Annotated[Writer, creating(Role.WINDOW, Role.HUB)]
Review = Annotated[Writer, stepping(Role.HUB)]
Step = Annotated[Writer, stepping(Role.WINDOW, Role.HUB)]
Reader = Annotated[Principal, require(*READERS)]
PublicationId = Annotated[UUID, Path(description="The publication's id")]
JSON_ONLY = [Depends(require_json)]


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Submit a publication for content review (for the key's platform)",
)
def submit_publication(body: PublicationSubmission, write: Submitting) -> Response:
    return write(body.to_command(), body)


@router.get("", summary="The publications this key may see, in submission order")
def list_publications(principal: Reader, ledger: Ledger, directory: Listing) -> Response:
    capability = ledger.capability(Publication)
    shown = [p for p in publications_of(ledger, directory) if capability.visible(p, principal)]
    return json_response({"publications": [publication_view(p) for p in shown]})


@router.post(
    "/{publication_id}/approval",
    dependencies=JSON_ONLY,
    summary="Approve the content (hub; not the key that submitted it)",
)
def approve(publication_id: PublicationId, body: PublicationApproval, write: Review) -> Response:
    return write(body.to_command(publication_id), body)


@router.post(
    "/{publication_id}/rejection",
    dependencies=JSON_ONLY,
    summary="Reject the content, with reasons (hub; final)",
)
def reject(publication_id: PublicationId, body: PublicationRejection, write: Review) -> Response:
    return write(body.to_command(publication_id), body)


@router.post(
    "/{publication_id}/publication",
    dependencies=JSON_ONLY,
    summary="Publish approved content (the submitting platform)",
)
def publish(publication_id: PublicationId, body: PublishingBody, write: Step) -> Response:
    return write(body.to_command(publication_id), body)


@router.post(
    "/{publication_id}/withdrawal",
    dependencies=JSON_ONLY,
    summary="Withdraw a publication (its submitter, or the hub for any)",
)
def withdraw(publication_id: PublicationId, body: PublicationWithdrawal, write: Step) -> Response:
    return write(body.to_command(publication_id), body)


add_read_routes(router, Publications, readers=READERS)
