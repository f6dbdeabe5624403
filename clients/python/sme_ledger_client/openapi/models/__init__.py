"""Contains all the data models used in inputs/outputs"""

from .activity_cancellation_body import ActivityCancellationBody
from .activity_planning import ActivityPlanning
from .activity_planning_kind import ActivityPlanningKind
from .activity_planning_mode import ActivityPlanningMode
from .agreement_proposal import AgreementProposal
from .alliance_joining import AllianceJoining
from .alliance_leaving import AllianceLeaving
from .alliance_marking import AllianceMarking
from .alliance_return import AllianceReturn
from .allowance_body import AllowanceBody
from .amendment_body import AmendmentBody
from .amendment_countersignature_body import AmendmentCountersignatureBody
from .amendment_withdrawal_body import AmendmentWithdrawalBody
from .appraisal_run import AppraisalRun
from .appraisal_run_subject_kind import AppraisalRunSubjectKind
from .approval_body import ApprovalBody
from .assignment_body import AssignmentBody
from .assignment_body_provider_kind import AssignmentBodyProviderKind
from .budget_approval import BudgetApproval
from .budget_line_body import BudgetLineBody
from .budget_proposal import BudgetProposal
from .budget_revision import BudgetRevision
from .cancellation_body import CancellationBody
from .carry_over_body import CarryOverBody
from .case_batch import CaseBatch
from .case_opening import CaseOpening
from .case_opening_channel import CaseOpeningChannel
from .case_status import CaseStatus
from .closure_body import ClosureBody
from .complaint_acceptance import ComplaintAcceptance
from .complaint_category import ComplaintCategory
from .complaint_conclusion import ComplaintConclusion
from .complaint_counts import ComplaintCounts
from .complaint_dismissal import ComplaintDismissal
from .complaint_list import ComplaintList
from .complaint_lodging import ComplaintLodging
from .complaint_response import ComplaintResponse
from .complaint_view import ComplaintView
from .complaint_written import ComplaintWritten
from .conclusion_body import ConclusionBody
from .connection_body import ConnectionBody
from .contact_body import ContactBody
from .contact_erasure_body import ContactErasureBody
from .correction_order import CorrectionOrder
from .correction_record import CorrectionRecord
from .countersignature_body import CountersignatureBody
from .delivery_amendment_body import DeliveryAmendmentBody
from .delivery_amendment_body_fee_type import DeliveryAmendmentBodyFeeType
from .delivery_amendment_body_mode import DeliveryAmendmentBodyMode
from .delivery_body import DeliveryBody
from .delivery_body_fee_type import DeliveryBodyFeeType
from .delivery_body_mode import DeliveryBodyMode
from .disbursement_approval import DisbursementApproval
from .disbursement_rejection import DisbursementRejection
from .disbursement_request_body import DisbursementRequestBody
from .enterprise_figures_update import EnterpriseFiguresUpdate
from .enterprise_registration import EnterpriseRegistration
from .entrustment_acceptance import EntrustmentAcceptance
from .entrustment_body import EntrustmentBody
from .entrustment_body_scope import EntrustmentBodyScope
from .entrustment_termination_body import EntrustmentTerminationBody
from .envelope_view import EnvelopeView
from .evaluation_body import EvaluationBody
from .evaluation_body_counts import EvaluationBodyCounts
from .event_view import EventView
from .event_view_data import EventViewData
from .expense_category import ExpenseCategory
from .expert_deactivation import ExpertDeactivation
from .expert_marks_body import ExpertMarksBody
from .expert_registration import ExpertRegistration
from .expert_score_body import ExpertScoreBody
from .feedback_body import FeedbackBody
from .field_error import FieldError
from .grading_body import GradingBody
from .history import History
from .holding_body import HoldingBody
from .incident_body import IncidentBody
from .incident_closure_body import IncidentClosureBody
from .inspection_body import InspectionBody
from .institution_registration import InstitutionRegistration
from .line_adjustment import LineAdjustment
from .line_decision import LineDecision
from .list_reports_status_type_0 import ListReportsStatusType0
from .not_corrected_record import NotCorrectedRecord
from .notice_body import NoticeBody
from .objection_body import ObjectionBody
from .objection_resolution_body import ObjectionResolutionBody
from .objection_resolution_body_outcome import ObjectionResolutionBodyOutcome
from .onboarding_submission import OnboardingSubmission
from .operator_appraisal_body import OperatorAppraisalBody
from .payment_body import PaymentBody
from .period_closing import PeriodClosing
from .platform_registration import PlatformRegistration
from .platform_registration_kind import PlatformRegistrationKind
from .priority_support_body import PrioritySupportBody
from .problem import Problem
from .problem_context_type_0 import ProblemContextType0
from .publication_approval import PublicationApproval
from .publication_rejection import PublicationRejection
from .publication_submission import PublicationSubmission
from .publication_submission_kind import PublicationSubmissionKind
from .publication_withdrawal import PublicationWithdrawal
from .publishing_body import PublishingBody
from .reasons_body import ReasonsBody
from .rectification_body import RectificationBody
from .rectification_completion_body import RectificationCompletionBody
from .rectification_order_body import RectificationOrderBody
from .rejection_body import RejectionBody
from .renewal_body import RenewalBody
from .report_acceptance import ReportAcceptance
from .report_request import ReportRequest
from .return_body import ReturnBody
from .reversal_body import ReversalBody
from .reversal_body_kind import ReversalBodyKind
from .review_body import ReviewBody
from .review_conclusion_body import ReviewConclusionBody
from .roster_amendment_body import RosterAmendmentBody
from .roster_body import RosterBody
from .submission_body import SubmissionBody
from .submission_body_figures import SubmissionBodyFigures
from .termination_body import TerminationBody
from .trainee_body import TraineeBody
from .trainee_result import TraineeResult
from .training_cancellation import TrainingCancellation
from .training_category import TrainingCategory
from .training_closure import TrainingClosure
from .training_planning import TrainingPlanning
from .violation_record import ViolationRecord
from .violation_record_severity import ViolationRecordSeverity
from .voiding_body import VoidingBody
from .withdrawal_body import WithdrawalBody

