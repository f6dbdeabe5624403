"""Window onboarding (Art. 10): 申报 → 专家评审 → 批准 → 公示 → 接入.

    submitted ──first review──▶ under_review ──hub concludes (≥ 3 reviews)──▶ review_concluded
                                                                               │ bureau
                                               rejected (terminal) ◀──────────┤
                                                                               ▼
                                                                            approved
                                                                               │ notice published
                                                                               ▼
      refused_after_notice (terminal) ◀──an objection upheld── in_notice
                                                                               │ notice over, every
                                                                               │ objection dismissed
                                                                               ▼
                                                                  connected (terminal; a Platform)

    withdrawn (terminal): by the hub, on the applicant's request, from any state before that.

The decisions this aggregate makes, and why, are in docs/domain.md ("Onboarding").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ObjectionAlreadyResolvedError,
    ObjectionNotFoundError,
    OnboardingApplicationClosedError,
    OnboardingStepOutOfOrderError,
    ReviewNotPassedError,
)
from ledger.domain.expert import Expert
from ledger.domain.expert_review import (
    PASSING_MEAN_SCORE,
    Review,
    ReviewConclusion,
    check_reviewer,
    conclusion_values,
    mean_score,
)
from ledger.domain.onboarding_status import TERMINAL_STATUSES as TERMINAL_STATUSES
from ledger.domain.onboarding_status import ApplicationStatus as ApplicationStatus
from ledger.domain.onboarding_status import BureauDecision as BureauDecision
from ledger.domain.platform import Platform
from ledger.domain.public_notice import (
    Notice,
    Objection,
    ObjectionOutcome,
    check_all_resolved,
    check_period,
)
from ledger.domain.submission import check_not_before_submission, parse_categories, require_reasons
from ledger.domain.time import business_date, record_date
from ledger.domain.values import parse_region, parse_sha256, parse_uscc


class OnboardingApplication(LedgerAggregate):
    """One application of an organisation to connect a window platform to the network."""

    class Submitted(LedgerAggregate.Created):
        external_ref: str
        applicant_name: str
        uscc: str
        region: str
        categories: list[str]
        coverage: str
        materials_sha256: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.external_ref = self.external_ref
            aggregate.applicant_name = self.applicant_name
            aggregate.uscc = self.uscc
            aggregate.region = self.region
            aggregate.categories = list(self.categories)
            aggregate.coverage = self.coverage
            aggregate.materials_sha256 = self.materials_sha256
            aggregate.submitted_at = self.meta.occurred_at

    class ReviewRecorded(LedgerAggregate.Event):
        expert_id: UUID
        expert_name: str
        score: int
        opinion: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.reviews.append(
                Review(
                    self.expert_id,
                    self.expert_name,
                    self.score,
                    self.opinion,
                    self.meta.occurred_at,
                )
            )
            aggregate.status = ApplicationStatus.UNDER_REVIEW

    class ReviewConcluded(LedgerAggregate.Event):
        review_count: int
        mean_score: Decimal
        passed: bool
        opinion: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.conclusion = ReviewConclusion(
                self.review_count, self.mean_score, self.passed, self.opinion, self.meta.occurred_at
            )
            aggregate.status = ApplicationStatus.REVIEW_CONCLUDED

    class Approved(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.decision = BureauDecision(True, self.note, self.meta.occurred_at)
            aggregate.status = ApplicationStatus.APPROVED

    class Rejected(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.decision = BureauDecision(False, self.reasons, self.meta.occurred_at)
            aggregate.status = ApplicationStatus.REJECTED

    class NoticePublished(LedgerAggregate.Event):
        starts_on: date
        ends_on: date
        channel: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.notice = Notice(self.starts_on, self.ends_on, self.channel)
            aggregate.status = ApplicationStatus.IN_NOTICE

    class ObjectionFiled(LedgerAggregate.Event):
        number: int
        objector: str
        grounds: str
        evidence_sha256: str | None

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.objections.append(
                Objection(
                    self.number,
                    self.objector,
                    self.grounds,
                    self.evidence_sha256,
                    business_date(self.meta),
                )
            )

    class ObjectionUpheld(LedgerAggregate.Event):
        number: int
        reasons: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate._mark_resolved(self.number, ObjectionOutcome.UPHELD, self.reasons)
            aggregate.status = ApplicationStatus.REFUSED_AFTER_NOTICE

    class ObjectionDismissed(LedgerAggregate.Event):
        number: int
        reasons: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate._mark_resolved(self.number, ObjectionOutcome.DISMISSED, self.reasons)

    class Connected(LedgerAggregate.Event):
        platform_id: UUID

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.platform_id = self.platform_id
            aggregate.connected_at = self.meta.occurred_at
            aggregate.status = ApplicationStatus.CONNECTED

    class Withdrawn(LedgerAggregate.Event):
        reason: str

        def apply(self, aggregate: OnboardingApplication) -> None:
            aggregate.withdrawal_reason = self.reason
            aggregate.status = ApplicationStatus.WITHDRAWN

    def __init__(self) -> None:
        self.external_ref = ""
        self.applicant_name = ""
        self.uscc = ""
        self.region = ""
        self.categories: list[str] = []
        self.coverage = ""
        self.materials_sha256 = ""
        self.submitted_at: datetime | None = None
        self.status = ApplicationStatus.SUBMITTED
        self.reviews: list[Review] = []
        self.conclusion: ReviewConclusion | None = None
        self.decision: BureauDecision | None = None
        self.notice: Notice | None = None
        self.objections: list[Objection] = []
        self.platform_id: UUID | None = None
        self.connected_at: datetime | None = None
        self.withdrawal_reason: str | None = None

    def _mark_resolved(self, number: int, outcome: ObjectionOutcome, reasons: str) -> None:
        """Mark objection ``number`` resolved (used by the resolution events)."""
        index = number - 1
        self.objections[index] = replace(
            self.objections[index], outcome=outcome, resolution_reasons=reasons
        )

    @property
    def mean_score(self) -> Decimal | None:
        """The mean of the scores recorded so far (two decimals, half up)."""
        return mean_score(self.reviews)

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def submit(
        cls,
        *,
        external_ref: str,
        applicant_name: str,
        uscc: str,
        region: str,
        categories: list[str],
        coverage: str,
        materials_sha256: str,
        meta: Envelope,
    ) -> OnboardingApplication:
        """Record an application as filed with the hub under its filing reference."""
        return cls._create(
            cls.Submitted,
            id=ids.onboarding_application_id(external_ref),
            external_ref=external_ref,
            applicant_name=applicant_name.strip(),
            uscc=parse_uscc(uscc),
            region=parse_region(region),
            categories=parse_categories(categories, "A window applies to serve"),
            coverage=coverage.strip(),
            materials_sha256=parse_sha256(materials_sha256),
            meta=meta,
        )

    def record_review(self, *, expert: Expert, score: int, opinion: str, meta: Envelope) -> None:
        """One expert's score (0–100) and opinion; each expert reviews an application once."""
        self._check_step(
            {ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW}, "reviewed", meta
        )
        check_reviewer(expert, score, self.reviews)
        self.trigger_event(
            self.ReviewRecorded,
            expert_id=expert.id,
            expert_name=expert.name,
            score=score,
            opinion=opinion.strip(),
            meta=meta,
        )

    def conclude_review(self, *, opinion: str, meta: Envelope) -> None:
        """The hub closes the expert review; the mean score decides whether it is passed."""
        self._check_step(
            {ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW},
            "concluded",
            meta,
        )
        count, mean, passed = conclusion_values(self.reviews)
        self.trigger_event(
            self.ReviewConcluded,
            review_count=count,
            mean_score=mean,
            passed=passed,
            opinion=opinion.strip(),
            meta=meta,
        )

    def approve(self, *, note: str, meta: Envelope) -> None:
        """The bureau approves an application whose expert review was passed."""
        self._check_step({ApplicationStatus.REVIEW_CONCLUDED}, "approved", meta)
        if self.conclusion is None or not self.conclusion.passed:
            mean = self.conclusion.mean_score if self.conclusion else None
            raise ReviewNotPassedError(
                f"The expert review was not passed (mean score {mean}, at least "
                f"{PASSING_MEAN_SCORE} needed); the application can only be rejected.",
            )
        self.trigger_event(self.Approved, note=note.strip(), meta=meta)

    def reject(self, *, reasons: str, meta: Envelope) -> None:
        """The bureau rejects the application, with its reasons. Rejection is final."""
        self._check_step({ApplicationStatus.REVIEW_CONCLUDED}, "rejected", meta)
        self.trigger_event(
            self.Rejected, reasons=require_reasons(reasons, "A rejection"), meta=meta
        )

    def publish_notice(
        self, *, starts_on: date, ends_on: date, channel: str, meta: Envelope
    ) -> None:
        """The approved application is put on public notice from ``starts_on`` to ``ends_on``."""
        self._check_step({ApplicationStatus.APPROVED}, "put on public notice", meta)
        # Judged by record time: a notice backdated to have started already would have run
        # with nobody able to object.
        check_period(starts_on, ends_on, record_date(meta))
        self.trigger_event(
            self.NoticePublished,
            starts_on=starts_on,
            ends_on=ends_on,
            channel=channel.strip(),
            meta=meta,
        )

    def file_objection(
        self, *, objector: str, grounds: str, evidence_sha256: str | None, meta: Envelope
    ) -> int:
        """Record an objection made while the notice runs; returns its number."""
        self._check_step({ApplicationStatus.IN_NOTICE}, "objected to", meta)
        notice = self._notice()
        notice.check_objection_day(business_date(meta))
        notice.check_objection_day(record_date(meta))  # received in time, not said to be
        number = len(self.objections) + 1
        self.trigger_event(
            self.ObjectionFiled,
            number=number,
            objector=objector.strip(),
            grounds=require_reasons(grounds, "An objection"),
            evidence_sha256=None if evidence_sha256 is None else parse_sha256(evidence_sha256),
            meta=meta,
        )
        return number

    def resolve_objection(
        self, *, number: int, outcome: ObjectionOutcome, reasons: str, meta: Envelope
    ) -> None:
        """Uphold an objection (the application is refused) or dismiss it, with reasons."""
        self._check_step({ApplicationStatus.IN_NOTICE}, "have an objection resolved", meta)
        if not 1 <= number <= len(self.objections):
            raise ObjectionNotFoundError(
                f"Application {self.id} has no objection {number} (it has {len(self.objections)}).",
                number=number,
            )
        objection = self.objections[number - 1]
        if objection.outcome is not None:
            raise ObjectionAlreadyResolvedError(
                f"Objection {number} was already {objection.outcome.value}.", number=number
            )
        event = (
            self.ObjectionUpheld if outcome is ObjectionOutcome.UPHELD else self.ObjectionDismissed
        )
        text = require_reasons(reasons, f"Resolving objection {number}")
        self.trigger_event(event, number=number, reasons=text, meta=meta)

    def connect(self, *, meta: Envelope) -> Platform:
        """Connect the window: the notice is over and no objection stands.

        Returns the new window :class:`Platform`, whose creation must be saved together with
        this application's ``Connected`` event.
        """
        self._check_step({ApplicationStatus.IN_NOTICE}, "connected", meta)
        notice = self._notice()
        notice.check_over(business_date(meta))
        notice.check_over(record_date(meta))  # over by the ledger's clock too
        check_all_resolved(self.objections)
        platform = Platform.connect_after_onboarding(
            application_id=self.id,
            name=self.applicant_name,
            uscc=self.uscc,
            region=self.region,
            categories=self.categories,
            meta=meta,
        )
        self.trigger_event(self.Connected, platform_id=platform.id, meta=meta)
        return platform

    def withdraw(self, *, reason: str, meta: Envelope) -> None:
        """Withdraw the application at the applicant's request, at any point before connection."""
        self._check_step(set(ApplicationStatus) - TERMINAL_STATUSES, "withdrawn", meta)
        self.trigger_event(
            self.Withdrawn, reason=require_reasons(reason, "A withdrawal"), meta=meta
        )

    # --- rules shared by the commands -----------------------------------------------------

    def _check_step(self, allowed: set[ApplicationStatus], action: str, meta: Envelope) -> None:
        if self.status in TERMINAL_STATUSES:
            raise OnboardingApplicationClosedError(
                f"This application is {self.status} and accepts nothing more; re-applying is a "
                "new application.",
                status=self.status.value,
            )
        if self.status not in allowed:
            raise OnboardingStepOutOfOrderError(
                f"An application that is {self.status} cannot be {action}.",
                status=self.status.value,
            )
        check_not_before_submission(meta, self.submitted_at)

    def _notice(self) -> Notice:
        if self.notice is None:  # pragma: no cover - in_notice always has a notice
            raise OnboardingStepOutOfOrderError("No public notice has been published.")
        return self.notice
