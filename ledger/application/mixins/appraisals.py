"""Annual appraisals: recorded from figures read at a fixed log position, scored by experts,
concluded with their consequence on the subject (Art. 11-13).

Reading the figures is the views' business (``projections.appraisal``): the composition roots
read them and hand them here, and verification reads them again at the recorded position.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.appraisals import appraisal_view
from ledger.application.mixins.experts import ExpertCommands
from ledger.application.mixins.standing import StandingCommands
from ledger.application.uow import Decision, Outcome, Write
from ledger.domain import ids
from ledger.domain.appraisal import Appraisal
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AppraisalExistsError,
    AppraisalNotFoundError,
    ExpertInactiveError,
    InvalidSchemeError,
    RevokedError,
    StandingTransitionError,
    UnknownSubjectError,
)
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.schemes import Scheme
from ledger.domain.standing import StandingAggregate
from ledger.domain.time import CST


def subject_kind_of(subject: LedgerAggregate) -> str | None:
    if isinstance(subject, Platform):
        return subject.kind.value
    if isinstance(subject, Institution):
        return "institution"
    return None


class AppraisalCommands(StandingCommands, ExpertCommands):
    def record_appraisal(
        self,
        *,
        subject_id: UUID,
        year: int,
        scheme: Scheme,
        position: int,
        as_on: date,
        figures: dict[str, Any],
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Record the appraisal of one subject for ``year`` from figures read at ``position``."""

        def decide(_: Appraisal | None) -> Appraisal:
            subject = self._subject(subject_id)
            kind = subject_kind_of(subject)
            if kind != scheme.subject_kind:
                raise InvalidSchemeError(
                    f"Scheme {scheme.id} appraises a {scheme.subject_kind}; {subject_id} is a "
                    f"{kind}."
                )
            return Appraisal.compute(
                subject_kind=kind,
                subject_id=subject_id,
                year=year,
                scheme=scheme,
                position=position,
                as_on=as_on,
                figures=figures,
                meta=meta,
            )

        return self.uow.run(
            Write(
                stream_id=ids.appraisal_id(subject_id, year),
                aggregate_type=Appraisal,
                decide=decide,
                resource_type="appraisal",
                render=appraisal_view,
                not_found=AppraisalNotFoundError,
                exists=AppraisalExistsError,
            ),
            meta,
            idempotency,
        )

    def add_expert_score(
        self,
        appraisal_id: UUID,
        *,
        expert_id: UUID,
        score: int,
        opinion: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def decide(appraisal: Appraisal | None) -> Appraisal:
            if appraisal is None:
                raise AppraisalNotFoundError(f"No appraisal with id {appraisal_id}.")
            expert = self.get_expert(expert_id)
            if not expert.active:
                raise ExpertInactiveError(f"Expert {expert_id} is no longer in the pool.")
            appraisal.add_expert_score(expert_id=expert_id, score=score, opinion=opinion, meta=meta)
            return appraisal

        return self._run(appraisal_id, decide, meta, expected_version, idempotency)

    def conclude_appraisal(
        self,
        appraisal_id: UUID,
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Fix the total and grade, and apply the consequence to the subject in the same save."""

        def decide(appraisal: Appraisal | None) -> Appraisal | Decision[Appraisal]:
            if appraisal is None:
                raise AppraisalNotFoundError(f"No appraisal with id {appraisal_id}.")
            appraisal._check_open()
            _, _, grade = appraisal.conclusion()
            subject = self._subject(cast(UUID, appraisal.subject_id))
            consequence = self._consequence(appraisal, subject, grade, meta)
            appraisal.conclude(consequence=consequence, meta=meta)
            if subject.pending_events:
                return Decision(appraisal, (subject,))
            return appraisal

        return self._run(appraisal_id, decide, meta, expected_version, idempotency)

    def get_appraisal(self, appraisal_id: UUID, version: int | None = None) -> Appraisal:
        return self.load(appraisal_id, Appraisal, AppraisalNotFoundError, "appraisal", version)

    def list_appraisals(self, *, year: int | None = None) -> list[Appraisal]:
        """Every appraisal (of ``year``), in the order they were computed (through the log)."""
        found = [
            self.get_appraisal(cast(UUID, n.originator_id))
            for n in self.scan([get_topic(Appraisal.Computed)])
        ]
        return [a for a in found if year is None or a.year == year]

    # --- the policy -----------------------------------------------------------------------

    def _consequence(
        self, appraisal: Appraisal, subject: StandingAggregate, grade: str, meta: Envelope
    ) -> str:
        """优秀 brings priority support for the next year; 不合格 an order to rectify within the
        scheme's deadline. Recorded as caused by the appraisal; if the subject's standing does not
        allow it (e.g. already rectifying, or revoked), the reason is recorded instead."""
        caused = Envelope(
            actor=meta.actor,
            platform_id=meta.platform_id,
            correlation_id=meta.correlation_id,
            causation_id=f"appraisal:{appraisal.id}",
            occurred_at=meta.occurred_at,
        )
        citation = f"{appraisal.year}年度绩效考核：{grade}（appraisal {appraisal.id}）"
        try:
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

    # --- internals ------------------------------------------------------------------------

    def _subject(self, subject_id: UUID) -> StandingAggregate:
        subject: LedgerAggregate | None = None
        if subject_id in self.repository:
            subject = self.repository.get(subject_id)
        if not isinstance(subject, StandingAggregate):
            raise UnknownSubjectError(
                f"{subject_id} is neither a platform nor an institution of the network."
            )
        return subject

    def _run(
        self,
        appraisal_id: UUID,
        decide: Any,
        meta: Envelope,
        expected_version: int | None,
        idempotency: IdempotencyRequest | None,
    ) -> Outcome:
        return self.uow.run(
            Write(
                stream_id=appraisal_id,
                aggregate_type=Appraisal,
                decide=decide,
                resource_type="appraisal",
                render=appraisal_view,
                not_found=AppraisalNotFoundError,
                expected_version=expected_version,
            ),
            meta,
            idempotency,
        )
