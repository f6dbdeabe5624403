"""Annual appraisals: recorded from figures read at a fixed log position, scored by experts,
concluded with their consequence on the subject (Art. 11-13).

Reading the figures is the views' business (``projections.appraisal``): the composition roots
read them and hand them here, and verification reads them again at the recorded position.
The bureau appraises the hub (Art. 11) and the hub appraises windows and institutions (Art.
12): only that role scores or concludes an appraisal, checked here before anything of the write
is (a missing appraisal is reported as missing first); an operator acts with no role.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast
from uuid import UUID

from ledger.application.capability import Capability, Command, View, acts, creates
from ledger.application.commands.appraisals import (
    AddExpertScore,
    ConcludeAppraisal,
    RecordAppraisal,
    SupersedeAppraisal,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface.appraisals import appraisal_view
from ledger.application.lookups import Lookups
from ledger.application.writes import Write
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.appraisal import Appraisal
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AppraisalExistsError,
    AppraisalNotFoundError,
    ExpertConflictOfInterestError,
    ExpertInactiveError,
    ForbiddenRoleError,
    InvalidSchemeError,
    OnboardingApplicationNotFoundError,
    RevokedError,
    StandingTransitionError,
)
from ledger.domain.expert import Expert
from ledger.domain.institution import Institution
from ledger.domain.onboarding import OnboardingApplication
from ledger.domain.platform import Platform
from ledger.domain.standing import StandingAggregate
from ledger.domain.time import CST

_OVERSEERS = (Role.HUB, Role.BUREAU, Role.AUDITOR)


def appraiser_of(subject_kind: str) -> Role:
    """The bureau appraises the hub (Art. 11); the hub appraises windows and institutions
    (Art. 12)."""
    return Role.BUREAU if subject_kind == "hub" else Role.HUB


def check_appraiser(principal: Principal, subject_kind: str) -> None:
    """Refuse a key that does not appraise ``subject_kind`` (an operator has no role)."""
    if principal.role is not None and principal.role is not appraiser_of(subject_kind):
        raise ForbiddenRoleError(
            f"The {appraiser_of(subject_kind).value} appraises a {subject_kind}; "
            f"a {principal.role_name} key cannot."
        )


def subject_kind_of(subject: LedgerAggregate) -> str | None:
    if isinstance(subject, Platform):
        return subject.kind.value
    if isinstance(subject, Institution):
        return "institution"
    return None


class Appraisals(Capability[Appraisal]):
    aggregate = Appraisal
    resource_type = "appraisal"
    label = "appraisal"
    not_found = AppraisalNotFoundError
    target = "appraisal_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Appraisal, on: date) -> View:
        return appraisal_view(aggregate)

    def visible(self, aggregate: Appraisal, principal: Principal) -> bool:
        """The hub, the bureau and auditors see every appraisal; a subject its own."""
        if principal.role in _OVERSEERS:
            return True
        return aggregate.subject_id == principal.platform_id

    def guard(self, aggregate: Appraisal, command: Command[Any], context: RequestContext) -> None:
        """None beyond the appraiser rule, which :meth:`write` checks before anything else."""

    def write(self, command: Command[Any], context: RequestContext, meta: Envelope) -> Write[Any]:
        if isinstance(command, AddExpertScore | ConcludeAppraisal | SupersedeAppraisal):
            appraisal = self.lookups.store.load(
                command.appraisal_id, Appraisal, AppraisalNotFoundError, self.label
            )
            check_appraiser(context.principal, appraisal.subject_kind)
        return super().write(command, context, meta)

    # --- commands --------------------------------------------------------------------------

    @creates(RecordAppraisal, exists=AppraisalExistsError)
    def record_appraisal(self, command: RecordAppraisal, meta: Envelope) -> Appraisal:
        self.lookups.closed_year(command.year)
        subject = self.lookups.subject(command.subject_id)
        kind = subject_kind_of(subject)
        scheme = command.scheme
        if kind != scheme.subject_kind:
            raise InvalidSchemeError(
                f"Scheme {scheme.id} appraises a {scheme.subject_kind}; {command.subject_id} is a "
                f"{kind}."
            )
        return Appraisal.compute(
            subject_kind=kind,
            subject_id=command.subject_id,
            year=command.year,
            scheme=scheme,
            position=command.position,
            as_on=command.as_on,
            figures=command.figures,
            meta=meta,
            superseding=self._superseded(command.subject_id, command.year),
        )

    def _superseded(self, subject_id: UUID, year: int) -> Appraisal | None:
        """The latest appraisal of the subject's year if it was superseded (the next round is
        computed after it); ``None`` if there is none, or if it stands (computing it again is
        then refused as already recorded)."""
        latest: Appraisal | None = None
        for round in range(1, 1000):
            found = self.lookups.store.find(ids.appraisal_id(subject_id, year, round))
            if not isinstance(found, Appraisal):
                break
            latest = found
        return latest if latest is not None and latest.is_superseded else None

    @acts(SupersedeAppraisal)
    def supersede_appraisal(
        self, appraisal: Appraisal, command: SupersedeAppraisal, meta: Envelope
    ) -> None:
        appraisal.supersede(reason=command.reason, meta=meta)

    @acts(AddExpertScore)
    def add_expert_score(
        self, appraisal: Appraisal, command: AddExpertScore, meta: Envelope
    ) -> None:
        expert = self.lookups.expert(command.expert_id)
        if not expert.active:
            raise ExpertInactiveError(f"Expert {command.expert_id} is no longer in the pool.")
        self._check_no_conflict(expert, appraisal)
        appraisal.add_expert_score(
            expert_id=command.expert_id, score=command.score, opinion=command.opinion, meta=meta
        )

    @acts(ConcludeAppraisal)
    def conclude_appraisal(
        self, appraisal: Appraisal, command: ConcludeAppraisal, meta: Envelope
    ) -> tuple[StandingAggregate, ...]:
        """Fix the total and grade, and apply the consequence to the subject in the same save."""
        appraisal._check_open()
        appraisal.check_scored()
        _, _, grade = appraisal.conclusion()
        subject = self.lookups.subject(cast(UUID, appraisal.subject_id))
        consequence = _consequence(appraisal, subject, grade, meta)
        appraisal.conclude(consequence=consequence, meta=meta)
        return (subject,) if subject.pending_events else ()

    def _check_no_conflict(self, expert: Expert, appraisal: Appraisal) -> None:
        """An expert does not score a subject of their own organisation, nor one whose
        onboarding they reviewed (回避)."""
        subject = self.lookups.subject(cast(UUID, appraisal.subject_id))
        name = getattr(subject, "name", "")
        if name and _same_organisation(expert.organisation, name):
            raise ExpertConflictOfInterestError(
                f"Expert {expert.id} works for {expert.organisation}, the subject appraised; "
                "another expert of the pool scores it.",
                expert_id=str(expert.id),
            )
        application_id = getattr(subject, "application_id", None)
        if application_id is not None:
            application = self.lookups.store.load(
                application_id, OnboardingApplication, OnboardingApplicationNotFoundError,
                "onboarding application",
            )  # fmt: skip
            if any(review.expert_id == expert.id for review in application.reviews):
                raise ExpertConflictOfInterestError(
                    f"Expert {expert.id} reviewed the subject's onboarding application; another "
                    "expert of the pool scores its appraisal.",
                    expert_id=str(expert.id),
                )


def _same_organisation(organisation: str, name: str) -> bool:
    """Whether an expert's organisation is the subject (names compared without blanks)."""

    def plain(text: str) -> str:
        return "".join(text.split()).casefold()

    return bool(plain(organisation)) and plain(organisation) == plain(name)


