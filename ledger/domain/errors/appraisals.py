"""Appraisals (Art. 11-13)."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "AppraisalConcludedError",
    "AppraisalExistsError",
    "AppraisalNotFoundError",
    "ExpertAlreadyScoredError",
    "InvalidExpertScoreError",
    "InvalidSchemeError",
    "NotAppraiserError",
    "UnknownSubjectError",
]


class AppraisalNotFoundError(NotFoundError):
    code = "appraisal_not_found"
    title = "Appraisal not found"


class AppraisalExistsError(AlreadyExistsError):
    code = "appraisal_exists"
    title = "Appraisal already computed"


class InvalidSchemeError(RuleViolationError):
    code = "invalid_scheme"
    title = "Invalid scoring scheme"


class AppraisalConcludedError(RuleViolationError):
    code = "appraisal_concluded"
    title = "Appraisal concluded"


class InvalidExpertScoreError(RuleViolationError):
    code = "invalid_expert_score"
    title = "Invalid expert score"


class ExpertAlreadyScoredError(RuleViolationError):
    code = "expert_already_scored"
    title = "Expert already scored"


class NotAppraiserError(RuleViolationError):
    code = "not_appraiser"
    title = "Not the appraiser"


class UnknownSubjectError(RuleViolationError):
    code = "unknown_subject"
    title = "Unknown appraisal subject"