__all__ = (
    "ActivityCancellationBody",
    "ActivityPlanning",
    "ActivityPlanningKind",
    "ActivityPlanningMode",
    "AgreementProposal",
    "AllianceJoining",
    "AllianceLeaving",
    "AllianceMarking",
    "AllianceReturn",
    "AllowanceBody",
    "AmendmentBody",
    "AmendmentCountersignatureBody",
    "AmendmentWithdrawalBody",
    "AppraisalRun",
    "AppraisalRunSubjectKind",
    "ApprovalBody",
    "AssignmentBody",
    "AssignmentBodyProviderKind",
    "BudgetApproval",
    "BudgetLineBody",
    "BudgetProposal",
    "BudgetRevision",
    "CancellationBody",
    "CarryOverBody",
    "CaseBatch",
    "CaseOpening",
    "CaseOpeningChannel",
    "CaseStatus",
    "ClosureBody",
    "ComplaintAcceptance",
    "ComplaintCategory",
    "ComplaintConclusion",
    "ComplaintCounts",
    "ComplaintDismissal",
    "ComplaintList",
    "ComplaintLodging",
    "ComplaintResponse",
    "ComplaintView",
    "ComplaintWritten",
    "ConclusionBody",
    "ConnectionBody",
    "ContactBody",
    "ContactErasureBody",
    "CorrectionOrder",
    "CorrectionRecord",
    "CountersignatureBody",
    "DeliveryAmendmentBody",
    "DeliveryAmendmentBodyFeeType",
    "DeliveryAmendmentBodyMode",
    "DeliveryBody",
    "DeliveryBodyFeeType",
    "DeliveryBodyMode",
    "DisbursementApproval",
    "DisbursementRejection",
    "DisbursementRequestBody",
    "EnterpriseFiguresUpdate",
    "EnterpriseRegistration",
    "EntrustmentAcceptance",
    "EntrustmentBody",
    "EntrustmentBodyScope",
    "EntrustmentTerminationBody",
    "EnvelopeView",
    "EvaluationBody",
    "EvaluationBodyCounts",
    "EventView",
    "EventViewData",
    "ExpenseCategory",
    "ExpertDeactivation",
    "ExpertMarksBody",
    "ExpertRegistration",
    "ExpertScoreBody",
    "FeedbackBody",
    "FieldError",
    "GradingBody",
    "History",
    "HoldingBody",
    "IncidentBody",
    "IncidentClosureBody",
    "InspectionBody",
    "InstitutionRegistration",
    "LineAdjustment",
    "LineDecision",
    "ListReportsStatusType0",
    "NotCorrectedRecord",
    "NoticeBody",
    "ObjectionBody",
    "ObjectionResolutionBody",
    "ObjectionResolutionBodyOutcome",
    "OnboardingSubmission",
    "OperatorAppraisalBody",
    "PaymentBody",
    "PeriodClosing",
    "PlatformRegistration",
    "PlatformRegistrationKind",
    "PrioritySupportBody",
    "Problem",
    "ProblemContextType0",
    "PublicationApproval",
    "PublicationRejection",
    "PublicationSubmission",
    "PublicationSubmissionKind",
    "PublicationWithdrawal",
    "PublishingBody",
    "ReasonsBody",
    "RectificationBody",
    "RectificationCompletionBody",
    "RectificationOrderBody",
    "RejectionBody",
    "RenewalBody",
    "ReportAcceptance",
    "ReportRequest",
    "ReturnBody",
    "ReversalBody",
    "ReversalBodyKind",
    "ReviewBody",
    "ReviewConclusionBody",
    "RosterAmendmentBody",
    "RosterBody",
    "SubmissionBody",
    "SubmissionBodyFigures",
    "TerminationBody",
    "TraineeBody",
    "TraineeResult",
    "TrainingCancellation",
    "TrainingCategory",
    "TrainingClosure",
    "TrainingPlanning",
    "ViolationRecord",
    "ViolationRecordSeverity",
    "VoidingBody",
    "WithdrawalBody",
)
