"""Appraisals (Art. 11-13)."""

from __future__ import annotations

from ledger.domain.errors.base import (
    AlreadyExistsError,
    ConflictError,
    NotFoundError,
    RuleViolationError,
)

__all__ = [
    "AppraisalConcludedError",
    "AppraisalExistsError",
    "AppraisalNotFoundError",
    "AppraisalSupersededError",
    "ExpertAlreadyScoredError",
    "ExpertConflictOfInterestError",
    "ExpertScoresMissingError",
    "InvalidCitationError",
    "InvalidExpertScoreError",
    "InvalidSchemeError",
    "NotAppraiserError",
    "SchemeExistsError",
    "SchemeNotFoundError",
    "SchemeVersionError",
    "UnknownSubjectError",
    "YearNotClosedError",
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


class AppraisalSupersededError(RuleViolationError):
    code = "appraisal_superseded"
    title = "Appraisal superseded"


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
    title = "Unknown subject"


class YearNotClosedError(ConflictError):
    """An appraisal reads a closed year: figures that can still change are not appraised."""

    code = "year_not_closed"
    title = "Year not closed"


class ExpertScoresMissingError(RuleViolationError):
    code = "expert_scores_missing"
    title = "Expert scores missing"


class ExpertConflictOfInterestError(RuleViolationError):
    code = "expert_conflict_of_interest"
    title = "Expert has a conflict of interest"


class InvalidCitationError(RuleViolationError):
    """A change of standing cites neither a concluded appraisal nor a listed ground."""

    code = "invalid_citation"
    title = "Invalid citation"


class SchemeNotFoundError(NotFoundError):
    code = "scheme_not_found"
    title = "Scheme not found"


class SchemeExistsError(AlreadyExistsError):
    code = "scheme_exists"
    title = "Scheme already published for the year"


class SchemeVersionError(RuleViolationError):
    code = "scheme_version_not_newer"
    title = "Scheme version not newer"
