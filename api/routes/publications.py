"""Publications with content review (Art. 6.2): windows and the hub submit; the hub reviews; the
submitter publishes; the submitter or the hub withdraws. A window sees its own publications and
what is published; the hub, the bureau and auditors see everything."""

from __future__ import annotations

from typing import Annotated, TypedDict
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Response

from api.deps import (
    IdempotencyKey,
    IfMatch,
    Ledger,
    RequestId,
    idempotency_request,
    parse_if_match,
    require,
    require_json,
)
from api.resources import add_legacy_read_routes
from api.responses import json_response, outcome_response
from api.schemas.common import Body
from api.schemas.publications import (
    PublicationApproval,
    PublicationRejection,
    PublicationSubmission,
    PublicationWithdrawal,
    PublishingBody,
)
from ledger.application.app import LedgerApplication
from ledger.application.context import IdempotencyRequest, Principal
from ledger.application.interface.publications import publication_view
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import PublicationNotFoundError
from ledger.domain.publication import Publication, PublicationKind

PREFIX = "/v1/publications"
router = APIRouter(prefix=PREFIX, tags=["publications"])

READERS = (Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)
Hub = Annotated[Principal, require(Role.HUB)]
Platform = Annotated[Principal, require(Role.WINDOW, Role.HUB)]
Reader = Annotated[Principal, require(*READERS)]
PublicationId = Annotated[UUID, Path(description="The publication's id")]
JSON_ONLY = [Depends(require_json)]


class StepArgs(TypedDict):
    meta: Envelope
    expected_version: int | None
    idempotency: IdempotencyRequest | None


def _step_args(
    publication_id: UUID,
    route: str,
    body: Body,
    principal: Principal,
    ledger: LedgerApplication,
    request_id: str,
    if_match: str | None,
    idempotency_key: str | None,
) -> StepArgs:
    occurred_at = getattr(body, "occurred_at", None) or ledger.clock()
    canonical = body.canonical()
    return StepArgs(
        meta=principal.envelope(request_id, occurred_at),
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", f"{PREFIX}/{publication_id}/{route}", canonical
        ),
    )


def visible(principal: Principal, publication: Publication) -> bool:
    """A window sees its own publications and published ones; other readers see all."""
    if principal.role is not Role.WINDOW:
        return True
    return publication.platform_id == principal.platform_id or publication.is_public


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Submit a publication for content review (for the key's platform)",
)
def submit_publication(
    body: PublicationSubmission,
    principal: Platform,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    canonical = body.canonical()
    outcome = ledger.submit_publication(
        external_ref=body.external_ref,
        kind=PublicationKind(body.kind),
        title=body.title,
        body=body.body,
        content_sha256=body.content_sha256,
        summary=body.summary,
        category=body.category,
        meta=principal.envelope(request_id, body.occurred_at or ledger.clock()),
        idempotency=idempotency_request(principal, idempotency_key, "POST", PREFIX, canonical),
    )
    return outcome_response(outcome)


@router.get("", summary="The publications this key may see, in submission order")
def list_publications(principal: Reader, ledger: Ledger) -> Response:
    shown = [p for p in ledger.list_publications() if visible(principal, p)]
    return json_response({"publications": [publication_view(p) for p in shown]})


@router.post(
    "/{publication_id}/approval",
    dependencies=JSON_ONLY,
    summary="Approve the content (hub; not the key that submitted it)",
)
def approve(
    publication_id: PublicationId,
    body: PublicationApproval,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        publication_id, "approval", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.approve_publication(publication_id, note=body.note, **args)
    return outcome_response(outcome)


@router.post(
    "/{publication_id}/rejection",
    dependencies=JSON_ONLY,
    summary="Reject the content, with reasons (hub; final)",
)
def reject(
    publication_id: PublicationId,
    body: PublicationRejection,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        publication_id, "rejection", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.reject_publication(publication_id, reasons=body.reasons, **args)
    return outcome_response(outcome)


@router.post(
    "/{publication_id}/publication",
    dependencies=JSON_ONLY,
    summary="Publish approved content (the submitting platform)",
)
def publish(
    publication_id: PublicationId,
    body: PublishingBody,
    principal: Platform,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        publication_id,
        "publication",
        body,
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )
    outcome = ledger.publish_publication(publication_id, channel=body.channel, **args)
    return outcome_response(outcome)


@router.post(
    "/{publication_id}/withdrawal",
    dependencies=JSON_ONLY,
    summary="Withdraw a publication (its submitter, or the hub for any)",
)
def withdraw(
    publication_id: PublicationId,
    body: PublicationWithdrawal,
    principal: Platform,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        publication_id, "withdrawal", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.withdraw_publication(publication_id, reason=body.reason, **args)
    return outcome_response(outcome)


add_legacy_read_routes(
    router,
    aggregate_type=Publication,
    view=publication_view,
    not_found=PublicationNotFoundError,
    label="publication",
    readers=READERS,
    id_name="publication_id",
    visible=visible,
)
