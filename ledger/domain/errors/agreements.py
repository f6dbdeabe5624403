"""Service agreements (Art. 6.5, 9.6)."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "AgreementExistsError",
    "AgreementNotFoundError",
    "AgreementPartiesError",
    "AgreementScopeError",
    "AgreementStepOutOfOrderError",
    "AgreementTermError",
    "AgreementTerminatedError",
    "AmendmentChangesNothingError",
    "AmendmentPendingError",
    "DocumentDigestMismatchError",
    "InstitutionNotIdentifiedError",
    "NoAgreementInForceError",
    "NoPendingAmendmentError",
    "NotAPartyError",
    "NotTheCounterpartyError",
    "ProviderIdNotAllowedError",
    "TerminationDateError",
    "UnknownInstitutionError",
    "UnknownPartyError",
]


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
