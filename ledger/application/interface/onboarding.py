"""Views of the expert pool and of onboarding applications."""

from __future__ import annotations

from typing_extensions import TypedDict

from ledger.application.interface import JSON, Resource, common, plain
from ledger.domain.expert import Expert
from ledger.domain.expert_review import MIN_REVIEWS
from ledger.domain.onboarding import OnboardingApplication


class ExpertView(Resource):
    """An expert of the pool (Art. 6.7): the fields they review in, and whether they may still
    be asked (with why not)."""

    external_ref: str
    name: str
    fields: list[str]
    organisation: str
    title: str
    active: bool
    deactivation_reason: str | None


class ExpertList(TypedDict):
    """Every expert ever registered, in registration order."""

    experts: list[ExpertView]


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


def onboarding_application_view(application: OnboardingApplication) -> JSON:
    decision = application.decision
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
        "reviews": plain(application.reviews),
        "reviews_needed": MIN_REVIEWS,
        "mean_score": plain(application.mean_score),
        "review_conclusion": plain(application.conclusion),
        "approved": None if decision is None else decision.approved,
        "decision_text": None if decision is None else decision.text,
        "decided_at": None if decision is None else plain(decision.decided_at),
        "notice": plain(application.notice),
        "objections": [{**plain(o), "resolved": o.resolved} for o in application.objections],
        "platform_id": plain(application.platform_id),
        "connected_at": plain(application.connected_at),
        "withdrawal_reason": application.withdrawal_reason,
    }
