"""Service cases and their bulk import."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "CaseFinalisedError",
    "DeliveryDateError",
    "ExternalRefExistsError",
    "FeedbackAlreadyRecordedError",
    "FeedbackBeforeDeliveryError",
    "InvalidFeeError",
    "InvalidRecordError",
    "InvalidReplacementError",
    "InvalidSatisfactionError",
    "NotCaseOwnerError",
    "NothingToAmendError",
    "ServiceCaseNotFoundError",
    "StepOutOfOrderError",
    "UnknownEnterpriseError",
]


class ServiceCaseNotFoundError(NotFoundError):
    code = "service_case_not_found"
    title = "Service case not found"


class ExternalRefExistsError(AlreadyExistsError):
    code = "external_ref_exists"
    title = "External reference already used"


class NotCaseOwnerError(RuleViolationError):
    code = "not_case_owner"
    title = "Not the owning window"


class StepOutOfOrderError(RuleViolationError):
    code = "step_out_of_order"
    title = "Step out of order"


class FeedbackBeforeDeliveryError(RuleViolationError):
    code = "feedback_before_delivery"
    title = "Feedback before delivery"


class FeedbackAlreadyRecordedError(RuleViolationError):
    code = "feedback_already_recorded"
    title = "Feedback already recorded"


class InvalidSatisfactionError(RuleViolationError):
    code = "invalid_satisfaction"
    title = "Satisfaction out of range"


class NothingToAmendError(RuleViolationError):
    code = "nothing_to_amend"
    title = "The amendment changes nothing"


class CaseFinalisedError(RuleViolationError):
    code = "case_finalised"
    title = "Case closed, cancelled or voided"


class InvalidFeeError(RuleViolationError):
    code = "invalid_fee"
    title = "Fee does not match its type"


class DeliveryDateError(RuleViolationError):
    code = "invalid_delivery_date"
    title = "Invalid delivery date"


class UnknownEnterpriseError(RuleViolationError):
    code = "unknown_enterprise"
    title = "Unknown enterprise"


class InvalidRecordError(RuleViolationError):
    """An imported record does not match the schema of a service case (reported per record)."""

    code = "validation_failed"
    title = "Validation failed"


class InvalidReplacementError(RuleViolationError):
    code = "invalid_replacement"
    title = "Not a case to replace"
