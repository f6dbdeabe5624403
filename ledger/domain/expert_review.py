"""Expert review (专家评审): scores out of 100 from a panel of the pool, and their mean.

Kept apart from onboarding because the same panel rules serve any review the hub organises
with experts of the pool (onboarding now; appraisals can reuse them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from ledger.domain.errors import (
    ExpertAlreadyReviewedError,
    ExpertInactiveError,
    InvalidReviewScoreError,
    NotEnoughReviewsError,
)
from ledger.domain.expert import Expert

MIN_REVIEWS = 3
"""Experts who must have reviewed before a review is concluded: a panel, not one opinion."""

PASSING_MEAN_SCORE = Decimal(60)
"""The mean score (out of 100) at or above which a review is passed (评审通过)."""


@dataclass(frozen=True)
class Review:
    expert_id: UUID
    expert_name: str
    score: int
    opinion: str
    reviewed_at: datetime


@dataclass(frozen=True)
class ReviewConclusion:
    review_count: int
    mean_score: Decimal
    passed: bool
    opinion: str
    concluded_at: datetime


def mean_score(reviews: Sequence[Review]) -> Decimal | None:
    """The mean of the scores (two decimals, half up); ``None`` before the first review."""
    if not reviews:
        return None
    total = Decimal(sum(r.score for r in reviews))
    return (total / len(reviews)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def check_reviewer(expert: Expert, score: int, reviews: Sequence[Review]) -> None:
    """An active expert of the pool, who has not reviewed yet, gives a score from 0 to 100."""
    if not expert.active:
        raise ExpertInactiveError(
            f"Expert {expert.id} is deactivated and cannot be given new reviews.",
            expert_id=str(expert.id),
        )
    if any(r.expert_id == expert.id for r in reviews):
        raise ExpertAlreadyReviewedError(
            f"Expert {expert.id} has already reviewed this; an expert reviews it once.",
            expert_id=str(expert.id),
        )
    # bool is an int in Python; a score of True is a client error, not a 1.
    if isinstance(score, bool) or not 0 <= score <= 100:
        raise InvalidReviewScoreError(
            f"A review is scored from 0 to 100; got {score}.", score=str(score)
        )


def conclusion_values(reviews: Sequence[Review]) -> tuple[int, Decimal, bool]:
    """The panel's size, its mean score and whether it passed; refused below the panel size."""
    mean = mean_score(reviews)
    if mean is None or len(reviews) < MIN_REVIEWS:
        raise NotEnoughReviewsError(
            f"A review is concluded after at least {MIN_REVIEWS} experts have reviewed; "
            f"{len(reviews)} have. Record the missing reviews first.",
            reviews=len(reviews),
        )
    return len(reviews), mean, mean >= PASSING_MEAN_SCORE
