"""Budgets and disbursements (Art. 7, 16)."""

from __future__ import annotations

from ledger.domain.errors.base import (
    AlreadyExistsError,
    ConflictError,
    NotFoundError,
    RuleViolationError,
)

__all__ = [
    "AdjustmentBelowUsedError",
    "AlreadyUsedError",
    "ApplicationPendingError",
    "ApprovedAboveProposedError",
    "BlankFieldError",
    "BudgetExistsError",
    "BudgetNotApprovedError",
    "BudgetNotFoundError",
    "BudgetNotProposedError",
    "BudgetWithoutLinesError",
    "CommitmentNotFoundError",
    "DisbursementExistsError",
    "DisbursementNotFoundError",
    "DisbursementOutOfOrderError",
    "DuplicateLineCodeError",
    "InvalidBudgetYearError",
    "InvalidLineCodeError",
    "InvalidVoucherDigestError",
    "LineDecisionMissingError",
    "NotBudgetHolderError",
    "OverCommitmentError",
    "PaymentDateError",
    "PaymentReferenceUsedError",
    "ReversalExceedsPaidError",
    "SegregationOfDutiesError",
    "UnknownBudgetError",
    "UnknownBudgetLineError",
    "UnknownExpenseCategoryError",
    "VoucherAlreadyUsedError",
    "WrongReversalPartyError",
]


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


class AlreadyUsedError(ConflictError):
    """Something used once in the whole network (a voucher, a bank reference) used again."""

    code = "already_used"
    title = "Already used"


class VoucherAlreadyUsedError(AlreadyUsedError):
    """The voucher already backs another disbursement, in any budget of the network."""

    code = "voucher_already_used"
    title = "Voucher already used"


class PaymentReferenceUsedError(AlreadyUsedError):
    """The bank payment reference already records another payment, in any budget."""

    code = "payment_reference_used"
    title = "Payment reference already used"


class ApplicationPendingError(AlreadyUsedError):
    """The applicant (its USCC) already has an onboarding application that is not closed."""

    code = "application_pending"
    title = "An application of this applicant is pending"


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
