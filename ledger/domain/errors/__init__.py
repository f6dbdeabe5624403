"""Errors raised by the ledger, split by area; this package re-exports every one.

Every error carries a stable machine-readable ``code`` (clients branch on it) and a message that
says what went wrong and what to do next. The API maps the families to HTTP statuses in one
place (``api/problems.py``): not found → 404, forbidden → 403, conflict → 409, a stale If-Match
→ 412, a broken rule → 422, revoked credentials → 401, unavailable → 503; nothing else in the
ledger knows about HTTP. Where each error is
defined: ``base`` (the families), ``values``, ``participants``, ``cases``, ``activities``,
``onboarding``, ``funds``, ``agreements``, ``appraisals``, ``audit``. The complete tree:

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
    │   ├── NoCheckpointError
    │   ├── UnknownTreeSizeError
    │   ├── PositionNotSealedError
    │   └── PositionNotFoundError
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
    │   │   └── AppraisalExistsError
    │   └── ConcurrentModificationError
    ├── PreconditionFailedError
    ├── IdempotencyKeyReusedError
    ├── UnavailableError
    ├── NotAuthenticatedError
    ├── ForbiddenError
    │   └── ForbiddenRoleError
    └── RuleViolationError
        ├── InvalidUSCCError
        ├── UnknownRegionError
        ├── UnknownCategoryError
        ├── UnknownIndustryError
        ├── InvalidEmployeesError
        ├── InvalidAmountError
        ├── OccurredInFutureError
        ├── OccurredBeforeOpeningError
        ├── PlatformNotConnectedError
        ├── WrongPlatformKindError
        ├── KeyAlreadyRevokedError
        ├── KeyPlatformMismatchError
        ├── NotCaseOwnerError
        ├── StepOutOfOrderError
        ├── FeedbackBeforeDeliveryError
        ├── FeedbackAlreadyRecordedError
        ├── InvalidSatisfactionError
        ├── CaseFinalisedError
        ├── InvalidFeeError
        ├── DeliveryDateError
        ├── UnknownEnterpriseError
        ├── StandingTransitionError
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
        ├── VoucherAlreadyUsedError
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
        ├── InvalidExpertScoreError
        ├── ExpertAlreadyScoredError
        ├── NotAppraiserError
        ├── UnknownSubjectError
        ├── InvalidTreeRangeError
        └── InvalidRecordError
"""

from __future__ import annotations

