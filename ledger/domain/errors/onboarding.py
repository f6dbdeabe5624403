"""The expert pool, onboarding applications and publications (Art. 6.7, 10, 6.2)."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "ApplicantAlreadyConnectedError",
    "CategoriesRequiredError",
    "ExpertAlreadyDeactivatedError",
    "ExpertAlreadyReviewedError",
    "ExpertExistsError",
    "ExpertInactiveError",
    "ExpertNotFoundError",
    "InvalidNoticePeriodError",
    "InvalidReviewScoreError",
    "InvalidSha256Error",
    "NotEnoughReviewsError",
    "NotPublicationOwnerError",
    "NoticeNotEndedError",
    "ObjectionAlreadyResolvedError",
    "ObjectionNotFoundError",
    "OccurredBeforeSubmissionError",
    "OnboardingApplicationClosedError",
    "OnboardingApplicationExistsError",
    "OnboardingApplicationNotFoundError",
    "OnboardingStepOutOfOrderError",
    "OutsideNoticePeriodError",
    "PublicationContentMissingError",
    "PublicationExistsError",
    "PublicationNotFoundError",
    "PublicationStepOutOfOrderError",
    "ReasonsRequiredError",
    "ReviewNotPassedError",
    "SelfReviewError",
    "UnknownExpertError",
    "UnresolvedObjectionsError",
]


class ExpertNotFoundError(NotFoundError):
    code = "expert_not_found"
    title = "Expert not found"


class ExpertExistsError(AlreadyExistsError):
    code = "expert_exists"
    title = "Expert already registered"


class OnboardingApplicationNotFoundError(NotFoundError):
    code = "onboarding_application_not_found"
    title = "Onboarding application not found"


class OnboardingApplicationExistsError(AlreadyExistsError):
    code = "onboarding_application_exists"
    title = "Onboarding application already recorded"


class ApplicantAlreadyConnectedError(AlreadyExistsError):
    code = "applicant_already_connected"
    title = "Applicant already a platform of the network"


class ObjectionNotFoundError(NotFoundError):
    code = "objection_not_found"
    title = "Objection not found"


class PublicationNotFoundError(NotFoundError):
    code = "publication_not_found"
    title = "Publication not found"


class PublicationExistsError(AlreadyExistsError):
    code = "publication_exists"
    title = "Publication already submitted"


class InvalidSha256Error(RuleViolationError):
    code = "invalid_sha256"
    title = "Invalid SHA-256 digest"


class CategoriesRequiredError(RuleViolationError):
    code = "categories_required"
    title = "At least one service category"


class ReasonsRequiredError(RuleViolationError):
    code = "reasons_required"
    title = "Reasons required"


class OccurredBeforeSubmissionError(RuleViolationError):
    code = "occurred_before_submission"
    title = "Business time is before the submission"


class ExpertAlreadyDeactivatedError(RuleViolationError):
    code = "expert_already_deactivated"
    title = "Expert already deactivated"


class UnknownExpertError(RuleViolationError):
    code = "unknown_expert"
    title = "Unknown expert"


class ExpertInactiveError(RuleViolationError):
    code = "expert_inactive"
    title = "Expert deactivated"


class OnboardingStepOutOfOrderError(RuleViolationError):
    code = "onboarding_step_out_of_order"
    title = "Onboarding step out of order"


class OnboardingApplicationClosedError(RuleViolationError):
    code = "onboarding_application_closed"
    title = "Onboarding application closed"


class InvalidReviewScoreError(RuleViolationError):
    code = "invalid_review_score"
    title = "Review score out of range"


class ExpertAlreadyReviewedError(RuleViolationError):
    code = "expert_already_reviewed"
    title = "Expert already reviewed this application"


class NotEnoughReviewsError(RuleViolationError):
    code = "not_enough_reviews"
    title = "Not enough expert reviews"


class ReviewNotPassedError(RuleViolationError):
    code = "review_not_passed"
    title = "Expert review not passed"


class InvalidNoticePeriodError(RuleViolationError):
    code = "invalid_notice_period"
    title = "Invalid public notice period"


class OutsideNoticePeriodError(RuleViolationError):
    code = "outside_notice_period"
    title = "Outside the public notice period"


class ObjectionAlreadyResolvedError(RuleViolationError):
    code = "objection_already_resolved"
    title = "Objection already resolved"


class NoticeNotEndedError(RuleViolationError):
    code = "notice_not_ended"
    title = "Public notice not ended"


class UnresolvedObjectionsError(RuleViolationError):
    code = "objections_unresolved"
    title = "Objections not resolved"


class PublicationStepOutOfOrderError(RuleViolationError):
    code = "publication_step_out_of_order"
    title = "Publication step out of order"


class PublicationContentMissingError(RuleViolationError):
    code = "publication_content_missing"
    title = "Publication has no content"


class SelfReviewError(RuleViolationError):
    code = "self_review_not_allowed"
    title = "A submission is not reviewed by its submitter"


class NotPublicationOwnerError(RuleViolationError):
    code = "not_publication_owner"
    title = "Not the submitting platform"
