"""Window onboarding (Art. 10): the hub records applications, reviews, notices and connection;
the bureau approves or rejects and resolves objections; auditors read.

Every step answers with the application as it stands after the step (200); the application,
not the review or objection, is the resource.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Response

from api.deps import Ledger, require, require_json
from api.resources import add_read_routes
from api.responses import json_response
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
from api.views import Listing
from api.writers import Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.onboarding import OnboardingApplications
from ledger.application.interface.onboarding import onboarding_application_view
from ledger.application.queries.onboarding import list_onboarding_applications
from ledger.domain.access_key import Role

router = APIRouter(prefix="/v1/onboarding-applications", tags=["onboarding"])

READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR)
Reader = Annotated[Principal, require(*READERS)]
Submitting = Annotated[Writer, creating(Role.HUB)]
HubStep = Annotated[Writer, stepping(Role.HUB)]
BureauStep = Annotated[Writer, stepping(Role.BUREAU)]
# Whoever receives an objection records it; the notice may be put up by either.
HubOrBureauStep = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
ApplicationId = Annotated[UUID, Path(description="The onboarding application's id")]
JSON_ONLY = [Depends(require_json)]


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Record an application to connect a window platform, as filed with the hub",
)
def submit_application(body: OnboardingSubmission, write: Submitting) -> Response:
    return write(body.to_command(), body)


@router.get("", summary="Every onboarding application, in filing order")
def list_applications(principal: Reader, ledger: Ledger, directory: Listing) -> Response:
    applications = list_onboarding_applications(ledger, directory)
    return json_response({"applications": [onboarding_application_view(a) for a in applications]})


@router.post(
    "/{application_id}/reviews",
    dependencies=JSON_ONLY,
    summary="Record one expert's score (0-100) and opinion",
)
def record_review(application_id: ApplicationId, body: ReviewBody, write: HubStep) -> Response:
    return write(body.to_command(application_id), body)


@router.post(
    "/{application_id}/review-conclusion",
    dependencies=JSON_ONLY,
    summary="Conclude the expert review (at least three reviews; the mean is recorded)",
)
def conclude_review(
    application_id: ApplicationId, body: ReviewConclusionBody, write: HubStep
) -> Response:
    return write(body.to_command(application_id), body)


@router.post(
    "/{application_id}/approval",
    dependencies=JSON_ONLY,
    summary="Approve an application whose review was passed (bureau)",
)
def approve(application_id: ApplicationId, body: ApprovalBody, write: BureauStep) -> Response:
    return write(body.to_command(application_id), body)


@router.post(
    "/{application_id}/rejection",
    dependencies=JSON_ONLY,
    summary="Reject an application, with reasons (bureau; final)",
)
def reject(application_id: ApplicationId, body: RejectionBody, write: BureauStep) -> Response:
    return write(body.to_command(application_id), body)


@router.post(
    "/{application_id}/notice",
    dependencies=JSON_ONLY,
    summary="Put the approved application on public notice (公示), at least five days",
)
def publish_notice(
    application_id: ApplicationId, body: NoticeBody, write: HubOrBureauStep
) -> Response:
    return write(body.to_command(application_id), body)


@router.post(
    "/{application_id}/objections",
    dependencies=JSON_ONLY,
    summary="Record an objection made while the notice runs",
)
def file_objection(
    application_id: ApplicationId, body: ObjectionBody, write: HubOrBureauStep
) -> Response:
    return write(body.to_command(application_id), body)


@router.post(
    "/{application_id}/objections/{objection_no}/resolution",
    dependencies=JSON_ONLY,
    summary="Uphold (the application is refused) or dismiss an objection (bureau)",
)
def resolve_objection(
    application_id: ApplicationId,
    objection_no: Annotated[int, Path(ge=1, description="The objection's number, from 1")],
    body: ObjectionResolutionBody,
    write: BureauStep,
) -> Response:
    return write(body.to_command(application_id, objection_no), body)


@router.post(
    "/{application_id}/connection",
    dependencies=JSON_ONLY,
    summary="Connect the window after its notice, creating the platform",
)
def connect(application_id: ApplicationId, body: ConnectionBody, write: HubStep) -> Response:
    return write(body.to_command(application_id), body)


@router.post(
    "/{application_id}/withdrawal",
    dependencies=JSON_ONLY,
    summary="Withdraw the application at the applicant's request",
)
def withdraw(application_id: ApplicationId, body: WithdrawalBody, write: HubStep) -> Response:
    return write(body.to_command(application_id), body)


add_read_routes(router, OnboardingApplications, readers=READERS)
