"""Complaints and violations (Art. 15): the register of how the network's members operate."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "ComplaintExistsError",
    "ComplaintNotFoundError",
    "ComplaintNotUpheldError",
    "ComplaintResponsePendingError",
    "ComplaintStepOutOfOrderError",
    "CorrectionDeadlineNotPassedError",
    "InvalidCorrectionDeadlineError",
    "InvalidFoundOnError",
    "InvalidResponseDeadlineError",
    "NotComplaintSubjectError",
    "UnknownComplaintError",
    "ViolationExistsError",
    "ViolationNotFoundError",
    "ViolationStepOutOfOrderError",
    "ViolationSubjectMismatchError",
]


class ComplaintNotFoundError(NotFoundError):
    code = "complaint_not_found"
    title = "Complaint not found"


class ViolationNotFoundError(NotFoundError):
    code = "violation_not_found"
    title = "Violation not found"


class ComplaintExistsError(AlreadyExistsError):
    code = "complaint_exists"
    title = "Complaint already recorded"


class ViolationExistsError(AlreadyExistsError):
    code = "violation_exists"
    title = "Violation already recorded"


class ComplaintStepOutOfOrderError(RuleViolationError):
    code = "complaint_step_out_of_order"
    title = "Complaint step out of order"


class NotComplaintSubjectError(RuleViolationError):
    """Only the platform or institution complained about states its response."""

    code = "not_complaint_subject"
    title = "Not the subject of the complaint"


class InvalidResponseDeadlineError(RuleViolationError):
    code = "invalid_response_deadline"
    title = "Invalid response deadline"


class ComplaintResponsePendingError(RuleViolationError):
    """A complaint is concluded once the subject has been heard, or its time to answer is over."""

    code = "complaint_response_pending"
    title = "The subject's response is pending"


class UnknownComplaintError(RuleViolationError):
    code = "unknown_complaint"
    title = "Unknown complaint"


class ComplaintNotUpheldError(RuleViolationError):
    code = "complaint_not_upheld"
    title = "Complaint not upheld"


class ViolationSubjectMismatchError(RuleViolationError):
    code = "violation_subject_mismatch"
    title = "Violation and complaint name different subjects"


class ViolationStepOutOfOrderError(RuleViolationError):
    code = "violation_step_out_of_order"
    title = "Violation step out of order"


class InvalidFoundOnError(RuleViolationError):
    code = "invalid_found_on"
    title = "Invalid date of finding"


class InvalidCorrectionDeadlineError(RuleViolationError):
    code = "invalid_correction_deadline"
    title = "Invalid correction deadline"


class CorrectionDeadlineNotPassedError(RuleViolationError):
    code = "correction_deadline_not_passed"
    title = "Correction deadline not passed"
