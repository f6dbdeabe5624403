"""Views of the expert pool and of onboarding applications."""

from __future__ import annotations

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.expert import Expert
from ledger.domain.expert_review import MIN_REVIEWS, Review, ReviewConclusion
from ledger.domain.onboarding import OnboardingApplication
from ledger.domain.public_notice import Notice, Objection


class ExpertView(Resource):
    """An expert of the pool, registered by the hub; inactive once deactivated."""

    external_ref: str
    name: str
    fields: list[str]
    organisation: str
    title: str
    active: bool
    deactivation_reason: str | None


class ExpertList(PageFields):
    """The expert pool, in the order registered."""

    experts: list[ExpertView]


class ReviewView(TypedDict):
    """One expert's score (0-100) and opinion of the application."""

    expert_id: str
    expert_name: str
    score: int
    opinion: str
    reviewed_at: str


class ReviewConclusionView(TypedDict):
    """The conclusion of the expert review: on how many reviews, their mean (a decimal string,
    two places), whether the application passed, and the opinion."""

    review_count: int
    mean_score: str
    passed: bool
    opinion: str
    concluded_at: str


class NoticeView(TypedDict):
    """The public notice (公示) of an approved application: when it runs, and where it is
    published (a web address or a board), so it can be checked."""

    starts_on: str
    ends_on: str
    channel: str


class ObjectionView(TypedDict):
    """An objection made while the notice ran, numbered from 1, and how the bureau resolved it
    (``outcome`` ``null`` until then)."""

    number: int
    objector: str
    grounds: str
    evidence_sha256: str | None
    filed_on: str
    outcome: str | None
    resolution_reasons: str | None
    resolved: bool


class OnboardingApplicationView(Resource):
    """An application to connect a window platform (Art. 10), from its filing to the
    connection; dates and times in ISO 8601."""

    external_ref: str
    applicant_name: str
    uscc: str
    region: str
    categories: list[str]
    coverage: str
    materials_sha256: str
    submitted_at: str
    status: str
    reviews: list[ReviewView]
    reviews_needed: int
    """How many reviews the review's conclusion needs at least."""
    mean_score: str | None
    """The mean of the scores so far (a decimal string, two places; ``null`` before the first)."""
    review_conclusion: ReviewConclusionView | None
    approved: bool | None
    """The bureau's decision (``null`` until it decides)."""
    decision_text: str | None
    decided_at: str | None
    notice: NoticeView | None
    objections: list[ObjectionView]
    platform_id: str | None
    """The window platform the connection created (``null`` until connected)."""
    connected_at: str | None
    withdrawal_reason: str | None


class OnboardingApplicationList(PageFields):
    """Every onboarding application, in filing order."""

    applications: list[OnboardingApplicationView]


def expert_view(expert: Expert) -> ExpertView:
    return {
        **common(expert),
        "external_ref": expert.external_ref,
        "name": expert.name,
        "fields": list(expert.fields),
        "organisation": expert.organisation,
        "title": expert.title,
        "active": expert.active,
        "deactivation_reason": expert.deactivation_reason,
    }


def _review_view(review: Review) -> ReviewView:
    return {
        "expert_id": str(review.expert_id),
        "expert_name": review.expert_name,
        "score": review.score,
        "opinion": review.opinion,
        "reviewed_at": review.reviewed_at.isoformat(),
    }


def _conclusion_view(conclusion: ReviewConclusion) -> ReviewConclusionView:
    return {
        "review_count": conclusion.review_count,
        "mean_score": str(conclusion.mean_score),
        "passed": conclusion.passed,
        "opinion": conclusion.opinion,
        "concluded_at": conclusion.concluded_at.isoformat(),
    }


def _notice_view(notice: Notice) -> NoticeView:
    return {
        "starts_on": notice.starts_on.isoformat(),
        "ends_on": notice.ends_on.isoformat(),
        "channel": notice.channel,
    }


def _objection_view(objection: Objection) -> ObjectionView:
    return {
        "number": objection.number,
        "objector": objection.objector,
        "grounds": objection.grounds,
        "evidence_sha256": objection.evidence_sha256,
        "filed_on": objection.filed_on.isoformat(),
        "outcome": plain(objection.outcome),
        "resolution_reasons": objection.resolution_reasons,
        "resolved": objection.resolved,
    }


def onboarding_application_view(application: OnboardingApplication) -> OnboardingApplicationView:
    decision, conclusion, notice = application.decision, application.conclusion, application.notice
    return {
        **common(application),
        "external_ref": application.external_ref,
        "applicant_name": application.applicant_name,
        "uscc": application.uscc,
        "region": application.region,
        "categories": list(application.categories),
        "coverage": application.coverage,
        "materials_sha256": application.materials_sha256,
        "submitted_at": plain(application.submitted_at),
        "status": application.status.value,
        "reviews": [_review_view(r) for r in application.reviews],
        "reviews_needed": MIN_REVIEWS,
        "mean_score": plain(application.mean_score),
        "review_conclusion": None if conclusion is None else _conclusion_view(conclusion),
        "approved": None if decision is None else decision.approved,
        "decision_text": None if decision is None else decision.text,
        "decided_at": None if decision is None else decision.decided_at.isoformat(),
        "notice": None if notice is None else _notice_view(notice),
        "objections": [_objection_view(o) for o in application.objections],
        "platform_id": plain(application.platform_id),
        "connected_at": plain(application.connected_at),
        "withdrawal_reason": application.withdrawal_reason,
    }
