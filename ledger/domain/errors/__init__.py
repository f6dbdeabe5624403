"""Errors raised by the ledger.

Every error carries a stable machine-readable ``code`` (clients branch on it) and a message that
says what went wrong and what to do next. The API maps the families below to HTTP statuses in
one place (``api/problems.py``); nothing else in the ledger knows about HTTP.

    LedgerError
    ├── NotFoundError                      the thing asked for does not exist (or is not yours)
    ├── ConflictError                      the write collides with what is already recorded
    │   ├── AlreadyExistsError             an identity (USCC, external_ref, ...) is taken
    │   └── ConcurrentModificationError    another writer got there first; reload and retry
    ├── PreconditionFailedError            If-Match named a version that is no longer current
    ├── RuleViolationError                 a domain rule refuses the command (one subclass per rule)
    ├── IdempotencyKeyReusedError          an Idempotency-Key was reused with a different request
    └── UnavailableError                   the store cannot take the write now; retry later
"""

from __future__ import annotations

from typing import Any, ClassVar


class LedgerError(Exception):
    """Base class of every error the ledger raises on purpose."""

    code: ClassVar[str] = "ledger_error"
    title: ClassVar[str] = "Ledger error"

    def __init__(self, detail: str, **context: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.context = context


class NotFoundError(LedgerError):
    code = "not_found"
    title = "Not found"


class PlatformNotFoundError(NotFoundError):
    code = "platform_not_found"
    title = "Platform not found"


class EnterpriseNotFoundError(NotFoundError):
    code = "enterprise_not_found"
    title = "Enterprise not found"


class ServiceCaseNotFoundError(NotFoundError):
    code = "service_case_not_found"
    title = "Service case not found"


class AccessKeyNotFoundError(NotFoundError):
    code = "access_key_not_found"
    title = "Access key not found"


class ConflictError(LedgerError):
    code = "conflict"
    title = "Conflict"


class AlreadyExistsError(ConflictError):
    code = "already_exists"
    title = "Already exists"


class PlatformExistsError(AlreadyExistsError):
    code = "platform_exists"
    title = "Platform already registered"


class EnterpriseExistsError(AlreadyExistsError):
    code = "enterprise_exists"
    title = "Enterprise already registered"


class ExternalRefExistsError(AlreadyExistsError):
    code = "external_ref_exists"
    title = "External reference already used"


class AccessKeyExistsError(AlreadyExistsError):
    code = "access_key_exists"
    title = "Access key already issued"


class LedgerInitialisedError(AlreadyExistsError):
    code = "ledger_initialised"
    title = "Ledger already initialised"


class ConcurrentModificationError(ConflictError):
    code = "concurrent_modification"
    title = "Concurrent modification"


class PreconditionFailedError(LedgerError):
    code = "version_mismatch"
    title = "Precondition failed"


class IdempotencyKeyReusedError(LedgerError):
    code = "idempotency_key_reused"
    title = "Idempotency key reused"


class UnavailableError(LedgerError):
    code = "unavailable"
    title = "Service unavailable"
    retry_after_seconds: int = 1


class RuleViolationError(LedgerError):
    """A domain rule refused the command. Subclasses name the rule."""

    code = "rule_violation"
    title = "Rule violated"


# --- value rules -------------------------------------------------------------------------------


class InvalidUSCCError(RuleViolationError):
    code = "invalid_uscc"
    title = "Invalid Unified Social Credit Code"


class UnknownRegionError(RuleViolationError):
    code = "unknown_region"
    title = "Unknown region code"


class UnknownCategoryError(RuleViolationError):
    code = "unknown_category"
    title = "Unknown service category"


class UnknownIndustryError(RuleViolationError):
    code = "unknown_industry"
    title = "Unknown industry"


class InvalidEmployeesError(RuleViolationError):
    code = "invalid_employees"
    title = "Invalid number of employees"


class InvalidAmountError(RuleViolationError):
    code = "invalid_amount"
    title = "Invalid amount"


# --- time rules --------------------------------------------------------------------------------


class OccurredInFutureError(RuleViolationError):
    code = "occurred_in_future"
    title = "Business time is in the future"


class OccurredBeforeOpeningError(RuleViolationError):
    code = "occurred_before_opening"
    title = "Business time is before the case was opened"


# --- platform and access-key rules -------------------------------------------------------------


class PlatformNotConnectedError(RuleViolationError):
    code = "platform_not_connected"
    title = "Platform not connected"


class WrongPlatformKindError(RuleViolationError):
    code = "wrong_platform_kind"
    title = "Wrong platform kind"


class KeyAlreadyRevokedError(RuleViolationError):
    code = "key_already_revoked"
    title = "Key already revoked"


class KeyPlatformMismatchError(RuleViolationError):
    code = "key_platform_mismatch"
    title = "Key role and platform do not fit"


# --- service-case rules ------------------------------------------------------------------------


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


class CaseFinalisedError(RuleViolationError):
    code = "case_finalised"
    title = "Case closed or cancelled"


class InvalidFeeError(RuleViolationError):
    code = "invalid_fee"
    title = "Fee does not match its type"


class DeliveryDateError(RuleViolationError):
    code = "invalid_delivery_date"
    title = "Invalid delivery date"


class UnknownEnterpriseError(RuleViolationError):
    code = "unknown_enterprise"
    title = "Unknown enterprise"


# --- standing rules (orderly entry and exit, Art. 13) ------------------------------------------


class StandingTransitionError(RuleViolationError):
    code = "standing_transition_not_allowed"
    title = "Not allowed in this standing"


class RectificationDeadlineError(RuleViolationError):
    code = "rectification_deadline"
    title = "Rectification deadline"


class RevocationNotRequestedError(RuleViolationError):
    code = "revocation_not_requested"
    title = "Revocation not requested"


class RevokedError(RuleViolationError):
    code = "revoked"
    title = "Qualification revoked"


# --- institutions ------------------------------------------------------------------------------


class InstitutionNotFoundError(NotFoundError):
    code = "institution_not_found"
    title = "Institution not found"


class InstitutionExistsError(AlreadyExistsError):
    code = "institution_exists"
    title = "Institution already registered"


# --- public service activity and data report rules --------------------------------------------


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


class InvalidDocumentDigestError(RuleViolationError):
    code = "invalid_document_digest"
    title = "Invalid document digest"


class ReportAwaitingReviewError(RuleViolationError):
    code = "report_awaiting_review"
    title = "Report awaiting the hub's review"


class ReportNotSubmittedError(RuleViolationError):
    code = "report_not_submitted"
    title = "Report not submitted"


class ReportAcceptedError(RuleViolationError):
    code = "report_accepted"
    title = "Report already accepted"


# --- expert pool, onboarding and publication rules (Art. 6.7, 10, 6.2) -------------------------


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


# --- budget and disbursement rules -------------------------------------------------------------


class BudgetNotFoundError(NotFoundError):
    code = "budget_not_found"
    title = "Budget not found"


class DisbursementNotFoundError(NotFoundError):
    code = "disbursement_not_found"
    title = "Disbursement not found"


class BudgetExistsError(AlreadyExistsError):
    code = "budget_exists"
    title = "Budget already proposed for this year"


class DisbursementExistsError(AlreadyExistsError):
    code = "disbursement_exists"
    title = "Disbursement already recorded"


class InvalidBudgetYearError(RuleViolationError):
    code = "invalid_budget_year"
    title = "Invalid budget year"


class BudgetWithoutLinesError(RuleViolationError):
    code = "budget_without_lines"
    title = "Budget without lines"


class InvalidLineCodeError(RuleViolationError):
    code = "invalid_line_code"
    title = "Invalid budget line code"


class DuplicateLineCodeError(RuleViolationError):
    code = "duplicate_line_code"
    title = "Budget line code used twice"


class UnknownExpenseCategoryError(RuleViolationError):
    code = "unknown_expense_category"
    title = "Unknown expense category"


class BlankFieldError(RuleViolationError):
    code = "blank_field"
    title = "Required text is blank"


class NotBudgetHolderError(RuleViolationError):
    code = "not_budget_holder"
    title = "Not the hub that holds the budget"


class BudgetNotProposedError(RuleViolationError):
    code = "budget_not_proposed"
    title = "Budget no longer proposed"


class BudgetNotApprovedError(RuleViolationError):
    code = "budget_not_approved"
    title = "Budget not approved yet"


class UnknownBudgetError(RuleViolationError):
    code = "unknown_budget"
    title = "Unknown budget"


class UnknownBudgetLineError(RuleViolationError):
    code = "unknown_budget_line"
    title = "Unknown budget line"


class LineDecisionMissingError(RuleViolationError):
    code = "line_decision_missing"
    title = "A budget line was not decided"


class ApprovedAboveProposedError(RuleViolationError):
    code = "approved_above_proposed"
    title = "Approved amount above the proposed amount"


class AdjustmentBelowUsedError(RuleViolationError):
    code = "adjustment_below_used"
    title = "Approved amount below what the line already uses"


class OverCommitmentError(RuleViolationError):
    code = "over_commitment"
    title = "Budget line over-committed"


class VoucherAlreadyUsedError(RuleViolationError):
    code = "voucher_already_used"
    title = "Voucher already used"


class CommitmentNotFoundError(RuleViolationError):
    code = "commitment_not_found"
    title = "No such commitment on the budget"


class InvalidVoucherDigestError(RuleViolationError):
    code = "invalid_voucher_digest"
    title = "Invalid voucher digest"


class DisbursementOutOfOrderError(RuleViolationError):
    code = "disbursement_out_of_order"
    title = "Disbursement step out of order"


class SegregationOfDutiesError(RuleViolationError):
    code = "segregation_of_duties"
    title = "Requester may not approve"


class PaymentDateError(RuleViolationError):
    code = "invalid_payment_date"
    title = "Invalid payment date"


class ReversalExceedsPaidError(RuleViolationError):
    code = "reversal_exceeds_paid"
    title = "Reversal exceeds the amount paid"


class WrongReversalPartyError(RuleViolationError):
    code = "wrong_reversal_party"
    title = "Reversal recorded by the wrong party"


# --- service agreements (Art. 6.5, 9.6) --------------------------------------------------------


class AgreementNotFoundError(NotFoundError):
    code = "agreement_not_found"
    title = "Agreement not found"


class AgreementExistsError(AlreadyExistsError):
    code = "agreement_exists"
    title = "Agreement already proposed"


class UnknownPartyError(RuleViolationError):
    code = "unknown_party"
    title = "Unknown party"


class AgreementPartiesError(RuleViolationError):
    code = "agreement_parties_not_allowed"
    title = "These parties cannot make an agreement"


class NotAPartyError(RuleViolationError):
    code = "not_a_party"
    title = "Not a party to the agreement"


class NotTheCounterpartyError(RuleViolationError):
    code = "not_the_counterparty"
    title = "Only the other party countersigns"


class AgreementScopeError(RuleViolationError):
    code = "invalid_agreement_scope"
    title = "Invalid agreement scope"


class AgreementTermError(RuleViolationError):
    code = "invalid_agreement_term"
    title = "Invalid agreement term"


class DocumentDigestError(RuleViolationError):
    code = "invalid_document_digest"
    title = "Invalid document digest"


class DocumentDigestMismatchError(RuleViolationError):
    code = "document_digest_mismatch"
    title = "Countersigned document differs"


class AgreementStepOutOfOrderError(RuleViolationError):
    code = "agreement_step_out_of_order"
    title = "Agreement step out of order"


class AgreementTerminatedError(RuleViolationError):
    code = "agreement_terminated"
    title = "Agreement terminated"


class AmendmentPendingError(RuleViolationError):
    code = "amendment_pending"
    title = "An amendment is already pending"


class NoPendingAmendmentError(RuleViolationError):
    code = "no_pending_amendment"
    title = "No pending amendment"


class AmendmentChangesNothingError(RuleViolationError):
    code = "amendment_changes_nothing"
    title = "Amendment changes nothing"


class TerminationDateError(RuleViolationError):
    code = "invalid_termination_date"
    title = "Invalid termination date"


class UnknownInstitutionError(RuleViolationError):
    code = "unknown_institution"
    title = "Unknown institution"


class InstitutionNotIdentifiedError(RuleViolationError):
    code = "institution_not_identified"
    title = "Institution not identified by id"


class ProviderIdNotAllowedError(RuleViolationError):
    code = "provider_id_not_allowed"
    title = "An expert is not identified by id"


class NoAgreementInForceError(RuleViolationError):
    code = "no_agreement_in_force"
    title = "No agreement in force"


# --- appraisal rules (Art. 11-13) ---------------------------------------------------------------


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


# --- audit ---------------------------------------------------------------------------------------


class NoCheckpointError(NotFoundError):
    code = "no_checkpoint"
    title = "No checkpoint yet"


class UnknownTreeSizeError(NotFoundError):
    code = "unknown_tree_size"
    title = "No checkpoint of that tree size"


class PositionNotSealedError(NotFoundError):
    code = "position_not_sealed"
    title = "Position not sealed yet"


class PositionNotFoundError(NotFoundError):
    code = "position_not_found"
    title = "No event at that position"


class InvalidTreeRangeError(RuleViolationError):
    code = "invalid_tree_range"
    title = "Invalid pair of tree sizes"


# --- bulk import rules ---


class InvalidRecordError(RuleViolationError):
    """An imported record does not match the schema of a service case (reported per record)."""

    code = "validation_failed"
    title = "Validation failed"
