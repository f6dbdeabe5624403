"""Standing routes (Art. 13), the same for platforms and institutions.

Who may change a standing depends on who supervises the subject: the hub supervises windows and
institutions; the bureau supervises the hub. Revocation itself is always the bureau's.

This module deliberately does not use ``from __future__ import annotations``: FastAPI reads the
annotations of the route functions built here at run time, and they refer to local names.
"""

from collections.abc import Callable
from typing import Annotated
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
from api.problems import ApiError
from api.responses import outcome_response
from api.schemas.common import Body
from api.schemas.standing import (
    PrioritySupportBody,
    ReasonsBody,
    RectificationCompletionBody,
    RectificationOrderBody,
)
from ledger.application.app import LedgerApplication
from ledger.application.context import Principal
from ledger.application.mixins.standing import SUBJECTS
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.standing import StandingAggregate

Supervisor = Annotated[Principal, require(Role.HUB, Role.BUREAU)]
Bureau = Annotated[Principal, require(Role.BUREAU)]
Step = Callable[[StandingAggregate], None]


def supervisor_of(subject: StandingAggregate) -> Role:
    if isinstance(subject, Platform) and subject.kind is PlatformKind.HUB:
        return Role.BUREAU
    return Role.HUB


def add_standing_routes(router: APIRouter, subject: str, id_name: str) -> None:
    aggregate_type, not_found, _ = SUBJECTS[subject]
    SubjectId = Annotated[UUID, Path(alias=id_name)]  # noqa: N806 - a type alias
    json_only = [Depends(require_json)]
    base = f"/{{{id_name}}}"

    def run(
        subject_id: UUID,
        route: str,
        body: Body,
        make_step: Callable[[Envelope], Step],
        principal: Principal,
        ledger: LedgerApplication,
        request_id: str,
        if_match: str | None,
        idempotency_key: str | None,
        supervised: bool = True,
    ) -> Response:
        current = ledger.load(subject_id, aggregate_type, not_found, subject)
        if supervised and principal.role is not supervisor_of(current):
            raise ApiError(
                403,
                "forbidden_role",
                "Role not allowed",
                f"The {supervisor_of(current).value} supervises this {subject}; "
                f"a {principal.role_name} key cannot change its standing.",
            )
        occurred_at = getattr(body, "occurred_at", None) or ledger.clock()
        meta = principal.envelope(request_id, occurred_at)
        canonical = body.canonical()
        outcome = ledger.change_standing(
            subject,
            subject_id,
            make_step(meta),
            meta=meta,
            expected_version=parse_if_match(if_match),
            idempotency=idempotency_request(
                principal,
                idempotency_key,
                "POST",
                f"{router.prefix}/{subject_id}/{route}",
                canonical,
            ),
        )
        return outcome_response(outcome)

    @router.post(
        f"{base}/priority-support",
        dependencies=json_only,
        summary=f"Grant the {subject} priority support (excellent appraisal)",
    )
    def grant_priority_support(
        subject_id: SubjectId,
        body: PrioritySupportBody,
        principal: Supervisor,
        ledger: Ledger,
        request_id: RequestId,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        def step(meta: Envelope) -> Step:
            return lambda s: s.grant_priority_support(
                year=body.year, citation=body.citation, note=body.note, meta=meta
            )

        return run(
            subject_id,
            "priority-support",
            body,
            step,
            principal,
            ledger,
            request_id,
            if_match,
            idempotency_key,
        )

    @router.post(
        f"{base}/rectification-order",
        dependencies=json_only,
        summary=f"Order the {subject} to rectify within a deadline",
    )
    def order_rectification(
        subject_id: SubjectId,
        body: RectificationOrderBody,
        principal: Supervisor,
        ledger: Ledger,
        request_id: RequestId,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        def step(meta: Envelope) -> Step:
            return lambda s: s.order_rectification(
                deadline=body.deadline, reasons=body.reasons, citation=body.citation, meta=meta
            )

        return run(
            subject_id,
            "rectification-order",
            body,
            step,
            principal,
            ledger,
            request_id,
            if_match,
            idempotency_key,
        )

    @router.post(
        f"{base}/rectification-completion",
        dependencies=json_only,
        summary="Record that rectification passed its re-check by the deadline",
    )
    def complete_rectification(
        subject_id: SubjectId,
        body: RectificationCompletionBody,
        principal: Supervisor,
        ledger: Ledger,
        request_id: RequestId,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        def step(meta: Envelope) -> Step:
            return lambda s: s.complete_rectification(note=body.note, meta=meta)

        return run(
            subject_id,
            "rectification-completion",
            body,
            step,
            principal,
            ledger,
            request_id,
            if_match,
            idempotency_key,
        )

    @router.post(
        f"{base}/recheck-failure",
        dependencies=json_only,
        summary="Record that the rectification re-check failed",
    )
    def fail_recheck(
        subject_id: SubjectId,
        body: ReasonsBody,
        principal: Supervisor,
        ledger: Ledger,
        request_id: RequestId,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        def step(meta: Envelope) -> Step:
            return lambda s: s.fail_recheck(reasons=body.reasons, meta=meta)

        return run(
            subject_id,
            "recheck-failure",
            body,
            step,
            principal,
            ledger,
            request_id,
            if_match,
            idempotency_key,
        )

    @router.post(
        f"{base}/revocation-request",
        dependencies=json_only,
        summary="Request revocation (after a failed re-check or a missed deadline)",
    )
    def request_revocation(
        subject_id: SubjectId,
        body: ReasonsBody,
        principal: Supervisor,
        ledger: Ledger,
        request_id: RequestId,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        def step(meta: Envelope) -> Step:
            return lambda s: s.request_revocation(reasons=body.reasons, meta=meta)

        return run(
            subject_id,
            "revocation-request",
            body,
            step,
            principal,
            ledger,
            request_id,
            if_match,
            idempotency_key,
        )

    @router.post(
        f"{base}/revocation",
        dependencies=json_only,
        summary=f"Revoke the {subject}'s qualification (bureau, on request)",
    )
    def revoke(
        subject_id: SubjectId,
        body: ReasonsBody,
        principal: Bureau,
        ledger: Ledger,
        request_id: RequestId,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        def step(meta: Envelope) -> Step:
            return lambda s: s.revoke(reasons=body.reasons, meta=meta)

        return run(
            subject_id,
            "revocation",
            body,
            step,
            principal,
            ledger,
            request_id,
            if_match,
            idempotency_key,
            supervised=False,
        )
