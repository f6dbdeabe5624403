"""Window onboarding (Art. 10): the hub records applications, reviews, notices and connection;
the bureau approves or rejects and resolves objections; auditors read.

Every step answers with the application as it stands after the step (200); the application,
not the review or objection, is the resource.
"""

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
from api.schemas.onboarding import (
    ApprovalBody,
    ConnectionBody,
    NoticeBody,
    ObjectionBody,
    ObjectionResolutionBody,
    OnboardingSubmission,
    RejectionBody,
    ReviewBody,
    ReviewConclusionBody,
    WithdrawalBody,
)
from ledger.application.app import LedgerApplication
from ledger.application.context import IdempotencyRequest, Principal
from ledger.application.interface.onboarding import onboarding_application_view
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import OnboardingApplicationNotFoundError
from ledger.domain.onboarding import OnboardingApplication
from ledger.domain.public_notice import ObjectionOutcome

PREFIX = "/v1/onboarding-applications"
router = APIRouter(prefix=PREFIX, tags=["onboarding"])

READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR)
Hub = Annotated[Principal, require(Role.HUB)]
Bureau = Annotated[Principal, require(Role.BUREAU)]
# Whoever receives an objection records it; the notice may be put up by either.
HubOrBureau = Annotated[Principal, require(Role.HUB, Role.BUREAU)]
Reader = Annotated[Principal, require(*READERS)]
ApplicationId = Annotated[UUID, Path(description="The onboarding application's id")]
JSON_ONLY = [Depends(require_json)]


class StepArgs(TypedDict):
    meta: Envelope
    expected_version: int | None
    idempotency: IdempotencyRequest | None


def _step_args(
    application_id: UUID,
    route: str,
    body: Body,
    principal: Principal,
    ledger: LedgerApplication,
    request_id: str,
    if_match: str | None,
    idempotency_key: str | None,
) -> StepArgs:
    """What every step passes to the ledger: its envelope, If-Match and Idempotency-Key."""
    occurred_at = getattr(body, "occurred_at", None) or ledger.clock()
    canonical = body.canonical()
    return StepArgs(
        meta=principal.envelope(request_id, occurred_at),
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", f"{PREFIX}/{application_id}/{route}", canonical
        ),
    )


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Record an application to connect a window platform, as filed with the hub",
)
def submit_application(
    body: OnboardingSubmission,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    canonical = body.canonical()
    outcome = ledger.submit_onboarding_application(
        external_ref=body.external_ref,
        applicant_name=body.applicant_name,
        uscc=body.uscc,
        region=body.region,
        categories=list(body.categories),
        coverage=body.coverage,
        materials_sha256=body.materials_sha256,
        meta=principal.envelope(request_id, body.occurred_at or ledger.clock()),
        idempotency=idempotency_request(principal, idempotency_key, "POST", PREFIX, canonical),
    )
    return outcome_response(outcome)


@router.get("", summary="Every onboarding application, in filing order")
def list_applications(principal: Reader, ledger: Ledger) -> Response:
    applications = ledger.list_onboarding_applications()
    return json_response({"applications": [onboarding_application_view(a) for a in applications]})


@router.post(
    "/{application_id}/reviews",
    dependencies=JSON_ONLY,
    summary="Record one expert's score (0-100) and opinion",
)
def record_review(
    application_id: ApplicationId,
    body: ReviewBody,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id, "reviews", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.record_expert_review(
        application_id, expert_id=body.expert_id, score=body.score, opinion=body.opinion, **args
    )
    return outcome_response(outcome)


@router.post(
    "/{application_id}/review-conclusion",
    dependencies=JSON_ONLY,
    summary="Conclude the expert review (at least three reviews; the mean is recorded)",
)
def conclude_review(
    application_id: ApplicationId,
    body: ReviewConclusionBody,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id,
        "review-conclusion",
        body,
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )
    outcome = ledger.conclude_onboarding_review(application_id, opinion=body.opinion, **args)
    return outcome_response(outcome)


@router.post(
    "/{application_id}/approval",
    dependencies=JSON_ONLY,
    summary="Approve an application whose review was passed (bureau)",
)
def approve(
    application_id: ApplicationId,
    body: ApprovalBody,
    principal: Bureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id, "approval", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.approve_onboarding(application_id, note=body.note, **args)
    return outcome_response(outcome)


@router.post(
    "/{application_id}/rejection",
    dependencies=JSON_ONLY,
    summary="Reject an application, with reasons (bureau; final)",
)
def reject(
    application_id: ApplicationId,
    body: RejectionBody,
    principal: Bureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id, "rejection", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.reject_onboarding(application_id, reasons=body.reasons, **args)
    return outcome_response(outcome)


@router.post(
    "/{application_id}/notice",
    dependencies=JSON_ONLY,
    summary="Put the approved application on public notice (公示), at least five days",
)
def publish_notice(
    application_id: ApplicationId,
    body: NoticeBody,
    principal: HubOrBureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id, "notice", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.publish_onboarding_notice(
        application_id,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        channel=body.channel,
        **args,
    )
    return outcome_response(outcome)


@router.post(
    "/{application_id}/objections",
    dependencies=JSON_ONLY,
    summary="Record an objection made while the notice runs",
)
def file_objection(
    application_id: ApplicationId,
    body: ObjectionBody,
    principal: HubOrBureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id, "objections", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.file_onboarding_objection(
        application_id,
        objector=body.objector,
        grounds=body.grounds,
        evidence_sha256=body.evidence_sha256,
        **args,
    )
    return outcome_response(outcome)


@router.post(
    "/{application_id}/objections/{objection_no}/resolution",
    dependencies=JSON_ONLY,
    summary="Uphold (the application is refused) or dismiss an objection (bureau)",
)
def resolve_objection(
    application_id: ApplicationId,
    objection_no: Annotated[int, Path(ge=1, description="The objection's number, from 1")],
    body: ObjectionResolutionBody,
    principal: Bureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id,
        f"objections/{objection_no}/resolution",
        body,
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )
    outcome = ledger.resolve_onboarding_objection(
        application_id,
        objection_no,
        outcome=ObjectionOutcome(body.outcome),
        reasons=body.reasons,
        **args,
    )
    return outcome_response(outcome)


@router.post(
    "/{application_id}/connection",
    dependencies=JSON_ONLY,
    summary="Connect the window after its notice, creating the platform",
)
def connect(
    application_id: ApplicationId,
    body: ConnectionBody,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id, "connection", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.connect_onboarded_window(application_id, **args)
    return outcome_response(outcome)


@router.post(
    "/{application_id}/withdrawal",
    dependencies=JSON_ONLY,
    summary="Withdraw the application at the applicant's request",
)
def withdraw(
    application_id: ApplicationId,
    body: WithdrawalBody,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    args = _step_args(
        application_id, "withdrawal", body, principal, ledger, request_id, if_match, idempotency_key
    )
    outcome = ledger.withdraw_onboarding(application_id, reason=body.reason, **args)
    return outcome_response(outcome)


add_legacy_read_routes(
    router,
    aggregate_type=OnboardingApplication,
    view=onboarding_application_view,
    not_found=OnboardingApplicationNotFoundError,
    label="onboarding application",
    readers=READERS,
    id_name="application_id",
)
