"""Information security of the platforms (Art. 6.2, 9.2): grading, inspections, incidents."""

from __future__ import annotations

from ledger.domain.errors.base import (
    AlreadyExistsError,
    ForbiddenError,
    NotFoundError,
    RuleViolationError,
)

__all__ = [
    "IncidentClosedError",
    "InvalidProtectionLevelError",
    "InvalidRectificationDeadlineError",
    "InvalidReviewDateError",
    "NotSecurityInspectorError",
    "NothingToRectifyError",
    "SecurityFileExistsError",
    "SecurityFileNotFoundError",
    "UnknownIncidentError",
    "UnknownIncidentSeverityError",
    "UnknownInspectionError",
]


class SecurityFileNotFoundError(NotFoundError):
    code = "security_file_not_found"
    title = "No security records for this platform"


class SecurityFileExistsError(AlreadyExistsError):
    code = "security_file_exists"
    title = "The platform's security file was opened meanwhile"


class NotSecurityInspectorError(ForbiddenError):
    code = "not_security_inspector"
    title = "Not an inspector of this platform"


class InvalidProtectionLevelError(RuleViolationError):
    code = "invalid_protection_level"
    title = "Classified protection levels are 1 to 5"


class InvalidReviewDateError(RuleViolationError):
    code = "invalid_review_date"
    title = "The next review falls after the grading, within three years"


class InvalidRectificationDeadlineError(RuleViolationError):
    code = "invalid_rectification_deadline"
    title = "Findings need a rectification deadline after the inspection"


class UnknownInspectionError(RuleViolationError):
    code = "unknown_inspection"
    title = "No such inspection of this platform"


class NothingToRectifyError(RuleViolationError):
    code = "nothing_to_rectify"
    title = "The inspection has no open findings"


class UnknownIncidentError(RuleViolationError):
    code = "unknown_incident"
    title = "No such incident of this platform"


class IncidentClosedError(RuleViolationError):
    code = "incident_closed"
    title = "The incident is closed already"


class UnknownIncidentSeverityError(RuleViolationError):
    code = "unknown_incident_severity"
    title = "Unknown incident severity"
