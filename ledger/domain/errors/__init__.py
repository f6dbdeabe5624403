"""Errors raised by the ledger, split by area; this package re-exports every one.

Every error carries a stable machine-readable ``code`` (clients branch on it) and a message that
says what went wrong and what to do next. The API maps the families to HTTP statuses in one
place (``api/problems.py``): not found → 404, forbidden → 403, conflict → 409, a stale If-Match
→ 412, a broken rule → 422, revoked credentials → 401, unavailable → 503; nothing else in the
ledger knows about HTTP. Where each error is
defined: ``base`` (the families), ``values``, ``participants``, ``cases``, ``activities``,
``onboarding``, ``funds``, ``agreements``, ``appraisals``, ``periods``, ``audit``,
``personal_data``, ``security``, ``complaints``, ``entrustments``, ``training``. The
complete tree:

    LedgerError
    ├── NotFoundError
    │   ├── PlatformNotFoundError
    │   ├── EnterpriseNotFoundError
    │   ├── ServiceCaseNotFoundError
    │   ├── AccessKeyNotFoundError
    │   ├── InstitutionNotFoundError
    │   ├── ActivityNotFoundError
    │   ├── DataReportNotFoundError
    │   ├── ExpertNotFoundError
    │   ├── OnboardingApplicationNotFoundError
    │   ├── ObjectionNotFoundError
    │   ├── PublicationNotFoundError
    │   ├── BudgetNotFoundError
    │   ├── DisbursementNotFoundError
    │   ├── AgreementNotFoundError
    │   ├── AppraisalNotFoundError
    │   ├── SchemeNotFoundError
    │   ├── PeriodNotFoundError
    │   ├── ContactNotFoundError
    │   ├── SecurityFileNotFoundError
    │   ├── ComplaintNotFoundError
    │   ├── ViolationNotFoundError
    │   ├── EntrustmentNotFoundError
    │   ├── TrainingNotFoundError
    │   ├── AllianceMembershipNotFoundError
    │   ├── NoCheckpointError
    │   ├── NoTimestampError
    │   ├── UnknownTreeSizeError
    │   ├── PositionNotSealedError
    │   ├── PositionNotFoundError
    │   └── TileNotSealedError
    ├── ConflictError
    │   ├── AlreadyExistsError
    │   │   ├── PlatformExistsError
    │   │   ├── EnterpriseExistsError
    │   │   ├── ExternalRefExistsError
    │   │   ├── AccessKeyExistsError
    │   │   ├── LedgerInitialisedError
    │   │   ├── InstitutionExistsError
    │   │   ├── ActivityExistsError
    │   │   ├── DataReportExistsError
    │   │   ├── ExpertExistsError
    │   │   ├── OnboardingApplicationExistsError
    │   │   ├── ApplicantAlreadyConnectedError
    │   │   ├── PublicationExistsError
    │   │   ├── BudgetExistsError
    │   │   ├── DisbursementExistsError
    │   │   ├── AgreementExistsError
    │   │   ├── AppraisalExistsError
    │   │   ├── SchemeExistsError
    │   │   ├── PeriodAlreadyClosedError
    │   │   ├── SecurityFileExistsError
    │   │   ├── ComplaintExistsError
    │   │   ├── ViolationExistsError
    │   │   ├── EntrustmentExistsError
    │   │   ├── TrainingExistsError
    │   │   └── AllianceMembershipExistsError
    │   ├── ConcurrentModificationError
    │   ├── PeriodClosedError
    │   ├── YearNotClosedError
    │   ├── EntryTooLargeError
    │   └── AlreadyUsedError
    │       ├── VoucherAlreadyUsedError
    │       ├── PaymentReferenceUsedError
    │       └── ApplicationPendingError
    ├── PreconditionFailedError
    ├── IdempotencyKeyReusedError
    ├── UnavailableError
    ├── NotAuthenticatedError
    ├── ForbiddenError
    │   ├── ForbiddenRoleError
    │   ├── ContactRestrictedError
    │   └── NotSecurityInspectorError
    └── RuleViolationError
        ├── InvalidUSCCError
        ├── UnknownRegionError
        ├── UnknownCategoryError
        ├── UnknownIndustryError
        ├── InvalidEmployeesError
        ├── InvalidAmountError
        ├── OccurredInFutureError
        ├── OccurredBeforeNetworkError
        ├── OccurredBeforeConnectionError
        ├── DateBeyondHorizonError
        ├── OccurredBeforeOpeningError
        ├── PlatformNotConnectedError
        ├── WrongPlatformKindError
        ├── KeyAlreadyRevokedError
        ├── KeyPlatformMismatchError
        ├── NotCaseOwnerError
        ├── StepOutOfOrderError
        ├── NothingToAmendError
        ├── InvalidReplacementError
        ├── FeedbackBeforeDeliveryError
        ├── FeedbackAlreadyRecordedError
        ├── InvalidSatisfactionError
        ├── CaseFinalisedError
        ├── InvalidFeeError
        ├── DeliveryDateError
        ├── UnknownEnterpriseError
        ├── StandingTransitionError
        ├── PrioritySupportNotProposedError
        ├── RectificationDeadlineError
        ├── RevocationNotRequestedError
        ├── RevokedError
        ├── OccurredBeforePreviousStepError
        ├── ReasonRequiredError
        ├── NotActivityOrganiserError
        ├── ActivityTitleRequiredError
        ├── InvalidActivityDatesError
        ├── VenueRequiredError
        ├── InvalidAttendanceError
        ├── TooManyParticipantsError
        ├── HeldOnDateError
        ├── ActivityAlreadyHeldError
        ├── ActivityNotHeldError
        ├── ActivityFinalisedError
        ├── InvalidSatisfactionCountsError
        ├── InvalidReportPeriodError
        ├── InvalidDueDateError
        ├── UnknownWindowError
        ├── NotReportWindowError
        ├── NotReportHubError
        ├── ReportPeriodNotEndedError
        ├── EmptySubmissionError
        ├── InvalidReportFiguresError
        ├── InvalidDocumentDigestError
        ├── ReportAwaitingReviewError
        ├── ReportNotSubmittedError
        ├── ReportAcceptedError
        ├── InvalidSha256Error
        ├── CategoriesRequiredError
        ├── ReasonsRequiredError
        ├── OccurredBeforeSubmissionError
        ├── ExpertAlreadyDeactivatedError
        ├── UnknownExpertError
        ├── ExpertInactiveError
        ├── OnboardingStepOutOfOrderError
        ├── OnboardingApplicationClosedError
        ├── InvalidReviewScoreError
        ├── ExpertAlreadyReviewedError
        ├── NotEnoughReviewsError
        ├── ReviewNotPassedError
        ├── InvalidNoticePeriodError
        ├── OutsideNoticePeriodError
        ├── ObjectionAlreadyResolvedError
        ├── NoticeNotEndedError
        ├── UnresolvedObjectionsError
        ├── PublicationStepOutOfOrderError
        ├── PublicationContentMissingError
        ├── SelfReviewError
        ├── NotPublicationOwnerError
        ├── InvalidBudgetYearError
        ├── BudgetWithoutLinesError
        ├── InvalidLineCodeError
        ├── DuplicateLineCodeError
        ├── UnknownExpenseCategoryError
        ├── BlankFieldError
        ├── NotBudgetHolderError
        ├── BudgetNotProposedError
        ├── BudgetNotApprovedError
        ├── UnknownBudgetError
        ├── UnknownBudgetLineError
        ├── LineDecisionMissingError
        ├── ApprovedAboveProposedError
        ├── AdjustmentBelowUsedError
        ├── OverCommitmentError
        ├── OutsideBudgetYearError
        ├── InvalidCarryOverError
        ├── CommitmentNotFoundError
        ├── InvalidVoucherDigestError
        ├── DisbursementOutOfOrderError
        ├── SegregationOfDutiesError
        ├── PaymentDateError
        ├── ReversalExceedsPaidError
        ├── WrongReversalPartyError
        ├── UnknownPartyError
        ├── AgreementPartiesError
        ├── NotAPartyError
        ├── NotTheCounterpartyError
        ├── AgreementScopeError
        ├── AgreementTermError
        ├── DocumentDigestMismatchError
        ├── AgreementStepOutOfOrderError
        ├── AgreementTerminatedError
        ├── AmendmentPendingError
        ├── NoPendingAmendmentError
        ├── AmendmentChangesNothingError
        ├── TerminationDateError
        ├── UnknownInstitutionError
        ├── InstitutionNotIdentifiedError
        ├── ProviderIdNotAllowedError
        ├── NoAgreementInForceError
        ├── InvalidSchemeError
        ├── AppraisalConcludedError
        ├── AppraisalSupersededError
        ├── SchemeVersionError
        ├── InvalidExpertScoreError
        ├── ExpertAlreadyScoredError
        ├── ExpertScoresMissingError
        ├── ExpertConflictOfInterestError
        ├── InvalidCitationError
        ├── NotAppraiserError
        ├── UnknownSubjectError
        ├── InvalidPeriodError
        ├── PeriodNotEndedError
        ├── InvalidTreeRangeError
        ├── InvalidRecordError
        ├── ContactEmptyError
        ├── InvalidContactError
        ├── NoContactToEraseError
        ├── UnknownErasureGroundError
        ├── InvalidProtectionLevelError
        ├── InvalidReviewDateError
        ├── InvalidRectificationDeadlineError
        ├── UnknownInspectionError
        ├── NothingToRectifyError
        ├── UnknownIncidentError
        ├── IncidentClosedError
        ├── UnknownIncidentSeverityError
        ├── ComplaintStepOutOfOrderError
        ├── NotComplaintSubjectError
        ├── InvalidResponseDeadlineError
        ├── ComplaintResponsePendingError
        ├── UnknownComplaintError
        ├── ComplaintNotUpheldError
        ├── ViolationSubjectMismatchError
        ├── ViolationStepOutOfOrderError
        ├── InvalidFoundOnError
        ├── InvalidCorrectionDeadlineError
        ├── CorrectionDeadlineNotPassedError
        ├── NotTheEntrustingHubError
        ├── EntrustmentScopeError
        ├── EntrustmentTermError
        ├── EntrustmentStepOutOfOrderError
        ├── EntrustmentTerminatedError
        ├── OperatorAppraisalYearError
        ├── OperatorAlreadyAppraisedError
        ├── RenewalNotEarnedError
        ├── NotTrainingOrganiserError
        ├── TrainingStepOutOfOrderError
        ├── InvalidTrainingDatesError
        ├── InvalidTrainingHoursError
        ├── TrainingNotEndedError
        ├── InvalidRosterError
        ├── InvalidAttendedHoursError
        ├── TraineeNotOwnStaffError
        ├── PersonalNumberRefusedError
        ├── RosterUnchangedError
        ├── UnknownParticipantError
        ├── AllianceMembershipStepOutOfOrderError
        ├── InvalidMembershipDateError
        ├── NotAllianceMemberError
        └── AlreadyAllianceActivityError
"""

