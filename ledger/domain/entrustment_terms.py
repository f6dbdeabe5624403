"""The values an entrustment is made of: its scope, its terms, the operator's yearly appraisal
and its status on a day. The rules they carry are explained in :mod:`ledger.domain.entrustment`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any
from uuid import UUID

from ledger.domain.errors import (
    EntrustmentScopeError,
    EntrustmentTermError,
    ExpertAlreadyScoredError,
    ExpertScoresMissingError,
    InvalidDocumentDigestError,
    InvalidExpertScoreError,
)
from ledger.domain.schemes import presented
from ledger.domain.values import parse_sha256


class Scope(StrEnum):
    """What the operator runs (Art. 6.1): the service hall (线下实体), the online platform
    (线上载体), or both."""

    SERVICE_HALL = "service_hall"
    ONLINE_PLATFORM = "online_platform"
    BOTH = "both"

    def covers(self, part: Scope) -> bool:
        return self is Scope.BOTH or self is part


def parse_scope(value: str) -> Scope:
    try:
        return Scope(value)
    except ValueError:
        raise EntrustmentScopeError(
            f"{value!r} is not an entrustment scope; name service_hall, online_platform or both.",
            value=value,
        ) from None


@dataclass(frozen=True)
class Term:
    """One term of the entrustment (days included) and the digest of the document signed for it."""

    starts_on: date
    ends_on: date
    document_sha256: str

    def runs_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def overlaps(self, year: int) -> bool:
        return self.starts_on <= date(year, 12, 31) and self.ends_on >= date(year, 1, 1)


def check_term(starts_on: date, ends_on: date, document_sha256: str) -> Term:
    if ends_on <= starts_on:
        raise EntrustmentTermError(
            f"The term must end after it starts; ends_on {ends_on} is not after starts_on "
            f"{starts_on}.",
            starts_on=starts_on.isoformat(),
            ends_on=ends_on.isoformat(),
        )
    digest = parse_sha256(
        document_sha256,
        error=InvalidDocumentDigestError,
        detail="document_sha256 is the SHA-256 of the signed entrustment agreement "
        "(委托运营协议), as 64 hexadecimal characters",
    )
    return Term(starts_on, ends_on, digest)


# --- the operator's appraisal (Art. 12) -----------------------------------------------------

AREAS = ("overall_operation", "service_performance", "use_of_funds")
"""What the operator is appraised on (Art. 12): the network's overall operation, its service
performance and its use of funds; each expert scores each area from 0 to 100."""

EXPERTS_REQUIRED = 3
GRADES = ((Decimal(90), "优秀"), (Decimal(60), "合格"), (Decimal(0), "不合格"))
"""The same bands as the shipped appraisal schemes."""
RENEWING_GRADES = frozenset({"优秀", "合格"})
"""Art. 13: the hub renews the entrustment of an operator appraised 合格 (or better)."""
_POINTS = Decimal("0.01")


@dataclass(frozen=True)
class ExpertMarks:
    """One expert's scores of the three areas."""

    expert_id: UUID
    overall_operation: int
    service_performance: int
    use_of_funds: int

    def scores(self) -> tuple[int, int, int]:
        return (self.overall_operation, self.service_performance, self.use_of_funds)

    def record(self) -> dict[str, Any]:
        return {"expert_id": str(self.expert_id), **dict(zip(AREAS, self.scores(), strict=True))}


def check_marks(marks: Sequence[ExpertMarks]) -> tuple[ExpertMarks, ...]:
    """The panel's marks, or the rule they break (too few experts, one twice, a score out of
    range)."""
    if len(marks) < EXPERTS_REQUIRED:
        raise ExpertScoresMissingError(
            f"The operator's appraisal is scored by at least {EXPERTS_REQUIRED} experts of the "
            f"pool; {len(marks)} given.",
            required=EXPERTS_REQUIRED,
            given=len(marks),
        )
    seen: set[UUID] = set()
    for mark in marks:
        if mark.expert_id in seen:
            raise ExpertAlreadyScoredError(f"Expert {mark.expert_id} is named twice in the panel.")
        seen.add(mark.expert_id)
        if not all(0 <= score <= 100 for score in mark.scores()):
            raise InvalidExpertScoreError(
                f"An expert scores each area from 0 to 100; expert {mark.expert_id} gave "
                f"{list(mark.scores())}."
            )
    return tuple(marks)


def area_averages(marks: Sequence[dict[str, Any]]) -> dict[str, Decimal]:
    return {
        area: (Decimal(sum(int(m[area]) for m in marks)) / len(marks)).quantize(
            _POINTS, ROUND_HALF_EVEN
        )
        for area in AREAS
    }


def total_and_grade(marks: Sequence[dict[str, Any]]) -> tuple[Decimal, str]:
    """The three areas weigh alike: the total is the mean of their averages. The grade is
    decided on the exact mean (as appraisals are scored, ``schemes``); the total is recorded as
    shown, rounded down to hundredths."""
    exact = sum(
        (Fraction(sum(int(m[area]) for m in marks), len(marks)) for area in AREAS), Fraction(0)
    ) / len(AREAS)
    return presented(exact), next(grade for least, grade in GRADES if exact >= Fraction(least))


@dataclass(frozen=True)
class OperatorAppraisal:
    """The operator's appraisal of one year, as the hub recorded it."""

    year: int
    marks: tuple[dict[str, Any], ...]
    total: Decimal
    grade: str
    note: str
    appraised_on: date


@dataclass(frozen=True)
class Renewal:
    """The term a renewal added, and the appraisal that earned it."""

    term: Term
    appraisal_year: int
    renewed_on: date


@dataclass(frozen=True)
class Termination:
    reason: str
    effective_on: date


class EntrustmentStatus(StrEnum):
    AWAITING_ACCEPTANCE = "awaiting_acceptance"
    NOT_YET_IN_FORCE = "not_yet_in_force"
    IN_FORCE = "in_force"
    LAPSED = "lapsed"
    TERMINATED = "terminated"
