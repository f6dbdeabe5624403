"""Contains all the data models used in inputs/outputs"""

from .access_key_issued import AccessKeyIssued
from .access_key_issued_role import AccessKeyIssuedRole
from .access_key_list import AccessKeyList
from .access_key_view import AccessKeyView
from .access_key_view_role import AccessKeyViewRole
from .access_key_written import AccessKeyWritten
from .access_key_written_role import AccessKeyWrittenRole
from .access_page import AccessPage
from .access_record_view import AccessRecordView
from .activity_cancellation_body import ActivityCancellationBody
from .activity_planning import ActivityPlanning
from .activity_planning_kind import ActivityPlanningKind
from .activity_planning_mode import ActivityPlanningMode
from .activity_row import ActivityRow
from .activity_rows import ActivityRows
from .activity_view import ActivityView
from .activity_written import ActivityWritten
from .agreement_list import AgreementList
from .agreement_party import AgreementParty
from .agreement_party_kind import AgreementPartyKind
from .agreement_proposal import AgreementProposal
from .agreement_row import AgreementRow
from .agreement_row_status import AgreementRowStatus
from .agreement_rows import AgreementRows
from .agreement_termination import AgreementTermination
from .agreement_terms import AgreementTerms
from .agreement_terms_period import AgreementTermsPeriod
from .agreement_view import AgreementView
from .agreement_view_status import AgreementViewStatus
from .agreement_written import AgreementWritten
from .agreement_written_status import AgreementWrittenStatus
from .alliance_joining import AllianceJoining
from .alliance_leaving import AllianceLeaving
from .alliance_marking import AllianceMarking
from .alliance_marking_view import AllianceMarkingView
from .alliance_members import AllianceMembers
from .alliance_return import AllianceReturn
from .allowance_body import AllowanceBody
from .allowance_view import AllowanceView
from .amendment_body import AmendmentBody
from .amendment_countersignature_body import AmendmentCountersignatureBody
from .amendment_withdrawal_body import AmendmentWithdrawalBody
from .appraisal_list import AppraisalList
from .appraisal_run import AppraisalRun
from .appraisal_run_result import AppraisalRunResult
from .appraisal_run_subject_kind import AppraisalRunSubjectKind
from .appraisal_view import AppraisalView
from .appraisal_view_expert_scores import AppraisalViewExpertScores
from .appraisal_view_figures import AppraisalViewFigures
from .appraisal_view_grade_type_0 import AppraisalViewGradeType0
from .appraisal_view_status import AppraisalViewStatus
from .appraisal_view_subject_kind import AppraisalViewSubjectKind
from .appraisal_written import AppraisalWritten
from .appraisal_written_expert_scores import AppraisalWrittenExpertScores
from .appraisal_written_figures import AppraisalWrittenFigures
from .appraisal_written_grade_type_0 import AppraisalWrittenGradeType0
from .appraisal_written_status import AppraisalWrittenStatus
from .appraisal_written_subject_kind import AppraisalWrittenSubjectKind
from .approval_body import ApprovalBody
from .approval_signoff import ApprovalSignoff
from .area_averages import AreaAverages
from .assignment_body import AssignmentBody
from .assignment_body_provider_kind import AssignmentBodyProviderKind
from .budget_approval import BudgetApproval
from .budget_line_body import BudgetLineBody
from .budget_line_row import BudgetLineRow
from .budget_line_rows import BudgetLineRows
from .budget_line_view import BudgetLineView
from .budget_line_view_category import BudgetLineViewCategory
from .budget_list import BudgetList
from .budget_money import BudgetMoney
from .budget_proposal import BudgetProposal
from .budget_revision import BudgetRevision
from .budget_view import BudgetView
from .budget_view_status import BudgetViewStatus
from .budget_written import BudgetWritten
from .budget_written_status import BudgetWrittenStatus
from .cancellation_body import CancellationBody
from .carry_over_body import CarryOverBody
from .case_assignment import CaseAssignment
from .case_assignment_provider_kind import CaseAssignmentProviderKind
from .case_batch import CaseBatch
from .case_delivery import CaseDelivery
from .case_delivery_fee_type import CaseDeliveryFeeType
from .case_delivery_mode import CaseDeliveryMode
from .case_feedback import CaseFeedback
from .case_opening import CaseOpening
from .case_opening_channel import CaseOpeningChannel
from .case_page import CasePage
from .case_row import CaseRow
from .case_status import CaseStatus
from .checkpoint_view import CheckpointView
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
from .consistency_proof_view import ConsistencyProofView
from .contact_body import ContactBody
from .contact_erased_state import ContactErasedState
from .contact_erased_state_ground import ContactErasedStateGround
from .contact_erasure_body import ContactErasureBody
from .contact_gone import ContactGone
from .contact_person import ContactPerson
from .contact_recorded_state import ContactRecordedState
from .correction_order import CorrectionOrder
from .correction_record import CorrectionRecord
from .countersignature_body import CountersignatureBody
from .data_report_list import DataReportList
from .data_report_view import DataReportView
from .data_report_written import DataReportWritten
from .delivery_amendment_body import DeliveryAmendmentBody
from .delivery_amendment_body_fee_type import DeliveryAmendmentBodyFeeType
from .delivery_amendment_body_mode import DeliveryAmendmentBodyMode
from .delivery_body import DeliveryBody
from .delivery_body_fee_type import DeliveryBodyFeeType
from .delivery_body_mode import DeliveryBodyMode
from .disbursement_approval import DisbursementApproval
from .disbursement_list import DisbursementList
from .disbursement_rejection import DisbursementRejection
from .disbursement_request_body import DisbursementRequestBody
from .disbursement_row import DisbursementRow
from .disbursement_rows import DisbursementRows
from .disbursement_view import DisbursementView
from .disbursement_view_status import DisbursementViewStatus
from .disbursement_written import DisbursementWritten
from .disbursement_written_status import DisbursementWrittenStatus
from .drift_check_view import DriftCheckView
from .drift_checks import DriftChecks
from .enterprise_figures_update import EnterpriseFiguresUpdate
from .enterprise_registration import EnterpriseRegistration
from .enterprise_service_row import EnterpriseServiceRow
from .enterprise_service_rows import EnterpriseServiceRows
from .enterprise_view import EnterpriseView
from .enterprise_view_size_class import EnterpriseViewSizeClass
from .enterprise_written import EnterpriseWritten
from .enterprise_written_size_class import EnterpriseWrittenSizeClass
from .entrusted_operator import EntrustedOperator
from .entrustment_acceptance import EntrustmentAcceptance
from .entrustment_body import EntrustmentBody
from .entrustment_body_scope import EntrustmentBodyScope
from .entrustment_list import EntrustmentList
from .entrustment_renewal import EntrustmentRenewal
from .entrustment_term import EntrustmentTerm
from .entrustment_termination import EntrustmentTermination
from .entrustment_termination_body import EntrustmentTerminationBody
from .entrustment_view import EntrustmentView
from .entrustment_view_scope import EntrustmentViewScope
from .entrustment_view_status import EntrustmentViewStatus
from .entrustment_written import EntrustmentWritten
from .entrustment_written_scope import EntrustmentWrittenScope
from .entrustment_written_status import EntrustmentWrittenStatus
from .envelope_view import EnvelopeView
from .evaluation_body import EvaluationBody
from .evaluation_body_counts import EvaluationBodyCounts
from .evaluation_view import EvaluationView
from .evaluation_view_counts import EvaluationViewCounts
from .event_page import EventPage
from .event_view import EventView
from .event_view_data import EventViewData
from .expense_category import ExpenseCategory
from .expert_deactivation import ExpertDeactivation
from .expert_list import ExpertList
from .expert_marks_body import ExpertMarksBody
from .expert_marks_view import ExpertMarksView
from .expert_registration import ExpertRegistration
from .expert_row import ExpertRow
from .expert_rows import ExpertRows
from .expert_score_body import ExpertScoreBody
from .expert_view import ExpertView
from .expert_written import ExpertWritten
from .feedback_body import FeedbackBody
from .field_difference import FieldDifference
from .field_error import FieldError
from .figure_difference import FigureDifference
from .grading_body import GradingBody
from .grading_view import GradingView
from .history import History
from .holding_body import HoldingBody
from .holding_view import HoldingView
from .import_summary import ImportSummary
from .imported_record import ImportedRecord
from .imported_record_status import ImportedRecordStatus
from .incident_body import IncidentBody
from .incident_closure_body import IncidentClosureBody
from .incident_view import IncidentView
from .inclusion_proof_view import InclusionProofView
from .indicator_score import IndicatorScore
from .indicator_score_comparison import IndicatorScoreComparison
from .inspection_body import InspectionBody
from .inspection_view import InspectionView
from .institution_list import InstitutionList
from .institution_registration import InstitutionRegistration
from .institution_view import InstitutionView
from .institution_view_standing import InstitutionViewStanding
from .institution_view_status import InstitutionViewStatus
from .institution_written import InstitutionWritten
from .institution_written_standing import InstitutionWrittenStanding
from .institution_written_status import InstitutionWrittenStatus
from .key_identity import KeyIdentity
from .key_identity_role import KeyIdentityRole
from .key_issue import KeyIssue
from .key_issue_role import KeyIssueRole
from .key_revocation import KeyRevocation
from .line_adjustment import LineAdjustment
from .line_decision import LineDecision
from .list_reports_status_type_0 import ListReportsStatusType0
from .liveness import Liveness
from .membership_period_view import MembershipPeriodView
from .membership_view import MembershipView
from .membership_written import MembershipWritten
from .not_corrected_record import NotCorrectedRecord
from .notice_body import NoticeBody
from .notice_view import NoticeView
from .objection_body import ObjectionBody
from .objection_resolution_body import ObjectionResolutionBody
from .objection_resolution_body_outcome import ObjectionResolutionBodyOutcome
from .objection_view import ObjectionView
from .onboarding_application_list import OnboardingApplicationList
from .onboarding_application_view import OnboardingApplicationView
from .onboarding_application_written import OnboardingApplicationWritten
from .onboarding_submission import OnboardingSubmission
from .operator_appraisal_body import OperatorAppraisalBody
from .operator_appraisal_view import OperatorAppraisalView
from .operator_appraisal_view_grade import OperatorAppraisalViewGrade
from .participant_row import ParticipantRow
from .participant_rows import ParticipantRows
from .payment_body import PaymentBody
from .payment_signoff import PaymentSignoff
from .pending_amendment import PendingAmendment
from .period_closing import PeriodClosing
from .period_list import PeriodList
from .period_view import PeriodView
from .period_written import PeriodWritten
from .platform_list import PlatformList
from .platform_registration import PlatformRegistration
from .platform_registration_kind import PlatformRegistrationKind
from .platform_security_row import PlatformSecurityRow
from .platform_view import PlatformView
from .platform_view_kind import PlatformViewKind
from .platform_view_standing import PlatformViewStanding
from .platform_view_status import PlatformViewStatus
from .platform_written import PlatformWritten
from .platform_written_kind import PlatformWrittenKind
from .platform_written_standing import PlatformWrittenStanding
from .platform_written_status import PlatformWrittenStatus
from .priority_support_body import PrioritySupportBody
from .problem import Problem
from .problem_context_type_0 import ProblemContextType0
from .public_key_view import PublicKeyView
from .publication_approval import PublicationApproval
from .publication_list import PublicationList
from .publication_rejection import PublicationRejection
from .publication_submission import PublicationSubmission
from .publication_submission_kind import PublicationSubmissionKind
from .publication_view import PublicationView
from .publication_withdrawal import PublicationWithdrawal
from .publication_written import PublicationWritten
from .publishing_body import PublishingBody
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .readiness_checks_standby import ReadinessChecksStandby
from .readiness_status import ReadinessStatus
from .readiness_views_type_0 import ReadinessViewsType0
from .reasons_body import ReasonsBody
from .reconciliation_row import ReconciliationRow
from .reconciliation_rows import ReconciliationRows
from .rectification_body import RectificationBody
from .rectification_completion_body import RectificationCompletionBody
from .rectification_order_body import RectificationOrderBody
from .rejection_body import RejectionBody
from .rejection_signoff import RejectionSignoff
from .renewal_body import RenewalBody
from .report_acceptance import ReportAcceptance
from .report_request import ReportRequest
from .report_return_view import ReportReturnView
from .report_submission_view import ReportSubmissionView
from .report_submission_view_figures import ReportSubmissionViewFigures
from .return_body import ReturnBody
from .reversal_body import ReversalBody
from .reversal_body_kind import ReversalBodyKind
from .reversal_signoff import ReversalSignoff
from .reversal_signoff_kind import ReversalSignoffKind
from .review_body import ReviewBody
from .review_conclusion_body import ReviewConclusionBody
from .review_conclusion_view import ReviewConclusionView
from .review_view import ReviewView
from .role import Role
from .roster_amendment_body import RosterAmendmentBody
from .roster_body import RosterBody
from .scheme_reference import SchemeReference
from .score_difference import ScoreDifference
from .sealing_key_view import SealingKeyView
from .security_file_view import SecurityFileView
from .security_file_written import SecurityFileWritten
from .security_overview import SecurityOverview
from .service_case_view import ServiceCaseView
from .service_case_view_channel import ServiceCaseViewChannel
from .service_case_view_status import ServiceCaseViewStatus
from .service_case_written import ServiceCaseWritten
from .service_case_written_channel import ServiceCaseWrittenChannel
from .service_case_written_status import ServiceCaseWrittenStatus
from .signoff_view import SignoffView
from .size_from import SizeFrom
from .size_from_size_class import SizeFromSizeClass
from .skipped_subject import SkippedSubject
from .standby_lag import StandbyLag
from .statistics_row import StatisticsRow
from .statistics_row_by_category import StatisticsRowByCategory
from .statistics_row_by_channel import StatisticsRowByChannel
from .statistics_rows import StatisticsRows
from .submission_body import SubmissionBody
from .submission_body_figures import SubmissionBodyFigures
from .table_check_view import TableCheckView
from .termination_body import TerminationBody
from .timeliness_row import TimelinessRow
from .timeliness_rows import TimelinessRows
from .trainee_body import TraineeBody
from .trainee_result import TraineeResult
from .trainee_view import TraineeView
from .training_cancellation import TrainingCancellation
from .training_category import TrainingCategory
from .training_closure import TrainingClosure
from .training_counts import TrainingCounts
from .training_list import TrainingList
from .training_planning import TrainingPlanning
from .training_view import TrainingView
from .training_written import TrainingWritten
from .verification_view import VerificationView
from .verification_view_recomputed_figures import VerificationViewRecomputedFigures
from .view_lag import ViewLag
from .view_status_row import ViewStatusRow
from .view_statuses import ViewStatuses
from .violation_counts import ViolationCounts
from .violation_list import ViolationList
from .violation_record import ViolationRecord
from .violation_record_severity import ViolationRecordSeverity
from .violation_view import ViolationView
from .violation_written import ViolationWritten
from .voiding_body import VoidingBody
from .withdrawal_body import WithdrawalBody