from ledger.domain.errors.activities import (
    ActivityAlreadyHeldError,
    ActivityExistsError,
    ActivityFinalisedError,
    ActivityNotFoundError,
    ActivityNotHeldError,
    ActivityTitleRequiredError,
    DataReportExistsError,
    DataReportNotFoundError,
    EmptySubmissionError,
    HeldOnDateError,
    InvalidActivityDatesError,
    InvalidAttendanceError,
    InvalidDueDateError,
    InvalidReportFiguresError,
    InvalidReportPeriodError,
    InvalidSatisfactionCountsError,
    NotActivityOrganiserError,
    NotReportHubError,
    NotReportWindowError,
    OccurredBeforePreviousStepError,
    ReasonRequiredError,
    ReportAcceptedError,
    ReportAwaitingReviewError,
    ReportNotSubmittedError,
    ReportPeriodNotEndedError,
    TooManyParticipantsError,
    UnknownWindowError,
    VenueRequiredError,
)
from ledger.domain.errors.agreements import (
    AgreementExistsError,
    AgreementNotFoundError,
    AgreementPartiesError,
    AgreementScopeError,
    AgreementStepOutOfOrderError,
    AgreementTermError,
    AgreementTerminatedError,
    AmendmentChangesNothingError,
    AmendmentPendingError,
    DocumentDigestMismatchError,
    InstitutionNotIdentifiedError,
    NoAgreementInForceError,
    NoPendingAmendmentError,
    NotAPartyError,
    NotTheCounterpartyError,
    ProviderIdNotAllowedError,
    TerminationDateError,
    UnknownInstitutionError,
    UnknownPartyError,
)
from ledger.domain.errors.appraisals import (
    AppraisalConcludedError,
    AppraisalExistsError,
    AppraisalNotFoundError,
    ExpertAlreadyScoredError,
    InvalidExpertScoreError,
    InvalidSchemeError,
    NotAppraiserError,
    UnknownSubjectError,
)
from ledger.domain.errors.audit import (
    InvalidTreeRangeError,
    NoCheckpointError,
    PositionNotFoundError,
    PositionNotSealedError,
    UnknownTreeSizeError,
)
from ledger.domain.errors.base import (
    AlreadyExistsError,
    ConcurrentModificationError,
    ConflictError,
    ForbiddenError,
    ForbiddenRoleError,
    IdempotencyKeyReusedError,
    LedgerError,
    NotAuthenticatedError,
    NotFoundError,
    PreconditionFailedError,
    RuleViolationError,
    UnavailableError,
)
from ledger.domain.errors.cases import (
    CaseFinalisedError,
    DeliveryDateError,
    ExternalRefExistsError,
    FeedbackAlreadyRecordedError,
    FeedbackBeforeDeliveryError,
    InvalidFeeError,
    InvalidRecordError,
    InvalidSatisfactionError,
    NotCaseOwnerError,
    ServiceCaseNotFoundError,
    StepOutOfOrderError,
    UnknownEnterpriseError,
)
from ledger.domain.errors.funds import (
    AdjustmentBelowUsedError,
    ApprovedAboveProposedError,
    BlankFieldError,
    BudgetExistsError,
    BudgetNotApprovedError,
    BudgetNotFoundError,
    BudgetNotProposedError,
    BudgetWithoutLinesError,
    CommitmentNotFoundError,
    DisbursementExistsError,
    DisbursementNotFoundError,
    DisbursementOutOfOrderError,
    DuplicateLineCodeError,
    InvalidBudgetYearError,
    InvalidLineCodeError,
    InvalidVoucherDigestError,
    LineDecisionMissingError,
    NotBudgetHolderError,
    OverCommitmentError,
    PaymentDateError,
    ReversalExceedsPaidError,
    SegregationOfDutiesError,
    UnknownBudgetError,
    UnknownBudgetLineError,
    UnknownExpenseCategoryError,
    VoucherAlreadyUsedError,
    WrongReversalPartyError,
)
from ledger.domain.errors.onboarding import (
    ApplicantAlreadyConnectedError,
    CategoriesRequiredError,
    ExpertAlreadyDeactivatedError,
    ExpertAlreadyReviewedError,
    ExpertExistsError,
    ExpertInactiveError,
    ExpertNotFoundError,
    InvalidNoticePeriodError,
    InvalidReviewScoreError,
    InvalidSha256Error,
    NotEnoughReviewsError,
    NoticeNotEndedError,
    NotPublicationOwnerError,
    ObjectionAlreadyResolvedError,
    ObjectionNotFoundError,
    OccurredBeforeSubmissionError,
    OnboardingApplicationClosedError,
    OnboardingApplicationExistsError,
    OnboardingApplicationNotFoundError,
    OnboardingStepOutOfOrderError,
    OutsideNoticePeriodError,
    PublicationContentMissingError,
    PublicationExistsError,
    PublicationNotFoundError,
    PublicationStepOutOfOrderError,
    ReasonsRequiredError,
    ReviewNotPassedError,
    SelfReviewError,
    UnknownExpertError,
    UnresolvedObjectionsError,
)
from ledger.domain.errors.participants import (
    AccessKeyExistsError,
    AccessKeyNotFoundError,
    EnterpriseExistsError,
    EnterpriseNotFoundError,
    InstitutionExistsError,
    InstitutionNotFoundError,
    KeyAlreadyRevokedError,
    KeyPlatformMismatchError,
    LedgerInitialisedError,
    PlatformExistsError,
    PlatformNotConnectedError,
    PlatformNotFoundError,
    RectificationDeadlineError,
    RevocationNotRequestedError,
    RevokedError,
    StandingTransitionError,
    WrongPlatformKindError,
)
from ledger.domain.errors.values import (
    InvalidAmountError,
    InvalidDocumentDigestError,
    InvalidEmployeesError,
    InvalidUSCCError,
    OccurredBeforeOpeningError,
    OccurredInFutureError,
    UnknownCategoryError,
    UnknownIndustryError,
    UnknownRegionError,
)