from __future__ import annotations

from ledger.domain.errors import (
    activities,
    agreements,
    appraisals,
    audit,
    base,
    cases,
    complaints,
    entrustments,
    funds,
    onboarding,
    participants,
    periods,
    personal_data,
    security,
    training,
    values,
)
from ledger.domain.errors.activities import *  # noqa: F403
from ledger.domain.errors.agreements import *  # noqa: F403
from ledger.domain.errors.appraisals import *  # noqa: F403
from ledger.domain.errors.audit import *  # noqa: F403
from ledger.domain.errors.base import *  # noqa: F403
from ledger.domain.errors.cases import *  # noqa: F403
from ledger.domain.errors.complaints import *  # noqa: F403
from ledger.domain.errors.entrustments import *  # noqa: F403
from ledger.domain.errors.funds import *  # noqa: F403
from ledger.domain.errors.onboarding import *  # noqa: F403
from ledger.domain.errors.participants import *  # noqa: F403
from ledger.domain.errors.periods import *  # noqa: F403
from ledger.domain.errors.personal_data import *  # noqa: F403
from ledger.domain.errors.security import *  # noqa: F403
from ledger.domain.errors.training import *  # noqa: F403
from ledger.domain.errors.values import *  # noqa: F403

__all__ = [
    *base.__all__,
    *values.__all__,
    *participants.__all__,
    *cases.__all__,
    *activities.__all__,
    *onboarding.__all__,
    *funds.__all__,
    *agreements.__all__,
    *appraisals.__all__,
    *periods.__all__,
    *audit.__all__,
    *personal_data.__all__,
    *security.__all__,
    *complaints.__all__,
    *entrustments.__all__,
    *training.__all__,
]
