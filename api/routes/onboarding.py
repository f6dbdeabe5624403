"""Window onboarding (Art. 10): the hub records applications, reviews, notices and connection;
the bureau approves or rejects and resolves objections; auditors read.

Every step answers with the application as it stands after the step (200); the application,
not the review or objection, is the resource.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request, Response

from api.deps import LARGEST, Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
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
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.onboarding import OnboardingApplications
from ledger.application.interface.onboarding import (
    OnboardingApplicationList,
    OnboardingApplicationView,
    onboarding_application_view,
)
from ledger.application.queries.onboarding import list_onboarding_applications
from ledger.domain.access_key import Role

router = APIRouter(
    route_class=ShapedRoute, prefix="/v1/onboarding-applications", tags=["onboarding"]
)

READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR)
Reader = Annotated[Principal, require(*READERS)]
Submitting = Annotated[Writer, creating(Role.HUB)]
HubStep = Annotated[Writer, stepping(Role.HUB)]
BureauStep = Annotated[Writer, stepping(Role.BUREAU)]
# Whoever receives an objection records it; the notice may be put up by either.
HubOrBureauStep = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
ApplicationId = Annotated[UUID, Path(description="The onboarding application's id")]
routes = CommandRoutes(router, "application_id", ApplicationId, shows=OnboardingApplicationView)


routes.create(
    "submit_application",
    OnboardingSubmission,
    Submitting,
    "Record an application to connect a window platform, as filed with the hub",
)


@router.get(
    "",
    summary="Every onboarding application, in filing order",
    response_model=OnboardingApplicationList,
)
def list_applications(
    principal: Reader, ledger: Ledger, directory: Listing, page: Paging, request: Request
) -> Response:
    found = list_onboarding_applications(ledger, directory, page)
    return paged(request, {"applications": [onboarding_application_view(a) for a in found]}, found)


routes.step(
    "/reviews",
    "record_review",
    ReviewBody,
    HubStep,
    "Record one expert's score (0-100) and opinion",
)
routes.step(
    "/review-conclusion",
    "conclude_review",
    ReviewConclusionBody,
    HubStep,
    "Conclude the expert review (at least three reviews; the mean is recorded)",
)
routes.step(
    "/approval",
    "approve",
    ApprovalBody,
    BureauStep,
    "Approve an application whose review was passed (bureau)",
)
routes.step(
    "/rejection",
    "reject",
    RejectionBody,
    BureauStep,
    "Reject an application, with reasons (bureau; final)",
)
routes.step(
    "/notice",
    "publish_notice",
    NoticeBody,
    HubOrBureauStep,
    "Put the approved application on public notice (公示), at least five days",
)
routes.step(
    "/objections",
    "file_objection",
    ObjectionBody,
    HubOrBureauStep,
    "Record an objection made while the notice runs",
)
routes.step(
    "/objections/{objection_no}/resolution",
    "resolve_objection",
    ObjectionResolutionBody,
    BureauStep,
    "Uphold (the application is refused) or dismiss an objection (bureau)",
    params={
        "objection_no": Annotated[
            int, Path(ge=1, le=LARGEST, description="The objection's number, from 1")
        ]
    },
)
routes.step(
    "/connection",
    "connect",
    ConnectionBody,
    HubStep,
    "Connect the window after its notice, creating the platform",
)
routes.step(
    "/withdrawal",
    "withdraw",
    WithdrawalBody,
    HubStep,
    "Withdraw the application at the applicant's request",
)


add_read_routes(router, OnboardingApplications, readers=READERS, shows=OnboardingApplicationView)
