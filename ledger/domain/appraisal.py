"""Annual appraisal (年度绩效考核, Art. 11-13) of a window, an institution or the hub.

An appraisal is computed once per subject and year: the figures read at one fixed log position
(and "as on" one business day), the scheme used (the whole document and its digest), and the
indicator scores. Expert scores may be added until it is concluded; concluding fixes the total
and the grade. The consequence on the subject (priority support for 优秀, an order to rectify
for 不合格) is recorded by a policy in the same transaction, as events caused by the appraisal.

An appraisal may be superseded, with a reason, by whoever may conclude it (open or concluded):
it then accepts nothing more and can no longer be cited, and the subject's year is appraised
again in a new round (``supersedes`` names the one before); the trail keeps both. What a
concluded one did to the subject stands, and is corrected by the subject's own standing steps.

An appraisal records the scoring it was computed by (``scoring``, see ``schemes``): exact scoring
decides the grade on the exact total; appraisals of the first, rounded scoring keep it.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AppraisalConcludedError,
    AppraisalSupersededError,
    ExpertAlreadyScoredError,
    ExpertScoresMissingError,
    InvalidExpertScoreError,
)
from ledger.domain.schemes import EXACT, ROUNDED, Scheme, parse_scheme, presented

_POINTS = Decimal("0.01")


class Appraisal(LedgerAggregate):
    scoring = ROUNDED
    """The scoring this appraisal was computed by (older snapshots lack it: the first)."""
    supersedes: UUID | None = None
    """The appraisal of the same subject and year this one was computed after (superseded)."""
    superseded_reason: str | None = None
    """Why it was superseded, once it is (older snapshots lack it: none was)."""

    class Computed(LedgerAggregate.Created):
        # Version 2 added the scoring (version 1 was always computed by the first, rounded
        # one) and the appraisal superseded (none before supersession existed).
        class_version = 2

        subject_kind: str
        subject_id: UUID
        year: int
        scheme: dict[str, Any]
        scheme_digest: str
        position: int
        as_on: date
        figures: dict[str, Any]
        scores: list[dict[str, Any]]
        indicators_total: Decimal
        scoring: int = ROUNDED
        supersedes: UUID | None = None

        @staticmethod
        def upcast_v1_v2(state: dict[str, object]) -> None:
            state.update(scoring=ROUNDED, supersedes=None)

        def apply(self, aggregate: Appraisal) -> None:
            aggregate.subject_kind = self.subject_kind
            aggregate.subject_id = self.subject_id
            aggregate.year = self.year
            aggregate.scheme = dict(self.scheme)
            aggregate.scheme_digest = self.scheme_digest
            aggregate.position = self.position
            aggregate.as_on = self.as_on
            aggregate.figures = dict(self.figures)
            aggregate.scores = list(self.scores)
            aggregate.indicators_total = self.indicators_total
            aggregate.scoring = self.scoring
            aggregate.supersedes = self.supersedes

    class Superseded(LedgerAggregate.Event):
        reason: str

        def apply(self, aggregate: Appraisal) -> None:
            aggregate.superseded_reason = self.reason

    class ExpertScoreAdded(LedgerAggregate.Event):
        expert_id: UUID
        score: int
        opinion: str

        def apply(self, aggregate: Appraisal) -> None:
            aggregate.expert_scores[self.expert_id] = self.score

    class Concluded(LedgerAggregate.Event):
        expert_average: Decimal | None
        total: Decimal
        grade: str
        consequence: str

        def apply(self, aggregate: Appraisal) -> None:
            aggregate.expert_average = self.expert_average
            aggregate.total = self.total
            aggregate.grade = self.grade
            aggregate.consequence = self.consequence

    def __init__(self) -> None:
        self.subject_kind = ""
        self.subject_id: UUID | None = None
        self.year = 0
        self.scheme: dict[str, Any] = {}
        self.scheme_digest = ""
        self.position = 0
        self.as_on: date | None = None
        self.figures: dict[str, Any] = {}
        self.scores: list[dict[str, Any]] = []
        self.indicators_total = Decimal(0)
        self.expert_scores: dict[UUID, int] = {}
        self.expert_average: Decimal | None = None
        self.total: Decimal | None = None
        self.grade: str | None = None
        self.consequence: str | None = None

    @classmethod
    def compute(
        cls,
        *,
        subject_kind: str,
        subject_id: UUID,
        year: int,
        scheme: Scheme,
        position: int,
        as_on: date,
        figures: dict[str, Any],
        meta: Envelope,
        superseding: Appraisal | None = None,
    ) -> Appraisal:
        """The appraisal of ``subject_id`` for ``year``: the first, or the next round after
        ``superseding`` (which must be superseded)."""
        scores = scheme.score(figures, EXACT)
        round = 1 if superseding is None else superseding.round + 1
        return cls._create(
            cls.Computed,
            id=ids.appraisal_id(subject_id, year, round),
            subject_kind=subject_kind,
            subject_id=subject_id,
            year=year,
            scheme=scheme.document(),
            scheme_digest=scheme.digest,
            position=position,
            as_on=as_on,
            figures=figures,
            scores=scores,
            indicators_total=presented(scheme.exact_total(figures)),
            scoring=EXACT,
            supersedes=None if superseding is None else superseding.id,
            meta=meta,
        )

    @property
    def is_concluded(self) -> bool:
        return self.grade is not None

    @property
    def is_superseded(self) -> bool:
        return self.superseded_reason is not None

    @property
    def round(self) -> int:
        """1 for a subject's first appraisal of a year, 2 for the one after it was superseded,
        and so on (the stream id follows it: ``ids.appraisal_id``)."""
        subject = self.subject_id
        for n in range(1, 1000):
            if subject is not None and ids.appraisal_id(subject, self.year, n) == self.id:
                return n
        raise ValueError(f"Appraisal {self.id} is of no round of its subject and year.")

    def supersede(self, *, reason: str, meta: Envelope) -> None:
        """Void this appraisal, saying why, so that the year is appraised again."""
        if self.is_superseded:
            raise AppraisalSupersededError(
                f"This appraisal was superseded ({self.superseded_reason}); it accepts nothing "
                "more."
            )
        self.trigger_event(self.Superseded, reason=reason, meta=meta)

    def add_expert_score(
        self, *, expert_id: UUID, score: int, opinion: str, meta: Envelope
    ) -> None:
        self._check_open()
        if not 0 <= score <= 100:
            raise InvalidExpertScoreError(f"An expert scores from 0 to 100; got {score}.")
        if expert_id in self.expert_scores:
            raise ExpertAlreadyScoredError(f"Expert {expert_id} has already scored this appraisal.")
        self.trigger_event(
            self.ExpertScoreAdded, expert_id=expert_id, score=score, opinion=opinion, meta=meta
        )

    def conclusion(self) -> tuple[Decimal | None, Decimal, str]:
        """The expert average, total and grade this appraisal would conclude with now."""
        scheme = parse_scheme(self.scheme)
        if self.scoring == EXACT:
            return self._exact_conclusion(scheme)
        average = None
        total = self.indicators_total
        if self.expert_scores:
            average = (
                Decimal(sum(self.expert_scores.values())) / len(self.expert_scores)
            ).quantize(_POINTS, ROUND_HALF_EVEN)
            weight = scheme.expert_weight
            total = (total * (1 - weight) + average * weight).quantize(_POINTS, ROUND_HALF_EVEN)
        return average, total, scheme.grade(total)

    def _exact_conclusion(self, scheme: Scheme) -> tuple[Decimal | None, Decimal, str]:
        total = scheme.exact_total(self.figures)
        average = None
        if self.expert_scores:
            average = Fraction(sum(self.expert_scores.values()), len(self.expert_scores))
            weight = Fraction(scheme.expert_weight)
            total = total * (1 - weight) + average * weight
        shown = None if average is None else presented(average)
        return shown, presented(total), scheme.grade(total)

    def conclude(self, *, consequence: str, meta: Envelope) -> None:
        self._check_open()
        self.check_scored()
        average, total, grade = self.conclusion()
        self.trigger_event(
            self.Concluded,
            expert_average=average,
            total=total,
            grade=grade,
            consequence=consequence,
            meta=meta,
        )

    def check_scored(self) -> None:
        """Refuse a conclusion before the experts the scheme requires have scored."""
        needed = parse_scheme(self.scheme).experts_needed
        if len(self.expert_scores) < needed:
            raise ExpertScoresMissingError(
                f"The scheme weighs expert scores and requires {needed}; "
                f"{len(self.expert_scores)} given. Add the missing expert scores first.",
                required=needed,
                given=len(self.expert_scores),
            )

    def _check_open(self) -> None:
        if self.is_superseded:
            raise AppraisalSupersededError(
                f"This appraisal was superseded ({self.superseded_reason}); it accepts nothing "
                "more. Its subject's year is appraised again in the next round."
            )
        if self.is_concluded:
            raise AppraisalConcludedError("This appraisal is concluded; it accepts nothing more.")
