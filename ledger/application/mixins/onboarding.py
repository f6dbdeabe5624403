"""Window onboarding (Art. 10): from the application filed with the hub to a connected window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.onboarding import onboarding_application_view
from ledger.application.mixins.experts import ExpertCommands
from ledger.application.mixins.platforms import PlatformCommands
from ledger.application.uow import Decision, Outcome, Write
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ApplicantAlreadyConnectedError,
    ConcurrentModificationError,
    ExpertNotFoundError,
    OnboardingApplicationExistsError,
    OnboardingApplicationNotFoundError,
    UnknownExpertError,
)
from ledger.domain.expert import Expert
from ledger.domain.onboarding import ApplicationStatus, OnboardingApplication
from ledger.domain.public_notice import ObjectionOutcome

Step = Callable[[OnboardingApplication], OnboardingApplication | Decision[OnboardingApplication]]


class OnboardingCommands(ExpertCommands, PlatformCommands):
    def submit_onboarding_application(
        self,
        *,
        external_ref: str,
        applicant_name: str,
        uscc: str,
        region: str,
        categories: list[str],
        coverage: str,
        materials_sha256: str,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Record an application the hub received, under the hub's filing reference."""

        def decide(_: OnboardingApplication | None) -> OnboardingApplication:
            application = OnboardingApplication.submit(
                external_ref=external_ref,
                applicant_name=applicant_name,
                uscc=uscc,
                region=region,
                categories=categories,
                coverage=coverage,
                materials_sha256=materials_sha256,
                meta=meta,
            )
            self._check_uscc_not_a_platform(application.uscc)
            return application

        return self.uow.run(
            Write(
                stream_id=ids.onboarding_application_id(external_ref),
                aggregate_type=OnboardingApplication,
                decide=decide,
                resource_type="onboarding_application",
                render=onboarding_application_view,
                not_found=OnboardingApplicationNotFoundError,
                exists=OnboardingApplicationExistsError,
            ),
            meta,
            idempotency,
        )

    def record_expert_review(
        self,
        application_id: UUID,
        *,
        expert_id: UUID,
        score: int,
        opinion: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(application: OnboardingApplication) -> OnboardingApplication:
            expert = self._pool_expert(expert_id)
            application.record_review(expert=expert, score=score, opinion=opinion, meta=meta)
            return application

        return self._act_on_application(application_id, step, meta, expected_version, idempotency)

    def conclude_onboarding_review(
        self,
        application_id: UUID,
        *,
        opinion: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(application: OnboardingApplication) -> OnboardingApplication:
            application.conclude_review(opinion=opinion, meta=meta)
            return application

        return self._act_on_application(application_id, step, meta, expected_version, idempotency)

    def approve_onboarding(
        self,
        application_id: UUID,
        *,
        note: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(application: OnboardingApplication) -> OnboardingApplication:
            application.approve(note=note, meta=meta)
            return application

        return self._act_on_application(application_id, step, meta, expected_version, idempotency)

    def reject_onboarding(
        self,
        application_id: UUID,
        *,
        reasons: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(application: OnboardingApplication) -> OnboardingApplication:
            application.reject(reasons=reasons, meta=meta)
            return application

        return self._act_on_application(application_id, step, meta, expected_version, idempotency)

    def publish_onboarding_notice(
        self,
        application_id: UUID,
        *,
        starts_on: date,
        ends_on: date,
        channel: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(application: OnboardingApplication) -> OnboardingApplication:
            application.publish_notice(
                starts_on=starts_on, ends_on=ends_on, channel=channel, meta=meta
            )
            return application

        return self._act_on_application(application_id, step, meta, expected_version, idempotency)

    def file_onboarding_objection(
        self,
        application_id: UUID,
        *,
        objector: str,
        grounds: str,
        evidence_sha256: str | None,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(application: OnboardingApplication) -> OnboardingApplication:
            application.file_objection(
                objector=objector, grounds=grounds, evidence_sha256=evidence_sha256, meta=meta
            )
            return application

        return self._act_on_application(application_id, step, meta, expected_version, idempotency)

    def resolve_onboarding_objection(
        self,
        application_id: UUID,
        number: int,
        *,
        outcome: ObjectionOutcome,
        reasons: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(application: OnboardingApplication) -> OnboardingApplication:
            application.resolve_objection(
                number=number, outcome=outcome, reasons=reasons, meta=meta
            )
            return application

        return self._act_on_application(application_id, step, meta, expected_version, idempotency)

    def connect_onboarded_window(
        self,
        application_id: UUID,
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Record ``Connected`` and create the window platform, in one transaction."""

        def step(application: OnboardingApplication) -> Decision[OnboardingApplication]:
            self._check_uscc_not_a_platform(application.uscc)
            platform = application.connect(meta=meta)
            return Decision(application, (platform,))

        try:
            return self._act_on_application(
                application_id, step, meta, expected_version, idempotency
            )
        except ConcurrentModificationError:
            # The save failed as a whole. If it was the platform's stream that was taken (the
            # same USCC connected meanwhile through another application), say so.
            application = self.get_onboarding_application(application_id)
            if application.status is not ApplicationStatus.CONNECTED:
                self._check_uscc_not_a_platform(application.uscc)
            raise

    def withdraw_onboarding(
        self,
        application_id: UUID,
        *,
        reason: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(application: OnboardingApplication) -> OnboardingApplication:
            application.withdraw(reason=reason, meta=meta)
            return application

        return self._act_on_application(application_id, step, meta, expected_version, idempotency)

    def get_onboarding_application(
        self, application_id: UUID, version: int | None = None
    ) -> OnboardingApplication:
        return self.load(
            application_id,
            OnboardingApplication,
            OnboardingApplicationNotFoundError,
            "onboarding application",
            version,
        )

    def list_onboarding_applications(self) -> list[OnboardingApplication]:
        """Every application ever recorded, in the order they were filed (through the log)."""
        topic = get_topic(OnboardingApplication.Submitted)
        return [
            self.get_onboarding_application(cast(UUID, n.originator_id)) for n in self.scan([topic])
        ]

    # --- internals ------------------------------------------------------------------------

    def _act_on_application(
        self,
        application_id: UUID,
        step: Step,
        meta: Envelope,
        expected_version: int | None,
        idempotency: IdempotencyRequest | None,
    ) -> Outcome:
        def decide(
            application: OnboardingApplication | None,
        ) -> OnboardingApplication | Decision[OnboardingApplication]:
            if application is None:
                raise OnboardingApplicationNotFoundError(
                    f"No onboarding application with id {application_id}.",
                    id=str(application_id),
                )
            return step(application)

        return self.uow.run(
            Write(
                stream_id=application_id,
                aggregate_type=OnboardingApplication,
                decide=decide,
                resource_type="onboarding_application",
                render=onboarding_application_view,
                not_found=OnboardingApplicationNotFoundError,
                expected_version=expected_version,
            ),
            meta,
            idempotency,
        )

    def _pool_expert(self, expert_id: UUID) -> Expert:
        try:
            return self.get_expert(expert_id)
        except ExpertNotFoundError:
            raise UnknownExpertError(
                f"No expert with id {expert_id} is in the pool; register them first "
                "(POST /v1/experts).",
                expert_id=str(expert_id),
            ) from None

    def _check_uscc_not_a_platform(self, uscc: str) -> None:
        platform_id = ids.platform_id(uscc)
        if platform_id in self.repository:
            raise ApplicantAlreadyConnectedError(
                f"USCC {uscc} is already platform {platform_id} of the network; a platform is "
                "connected once.",
                platform_id=str(platform_id),
            )
