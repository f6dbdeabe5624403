"""Public service activities and periodic data reports (Art. 9)."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "ActivityAlreadyHeldError",
    "ActivityExistsError",
    "ActivityFinalisedError",
    "ActivityNotFoundError",
    "ActivityNotHeldError",
    "ActivityTitleRequiredError",
    "DataReportExistsError",
    "DataReportNotFoundError",
    "EmptySubmissionError",
    "HeldOnDateError",
    "InvalidActivityDatesError",
    "InvalidAttendanceError",
    "InvalidDueDateError",
    "InvalidReportFiguresError",
    "InvalidReportPeriodError",
    "InvalidSatisfactionCountsError",
    "NotActivityOrganiserError",
    "NotReportHubError",
    "NotReportWindowError",
    "OccurredBeforePreviousStepError",
    "ReasonRequiredError",
    "ReportAcceptedError",
    "ReportAwaitingReviewError",
    "ReportNotSubmittedError",
    "ReportPeriodNotEndedError",
    "TooManyParticipantsError",
    "UnknownWindowError",
    "VenueRequiredError",
]


class ActivityNotFoundError(NotFoundError):
    code = "activity_not_found"
    title = "Activity not found"


class DataReportNotFoundError(NotFoundError):
    code = "data_report_not_found"
    title = "Data report not found"


class ActivityExistsError(AlreadyExistsError):
    code = "activity_exists"
    title = "Activity already planned"


class DataReportExistsError(AlreadyExistsError):
    code = "data_report_exists"
    title = "Data report already scheduled"


class OccurredBeforePreviousStepError(RuleViolationError):
    code = "occurred_before_previous_step"
    title = "Business time is before the step it follows"


class ReasonRequiredError(RuleViolationError):
    code = "reason_required"
    title = "A reason is required"


class NotActivityOrganiserError(RuleViolationError):
    code = "not_activity_organiser"
    title = "Not the organising platform"


class ActivityTitleRequiredError(RuleViolationError):
    code = "activity_title_required"
    title = "Activity title required"


class InvalidActivityDatesError(RuleViolationError):
    code = "invalid_activity_dates"
    title = "Invalid planned dates"


class VenueRequiredError(RuleViolationError):
    code = "venue_required"
    title = "Venue required"


class InvalidAttendanceError(RuleViolationError):
    code = "invalid_attendance"
    title = "Invalid attendance"


class TooManyParticipantsError(RuleViolationError):
    code = "too_many_participants"
    title = "Too many participating enterprises"


class HeldOnDateError(RuleViolationError):
    code = "invalid_held_on"
    title = "Invalid date of holding"


class ActivityAlreadyHeldError(RuleViolationError):
    code = "activity_already_held"
    title = "Activity already held"


class ActivityNotHeldError(RuleViolationError):
    code = "activity_not_held"
    title = "Activity not held yet"


class ActivityFinalisedError(RuleViolationError):
    code = "activity_finalised"
    title = "Activity evaluated or cancelled"


class InvalidSatisfactionCountsError(RuleViolationError):
    code = "invalid_satisfaction_counts"
    title = "Invalid satisfaction counts"


class InvalidReportPeriodError(RuleViolationError):
    code = "invalid_report_period"
    title = "Invalid reporting period"


class InvalidDueDateError(RuleViolationError):
    code = "invalid_due_date"
    title = "Invalid due date"


class UnknownWindowError(RuleViolationError):
    code = "unknown_window"
    title = "Unknown window platform"


class NotReportWindowError(RuleViolationError):
    code = "not_report_window"
    title = "Not the reporting window"


class NotReportHubError(RuleViolationError):
    code = "not_report_hub"
    title = "Not the requesting hub"


class ReportPeriodNotEndedError(RuleViolationError):
    code = "report_period_not_ended"
    title = "Reporting period not ended"


class EmptySubmissionError(RuleViolationError):
    code = "empty_submission"
    title = "Empty submission"


class InvalidReportFiguresError(RuleViolationError):
    code = "invalid_report_figures"
    title = "Invalid report figures"


class ReportAwaitingReviewError(RuleViolationError):
    code = "report_awaiting_review"
    title = "Report awaiting the hub's review"


class ReportNotSubmittedError(RuleViolationError):
    code = "report_not_submitted"
    title = "Report not submitted"


class ReportAcceptedError(RuleViolationError):
    code = "report_accepted"
    title = "Report already accepted"