# --- the policy -----------------------------------------------------------------------------


def _consequence(
    appraisal: Appraisal, subject: StandingAggregate, grade: str, meta: Envelope
) -> str:
    """优秀 brings priority support for the next year: the hub proposes it for a window or an
    institution, for the bureau to decide (Art. 13); the bureau, which appraises the hub, grants
    the hub's. 不合格 brings an order to rectify within the scheme's deadline. Recorded as caused
    by the appraisal; if the subject's standing does not allow it (e.g. already rectifying, or
    revoked), the reason is recorded instead."""
    caused = Envelope(
        actor=meta.actor,
        platform_id=meta.platform_id,
        correlation_id=meta.correlation_id,
        causation_id=f"appraisal:{appraisal.id}",
        occurred_at=meta.occurred_at,
    )
    citation = f"appraisal:{appraisal.id}"  # resolvable, as every citation is (citations)
    try:
        if grade == "优秀" and subject.priority_support_is_proposed:
            subject.propose_priority_support(
                year=appraisal.year + 1, citation=citation, note="", meta=caused
            )
            return "priority_support_proposed"
        if grade == "优秀":
            subject.grant_priority_support(
                year=appraisal.year + 1, citation=citation, note="", meta=caused
            )
            return "priority_support_granted"
        if grade == "不合格":
            days = int(appraisal.scheme["rectification_days"])
            failed = [s["label"] for s in appraisal.scores if not s["met"]]
            subject.order_rectification(
                deadline=meta.occurred_at.astimezone(CST).date() + timedelta(days=days),
                reasons="未达标指标：" + "、".join(failed),
                citation=citation,
                meta=caused,
            )
            return "rectification_ordered"
    except (StandingTransitionError, RevokedError) as e:
        return f"none: {e.detail}"
    return "none"
