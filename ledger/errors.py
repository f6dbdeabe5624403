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