__all__ = [
    "AccessKeyExistsError",
    "AccessKeyNotFoundError",
    "ActivityAlreadyHeldError",
    "ActivityExistsError",
    "ActivityFinalisedError",
    "ActivityNotFoundError",
    "ActivityNotHeldError",
    "ActivityTitleRequiredError",
    "AdjustmentBelowUsedError",
    "AgreementExistsError",
    "AgreementNotFoundError",
    "AgreementPartiesError",
    "AgreementScopeError",
    "AgreementStepOutOfOrderError",
    "AgreementTermError",
    "AgreementTerminatedError",
    "AlreadyExistsError",
    "AmendmentChangesNothingError",
    "AmendmentPendingError",
    "ApplicantAlreadyConnectedError",
    "AppraisalConcludedError",
    "AppraisalExistsError",
    "AppraisalNotFoundError",
    "ApprovedAboveProposedError",
    "BlankFieldError",
    "BudgetExistsError",
    "BudgetNotApprovedError",
    "BudgetNotFoundError",
    "BudgetNotProposedError",
    "BudgetWithoutLinesError",
    "CaseFinalisedError",
    "CategoriesRequiredError",
    "CommitmentNotFoundError",
    "ConcurrentModificationError",
    "ConflictError",
    "DataReportExistsError",
    "DataReportNotFoundError",
    "DeliveryDateError",
    "DisbursementExistsError",
    "DisbursementNotFoundError",
    "DisbursementOutOfOrderError",
    "DocumentDigestMismatchError",
    "DuplicateLineCodeError",
    "EmptySubmissionError",
    "EnterpriseExistsError",
    "EnterpriseNotFoundError",
    "ExpertAlreadyDeactivatedError",
    "ExpertAlreadyReviewedError",
    "ExpertAlreadyScoredError",
    "ExpertExistsError",
    "ExpertInactiveError",
    "ExpertNotFoundError",
    "ExternalRefExistsError",
    "FeedbackAlreadyRecordedError",
    "FeedbackBeforeDeliveryError",
    "ForbiddenError",
    "ForbiddenRoleError",
    "HeldOnDateError",
    "IdempotencyKeyReusedError",
    "InstitutionExistsError",
    "InstitutionNotFoundError",
    "InstitutionNotIdentifiedError",
    "InvalidActivityDatesError",
    "InvalidAmountError",
    "InvalidAttendanceError",
    "InvalidBudgetYearError",
    "InvalidDocumentDigestError",
    "InvalidDueDateError",
    "InvalidEmployeesError",
    "InvalidExpertScoreError",
    "InvalidFeeError",
    "InvalidLineCodeError",
    "InvalidNoticePeriodError",
    "InvalidRecordError",
    "InvalidReportFiguresError",
    "InvalidReportPeriodError",
    "InvalidReviewScoreError",
    "InvalidSatisfactionCountsError",
    "InvalidSatisfactionError",
    "InvalidSchemeError",
    "InvalidSha256Error",
    "InvalidTreeRangeError",
    "InvalidUSCCError",
    "InvalidVoucherDigestError",
    "KeyAlreadyRevokedError",
    "KeyPlatformMismatchError",
    "LedgerError",
    "LedgerInitialisedError",
    "LineDecisionMissingError",
    "NoAgreementInForceError",
    "NoCheckpointError",
    "NoPendingAmendmentError",
    "NotAPartyError",
    "NotActivityOrganiserError",
    "NotAppraiserError",
    "NotAuthenticatedError",
    "NotBudgetHolderError",
    "NotCaseOwnerError",
    "NotEnoughReviewsError",
    "NotFoundError",
    "NotPublicationOwnerError",
    "NotReportHubError",
    "NotReportWindowError",
    "NotTheCounterpartyError",
    "NoticeNotEndedError",
    "ObjectionAlreadyResolvedError",
    "ObjectionNotFoundError",
    "OccurredBeforeOpeningError",
    "OccurredBeforePreviousStepError",
    "OccurredBeforeSubmissionError",
    "OccurredInFutureError",
    "OnboardingApplicationClosedError",
    "OnboardingApplicationExistsError",
    "OnboardingApplicationNotFoundError",
    "OnboardingStepOutOfOrderError",
    "OutsideNoticePeriodError",
    "OverCommitmentError",
    "PaymentDateError",
    "PlatformExistsError",
    "PlatformNotConnectedError",
    "PlatformNotFoundError",
    "PositionNotFoundError",
    "PositionNotSealedError",
    "PreconditionFailedError",
    "ProviderIdNotAllowedError",
    "PublicationContentMissingError",
    "PublicationExistsError",
    "PublicationNotFoundError",
    "PublicationStepOutOfOrderError",
    "ReasonRequiredError",
    "ReasonsRequiredError",
    "RectificationDeadlineError",
    "ReportAcceptedError",
    "ReportAwaitingReviewError",
    "ReportNotSubmittedError",
    "ReportPeriodNotEndedError",
    "ReversalExceedsPaidError",
    "ReviewNotPassedError",
    "RevocationNotRequestedError",
    "RevokedError",
    "RuleViolationError",
    "SegregationOfDutiesError",
    "SelfReviewError",
    "ServiceCaseNotFoundError",
    "StandingTransitionError",
    "StepOutOfOrderError",
    "TerminationDateError",
    "TooManyParticipantsError",
    "UnavailableError",
    "UnknownBudgetError",
    "UnknownBudgetLineError",
    "UnknownCategoryError",
    "UnknownEnterpriseError",
    "UnknownExpenseCategoryError",
    "UnknownExpertError",
    "UnknownIndustryError",
    "UnknownInstitutionError",
    "UnknownPartyError",
    "UnknownRegionError",
    "UnknownSubjectError",
    "UnknownTreeSizeError",
    "UnknownWindowError",
    "UnresolvedObjectionsError",
    "VenueRequiredError",
    "VoucherAlreadyUsedError",
    "WrongPlatformKindError",
    "WrongReversalPartyError",
]