__all__ = (
    "AccessKeyIssued",
    "AccessKeyIssuedRole",
    "AccessKeyList",
    "AccessKeyView",
    "AccessKeyViewRole",
    "AccessKeyWritten",
    "AccessKeyWrittenRole",
    "AccessPage",
    "AccessRecordView",
    "ActivityCancellationBody",
    "ActivityPlanning",
    "ActivityPlanningKind",
    "ActivityPlanningMode",
    "ActivityRow",
    "ActivityRows",
    "ActivityView",
    "ActivityWritten",
    "AgreementList",
    "AgreementParty",
    "AgreementPartyKind",
    "AgreementProposal",
    "AgreementRow",
    "AgreementRows",
    "AgreementRowStatus",
    "AgreementTermination",
    "AgreementTerms",
    "AgreementTermsPeriod",
    "AgreementView",
    "AgreementViewStatus",
    "AgreementWritten",
    "AgreementWrittenStatus",
    "AllianceJoining",
    "AllianceLeaving",
    "AllianceMarking",
    "AllianceMarkingView",
    "AllianceMembers",
    "AllianceReturn",
    "AllowanceBody",
    "AllowanceView",
    "AmendmentBody",
    "AmendmentCountersignatureBody",
    "AmendmentWithdrawalBody",
    "AppraisalList",
    "AppraisalRun",
    "AppraisalRunResult",
    "AppraisalRunSubjectKind",
    "AppraisalView",
    "AppraisalViewExpertScores",
    "AppraisalViewFigures",
    "AppraisalViewGradeType0",
    "AppraisalViewStatus",
    "AppraisalViewSubjectKind",
    "AppraisalWritten",
    "AppraisalWrittenExpertScores",
    "AppraisalWrittenFigures",
    "AppraisalWrittenGradeType0",
    "AppraisalWrittenStatus",
    "AppraisalWrittenSubjectKind",
    "ApprovalBody",
    "ApprovalSignoff",
    "AreaAverages",
    "AssignmentBody",
    "AssignmentBodyProviderKind",
    "BudgetApproval",
    "BudgetLineBody",
    "BudgetLineRow",
    "BudgetLineRows",
    "BudgetLineView",
    "BudgetLineViewCategory",
    "BudgetList",
    "BudgetMoney",
    "BudgetProposal",
    "BudgetRevision",
    "BudgetView",
    "BudgetViewStatus",
    "BudgetWritten",
    "BudgetWrittenStatus",
    "CancellationBody",
    "CarryOverBody",
    "CaseAssignment",
    "CaseAssignmentProviderKind",
    "CaseBatch",
    "CaseDelivery",
    "CaseDeliveryFeeType",
    "CaseDeliveryMode",
    "CaseFeedback",
    "CaseOpening",
    "CaseOpeningChannel",
    "CasePage",
    "CaseRow",
    "CaseStatus",
    "CheckpointView",
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
    "ConsistencyProofView",
    "ContactBody",
    "ContactErasedState",
    "ContactErasedStateGround",
    "ContactErasureBody",
    "ContactGone",
    "ContactPerson",
    "ContactRecordedState",
    "CorrectionOrder",
    "CorrectionRecord",
    "CountersignatureBody",
    "DataReportList",
    "DataReportView",
    "DataReportWritten",
    "DeliveryAmendmentBody",
    "DeliveryAmendmentBodyFeeType",
    "DeliveryAmendmentBodyMode",
    "DeliveryBody",
    "DeliveryBodyFeeType",
    "DeliveryBodyMode",
    "DisbursementApproval",
    "DisbursementList",
    "DisbursementRejection",
    "DisbursementRequestBody",
    "DisbursementRow",
    "DisbursementRows",
    "DisbursementView",
    "DisbursementViewStatus",
    "DisbursementWritten",
    "DisbursementWrittenStatus",
    "DriftChecks",
    "DriftCheckView",
    "EnterpriseFiguresUpdate",
    "EnterpriseRegistration",
    "EnterpriseServiceRow",
    "EnterpriseServiceRows",
    "EnterpriseView",
    "EnterpriseViewSizeClass",
    "EnterpriseWritten",
    "EnterpriseWrittenSizeClass",
    "EntrustedOperator",
    "EntrustmentAcceptance",
    "EntrustmentBody",
    "EntrustmentBodyScope",
    "EntrustmentList",
    "EntrustmentRenewal",
    "EntrustmentTerm",
    "EntrustmentTermination",
    "EntrustmentTerminationBody",
    "EntrustmentView",
    "EntrustmentViewScope",
    "EntrustmentViewStatus",
    "EntrustmentWritten",
    "EntrustmentWrittenScope",
    "EntrustmentWrittenStatus",
    "EnvelopeView",
    "EvaluationBody",
    "EvaluationBodyCounts",
    "EvaluationView",
    "EvaluationViewCounts",
    "EventPage",
    "EventView",
    "EventViewData",
    "ExpenseCategory",
    "ExpertDeactivation",
    "ExpertList",
    "ExpertMarksBody",
    "ExpertMarksView",
    "ExpertRegistration",
    "ExpertRow",
    "ExpertRows",
    "ExpertScoreBody",
    "ExpertView",
    "ExpertWritten",
    "FeedbackBody",
    "FieldDifference",
    "FieldError",
    "FigureDifference",
    "GradingBody",
    "GradingView",
    "History",
    "HoldingBody",
    "HoldingView",
    "ImportedRecord",
    "ImportedRecordStatus",
    "ImportSummary",
    "IncidentBody",
    "IncidentClosureBody",
    "IncidentView",
    "InclusionProofView",
    "IndicatorScore",
    "IndicatorScoreComparison",
    "InspectionBody",
    "InspectionView",
    "InstitutionList",
    "InstitutionRegistration",
    "InstitutionView",
    "InstitutionViewStanding",
    "InstitutionViewStatus",
    "InstitutionWritten",
    "InstitutionWrittenStanding",
    "InstitutionWrittenStatus",
    "KeyIdentity",
    "KeyIdentityRole",
    "KeyIssue",
    "KeyIssueRole",
    "KeyRevocation",
    "LineAdjustment",
    "LineDecision",
    "ListReportsStatusType0",
    "Liveness",
    "MembershipPeriodView",
    "MembershipView",
    "MembershipWritten",
    "NotCorrectedRecord",
    "NoticeBody",
    "NoticeView",
    "ObjectionBody",
    "ObjectionResolutionBody",
    "ObjectionResolutionBodyOutcome",
    "ObjectionView",
    "OnboardingApplicationList",
    "OnboardingApplicationView",
    "OnboardingApplicationWritten",
    "OnboardingSubmission",
    "OperatorAppraisalBody",
    "OperatorAppraisalView",
    "OperatorAppraisalViewGrade",
    "ParticipantRow",
    "ParticipantRows",
    "PaymentBody",
    "PaymentSignoff",
    "PendingAmendment",
    "PeriodClosing",
    "PeriodList",
    "PeriodView",
    "PeriodWritten",
    "PlatformList",
    "PlatformRegistration",
    "PlatformRegistrationKind",
    "PlatformSecurityRow",
    "PlatformView",
    "PlatformViewKind",
    "PlatformViewStanding",
    "PlatformViewStatus",
    "PlatformWritten",
    "PlatformWrittenKind",
    "PlatformWrittenStanding",
    "PlatformWrittenStatus",
    "PrioritySupportBody",
    "Problem",
    "ProblemContextType0",
    "PublicationApproval",
    "PublicationList",
    "PublicationRejection",
    "PublicationSubmission",
    "PublicationSubmissionKind",
    "PublicationView",
    "PublicationWithdrawal",
    "PublicationWritten",
    "PublicKeyView",
    "PublishingBody",
    "Readiness",
    "ReadinessChecks",
    "ReadinessChecksStandby",
    "ReadinessStatus",
    "ReadinessViewsType0",
    "ReasonsBody",
    "ReconciliationRow",
    "ReconciliationRows",
    "RectificationBody",
    "RectificationCompletionBody",
    "RectificationOrderBody",
    "RejectionBody",
    "RejectionSignoff",
    "RenewalBody",
    "ReportAcceptance",
    "ReportRequest",
    "ReportReturnView",
    "ReportSubmissionView",
    "ReportSubmissionViewFigures",
    "ReturnBody",
    "ReversalBody",
    "ReversalBodyKind",
    "ReversalSignoff",
    "ReversalSignoffKind",
    "ReviewBody",
    "ReviewConclusionBody",
    "ReviewConclusionView",
    "ReviewView",
    "Role",
    "RosterAmendmentBody",
    "RosterBody",
    "SchemeReference",
    "ScoreDifference",
    "SealingKeyView",
    "SecurityFileView",
    "SecurityFileWritten",
    "SecurityOverview",
    "ServiceCaseView",
    "ServiceCaseViewChannel",
    "ServiceCaseViewStatus",
    "ServiceCaseWritten",
    "ServiceCaseWrittenChannel",
    "ServiceCaseWrittenStatus",
    "SignoffView",
    "SizeFrom",
    "SizeFromSizeClass",
    "SkippedSubject",
    "StandbyLag",
    "StatisticsRow",
    "StatisticsRowByCategory",
    "StatisticsRowByChannel",
    "StatisticsRows",
    "SubmissionBody",
    "SubmissionBodyFigures",
    "TableCheckView",
    "TerminationBody",
    "TimelinessRow",
    "TimelinessRows",
    "TraineeBody",
    "TraineeResult",
    "TraineeView",
    "TrainingCancellation",
    "TrainingCategory",
    "TrainingClosure",
    "TrainingCounts",
    "TrainingList",
    "TrainingPlanning",
    "TrainingView",
    "TrainingWritten",
    "VerificationView",
    "VerificationViewRecomputedFigures",
    "ViewLag",
    "ViewStatuses",
    "ViewStatusRow",
    "ViolationCounts",
    "ViolationList",
    "ViolationRecord",
    "ViolationRecordSeverity",
    "ViolationView",
    "ViolationWritten",
    "VoidingBody",
    "WithdrawalBody",
)
