"""Window onboarding (Art. 10): from the application filed with the hub to a connected window.

Two rules read other aggregates: a review is recorded only for an expert of the pool, and an
organisation that is already a platform of the network neither applies nor is connected again
(checked when the application is filed and again when the window is connected, whose save
creates the platform: if the same USCC became a platform meanwhile, the save fails as a whole
and says so).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ledger.application.capability import Capability, View, acts, creates, handles
from ledger.application.commands.onboarding import (
    ApproveOnboarding,
    ConcludeOnboardingReview,
    ConnectOnboardedWindow,
    FileOnboardingObjection,
    PublishOnboardingNotice,
    RecordExpertReview,
    RejectOnboarding,
    ResolveOnboardingObjection,
    SubmitOnboardingApplication,
    WithdrawOnboarding,
)
from ledger.application.context import RequestContext
from ledger.application.interface.onboarding import onboarding_application_view
from ledger.application.lookups import Lookups
from ledger.application.ports import Store
from ledger.application.uow import UnitOfWork
from ledger.application.writes import Decision, Outcome, Write
from ledger.domain import ids
from ledger.domain.claim import Claim, ClaimKind
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
from ledger.domain.onboarding import (
    TERMINAL_STATUSES,
    ApplicationStatus,
    OnboardingApplication,
)


class OnboardingApplications(Capability[OnboardingApplication]):
    aggregate = OnboardingApplication
    resource_type = "onboarding_application"
    label = "onboarding application"
    not_found = OnboardingApplicationNotFoundError
    target = "application_id"

    def __init__(self, store: Store, lookups: Lookups, uow: UnitOfWork) -> None:
        self.store = store
        self.lookups = lookups
        self.uow = uow

    def view(self, aggregate: OnboardingApplication, on: date) -> View:
        return onboarding_application_view(aggregate)

    # --- commands --------------------------------------------------------------------------

    @creates(SubmitOnboardingApplication, exists=OnboardingApplicationExistsError)
    def submit(
        self, command: SubmitOnboardingApplication, meta: Envelope
    ) -> Decision[OnboardingApplication]:
        application = OnboardingApplication.submit(
            external_ref=command.external_ref,
            applicant_name=command.applicant_name,
            uscc=command.uscc,
            region=command.region,
            categories=list(command.categories),
            coverage=command.coverage,
            materials_sha256=command.materials_sha256,
            meta=meta,
        )
        self._check_uscc_not_a_platform(application.uscc)
        # One application open per applicant: the claim on its USCC is saved with it.
        claim = self.lookups.claim(ClaimKind.APPLICANT, application.uscc, application.id, meta)
        return Decision(application, (claim,))

    @acts(RecordExpertReview)
    def record_review(
        self, application: OnboardingApplication, command: RecordExpertReview, meta: Envelope
    ) -> None:
        expert = self._pool_expert(command.expert_id)
        application.record_review(
            expert=expert, score=command.score, opinion=command.opinion, meta=meta
        )

    @acts(ConcludeOnboardingReview)
    def conclude_review(
        self, application: OnboardingApplication, command: ConcludeOnboardingReview, meta: Envelope
    ) -> None:
        application.conclude_review(opinion=command.opinion, meta=meta)

    @acts(ApproveOnboarding)
    def approve(
        self, application: OnboardingApplication, command: ApproveOnboarding, meta: Envelope
    ) -> None:
        application.approve(note=command.note, meta=meta)

    @acts(RejectOnboarding)
    def reject(
        self, application: OnboardingApplication, command: RejectOnboarding, meta: Envelope
    ) -> list[Claim]:
        application.reject(reasons=command.reasons, meta=meta)
        return self._closed(application, meta)

    @acts(PublishOnboardingNotice)
    def publish_notice(
        self, application: OnboardingApplication, command: PublishOnboardingNotice, meta: Envelope
    ) -> None:
        application.publish_notice(
            starts_on=command.starts_on, ends_on=command.ends_on, channel=command.channel, meta=meta
        )

    @acts(FileOnboardingObjection)
    def file_objection(
        self, application: OnboardingApplication, command: FileOnboardingObjection, meta: Envelope
    ) -> None:
        application.file_objection(
            objector=command.objector,
            grounds=command.grounds,
            evidence_sha256=command.evidence_sha256,
            meta=meta,
        )

    @acts(ResolveOnboardingObjection)
    def resolve_objection(
        self,
        application: OnboardingApplication,
        command: ResolveOnboardingObjection,
        meta: Envelope,
    ) -> list[Claim]:
        application.resolve_objection(
            number=command.number, outcome=command.outcome, reasons=command.reasons, meta=meta
        )
        return self._closed(application, meta)

    @acts(WithdrawOnboarding)
    def withdraw(
        self, application: OnboardingApplication, command: WithdrawOnboarding, meta: Envelope
    ) -> list[Claim]:
        application.withdraw(reason=command.reason, meta=meta)
        return self._closed(application, meta)

    @handles(ConnectOnboardedWindow)
    def connect(self, command: ConnectOnboardedWindow, context: RequestContext) -> Outcome:
        """Record ``Connected`` and create the window platform, in one save. A whole handler
        because a failed save is explained after the unit of work has given up on it."""
        meta = self.uow.envelope(context, command.occurred_at)

        def decide(application: OnboardingApplication | None) -> Decision[OnboardingApplication]:
            if application is None:  # only a creating write finds none
                raise self.missing(command.application_id)
            self._check_uscc_not_a_platform(application.uscc)
            platform = application.connect(meta=meta)
            return Decision(application, (platform, *self._closed(application, meta)))

        write = Write(
            stream_id=command.application_id,
            aggregate_type=OnboardingApplication,
            decide=decide,
            resource_type=self.resource_type,
            render=onboarding_application_view,
            not_found=self.not_found,
            expected_version=context.expected_version,
            guard=lambda application: self.guard(application, command, context),
        )
        try:
            return self.uow.run(write, meta, context.idempotency)
        except ConcurrentModificationError:
            # The save failed as a whole. If it was the platform's stream that was taken (the
            # same USCC connected meanwhile through another application), say so.
            application = self._application(command.application_id)
            if application.status is not ApplicationStatus.CONNECTED:
                self._check_uscc_not_a_platform(application.uscc)
            raise

    # --- internals -------------------------------------------------------------------------

    def _closed(self, application: OnboardingApplication, meta: Envelope) -> list[Claim]:
        """The applicant's claim, released if ``application`` closed with this step (saved with
        it); nothing if it is still open or held no claim (submitted before claims existed)."""
        if application.status not in TERMINAL_STATUSES:
            return []
        claim = self.lookups.held_claim(ClaimKind.APPLICANT, application.uscc)
        if claim is None or claim.holder_id != application.id:
            return []
        claim.release(application.id, meta)
        return [claim]

    def _application(self, application_id: UUID) -> OnboardingApplication:
        return self.store.load(application_id, OnboardingApplication, self.not_found, self.label)

    def _pool_expert(self, expert_id: UUID) -> Expert:
        try:
            return self.lookups.expert(expert_id)
        except ExpertNotFoundError:
            raise UnknownExpertError(
                f"No expert with id {expert_id} is in the pool; register them first "
                "(POST /v1/experts).",
                expert_id=str(expert_id),
            ) from None

    def _check_uscc_not_a_platform(self, uscc: str) -> None:
        platform_id = ids.platform_id(uscc)
        if self.store.find(platform_id) is not None:
            raise ApplicantAlreadyConnectedError(
                f"USCC {uscc} is already platform {platform_id} of the network; a platform is "
                "connected once.",
                platform_id=str(platform_id),
            )
