"""The hub's entrustment of its operating institution (Art. 6.1, 12, 13)."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "EntrustmentExistsError",
    "EntrustmentNotFoundError",
    "EntrustmentScopeError",
    "EntrustmentStepOutOfOrderError",
    "EntrustmentTermError",
    "EntrustmentTerminatedError",
    "NotTheEntrustingHubError",
    "OperatorAlreadyAppraisedError",
    "OperatorAppraisalYearError",
    "RenewalNotEarnedError",
]


class EntrustmentNotFoundError(NotFoundError):
    code = "entrustment_not_found"
    title = "Entrustment not found"


class EntrustmentExistsError(AlreadyExistsError):
    code = "entrustment_exists"
    title = "Entrustment already recorded"


class NotTheEntrustingHubError(RuleViolationError):
    code = "not_the_entrusting_hub"
    title = "Only the entrusting hub acts on an entrustment"


class EntrustmentScopeError(RuleViolationError):
    code = "invalid_entrustment_scope"
    title = "Invalid entrustment scope"


class EntrustmentTermError(RuleViolationError):
    code = "invalid_entrustment_term"
    title = "Invalid entrustment term"


class EntrustmentStepOutOfOrderError(RuleViolationError):
    code = "entrustment_step_out_of_order"
    title = "Entrustment step out of order"


class EntrustmentTerminatedError(RuleViolationError):
    code = "entrustment_terminated"
    title = "Entrustment terminated"


class OperatorAppraisalYearError(RuleViolationError):
    code = "invalid_operator_appraisal_year"
    title = "The operator cannot be appraised for this year"


class OperatorAlreadyAppraisedError(RuleViolationError):
    code = "operator_already_appraised"
    title = "Operator already appraised for the year"


class RenewalNotEarnedError(RuleViolationError):
    code = "renewal_not_earned"
    title = "Renewal not earned by the operator's appraisal"
