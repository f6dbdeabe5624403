"""Helpers for the onboarding, expert-pool and publication API tests.

Setting up (experts, an application at a given stage, a publication) goes through the ledger
behind the API's back, so each test calls over HTTP only the step it is about.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from uuid import UUID

from ledger.application.commands.experts import RegisterExpert
from ledger.application.commands.onboarding import (
    ApproveOnboarding,
    ConcludeOnboardingReview,
    FileOnboardingObjection,
    PublishOnboardingNotice,
    RecordExpertReview,
    RejectOnboarding,
    ResolveOnboardingObjection,
    SubmitOnboardingApplication,
    WithdrawOnboarding,
)
from ledger.application.commands.publications import (
    ApprovePublication,
    PublishPublication,
    RejectPublication,
    SubmitPublication,
)
from ledger.domain.envelope import Envelope
from ledger.domain.public_notice import ObjectionOutcome
from ledger.domain.publication import PublicationKind
from tests.acting import act
from tests.api._support import JSON, NOW, TODAY, Api, new_uscc

# The notice set-ups publish: today to four days later, the shortest allowed.
NOTICE_ENDS = TODAY + timedelta(days=4)


def as_hub(api: Api, actor: str = "test:hub") -> Envelope:
    return Envelope(
        actor=actor,
        platform_id=api.hub_id,
        correlation_id="test-setup",
        causation_id=None,
        occurred_at=NOW,
    )


def as_bureau() -> Envelope:
    return Envelope(
        actor="test:bureau",
        platform_id=None,
        correlation_id="test-setup",
        causation_id=None,
        occurred_at=NOW,
    )


def new_ref(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def expert_body(**overrides: Any) -> JSON:
    return {
        "external_ref": new_ref("EXP"),
        "name": "李明",
        "fields": ["14"],
        "organisation": "宁夏大学",
        "title": "教授",
        **overrides,
    }


def application_body(**overrides: Any) -> JSON:
    return {
        "external_ref": new_ref("ONB"),
        "applicant_name": "固原市中小企业服务中心",
        "uscc": new_uscc(),
        "region": "640400",
        "categories": ["10", "14"],
        "coverage": "固原市原州区",
        "materials_sha256": "5f" * 32,
        **overrides,
    }


def register_expert(api: Api) -> UUID:
    body = expert_body()
    return act(
        api.ledger,
        RegisterExpert(
            external_ref=body["external_ref"],
            name=body["name"],
            fields=tuple(body["fields"]),
            organisation=body["organisation"],
            title=body["title"],
        ),
        as_hub(api),
    ).resource_id


def _submitted(api: Api, uscc: str | None = None) -> UUID:
    body = application_body(uscc=uscc or new_uscc())
    return act(
        api.ledger,
        SubmitOnboardingApplication(
            external_ref=body["external_ref"],
            applicant_name=body["applicant_name"],
            uscc=body["uscc"],
            region=body["region"],
            categories=tuple(body["categories"]),
            coverage=body["coverage"],
            materials_sha256=body["materials_sha256"],
        ),
        as_hub(api),
    ).resource_id


def _review(api: Api, application_id: UUID, scores: tuple[int, ...]) -> None:
    for score in scores:
        act(
            api.ledger,
            RecordExpertReview(
                application_id=application_id,
                expert_id=register_expert(api),
                score=score,
                opinion="",
            ),
            as_hub(api),
        )


def _conclude(api: Api, application_id: UUID, scores: tuple[int, ...] = (80, 85, 90)) -> None:
    _review(api, application_id, scores)
    act(
        api.ledger, ConcludeOnboardingReview(application_id=application_id, opinion=""), as_hub(api)
    )


def _approve(api: Api, application_id: UUID) -> None:
    _conclude(api, application_id)
    act(api.ledger, ApproveOnboarding(application_id=application_id, note=""), as_bureau())


def _notice(api: Api, application_id: UUID) -> None:
    _approve(api, application_id)
    act(
        api.ledger,
        PublishOnboardingNotice(
            application_id=application_id, starts_on=TODAY, ends_on=NOTICE_ENDS, channel="公示栏"
        ),
        as_hub(api),
    )


def _objected(api: Api, application_id: UUID) -> None:
    _notice(api, application_id)
    act(
        api.ledger,
        FileOnboardingObjection(
            application_id=application_id, objector="", grounds="场地不符", evidence_sha256=None
        ),
        as_hub(api),
    )


def _rejected(api: Api, application_id: UUID) -> None:
    _conclude(api, application_id)
    act(
        api.ledger,
        RejectOnboarding(application_id=application_id, reasons="不符合条件"),
        as_bureau(),
    )


def _refused(api: Api, application_id: UUID) -> None:
    _objected(api, application_id)
    act(
        api.ledger,
        ResolveOnboardingObjection(
            application_id=application_id, number=1, outcome=ObjectionOutcome.UPHELD, reasons="属实"
        ),
        as_bureau(),
    )


def _withdrawn(api: Api, application_id: UUID) -> None:
    act(api.ledger, WithdrawOnboarding(application_id=application_id, reason="撤回"), as_hub(api))


STAGES: dict[str, Callable[[Api, UUID], None]] = {
    "submitted": lambda api, application_id: None,
    "under_review": lambda api, application_id: _review(api, application_id, (80,)),
    "reviewed": lambda api, application_id: _review(api, application_id, (80, 85, 90)),
    "review_concluded": _conclude,
    "review_failed": lambda api, application_id: _conclude(api, application_id, (40, 50, 60)),
    "approved": _approve,
    "in_notice": _notice,
    "objected_to": _objected,
    "rejected": _rejected,
    "refused_after_notice": _refused,
    "withdrawn": _withdrawn,
}


def application_at(api: Api, stage: str, uscc: str | None = None) -> str:
    """The id of a new application brought to ``stage`` (a key of :data:`STAGES`)."""
    application_id = _submitted(api, uscc)
    STAGES[stage](api, application_id)
    return str(application_id)


def after_the_notice(api: Api) -> None:
    """Move the clock to the first day a window on a set-up notice may be connected."""
    api.clock.now = NOW + timedelta(days=(NOTICE_ENDS - TODAY).days + 1)


def publication_body(**overrides: Any) -> JSON:
    return {
        "external_ref": new_ref("PUB"),
        "kind": "news",
        "title": "窗口平台开展政策宣讲",
        "body": "3月2日，窗口平台……",
        **overrides,
    }


def publication_at(
    api: Api, stage: str, platform_id: UUID | None = None, actor: str = "test:window"
) -> str:
    """A publication of ``platform_id`` (window A by default) at ``stage``."""
    owner = platform_id or api.window_a_id
    meta = Envelope(
        actor=actor,
        platform_id=owner,
        correlation_id="test-setup",
        causation_id=None,
        occurred_at=NOW,
    )
    submission = SubmitPublication(
        external_ref=new_ref("PUB"),
        kind=PublicationKind.NEWS,
        title="窗口平台开展政策宣讲",
        body="……",
        content_sha256=None,
        summary="",
        category=None,
    )
    publication_id = act(api.ledger, submission, meta).resource_id
    reviewer = as_hub(api, "test:hub-reviewer")
    if stage in {"approved", "published"}:
        act(api.ledger, ApprovePublication(publication_id=publication_id, note=""), reviewer)
    if stage == "rejected":
        rejection = RejectPublication(publication_id=publication_id, reasons="不合规")
        act(api.ledger, rejection, reviewer)
    if stage == "published":
        act(api.ledger, PublishPublication(publication_id=publication_id, channel=""), meta)
    return str(publication_id)
