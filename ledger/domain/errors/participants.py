"""Platforms, institutions, enterprises, access keys and standing (Art. 10, 13)."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "AccessKeyExistsError",
    "AccessKeyNotFoundError",
    "EnterpriseExistsError",
    "EnterpriseNotFoundError",
    "InstitutionExistsError",
    "InstitutionNotFoundError",
    "KeyAlreadyRevokedError",
    "KeyPlatformMismatchError",
    "LedgerInitialisedError",
    "PlatformExistsError",
    "PlatformNotConnectedError",
    "PlatformNotFoundError",
    "PrioritySupportNotProposedError",
    "RectificationDeadlineError",
    "RevocationNotRequestedError",
    "RevokedError",
    "StandingTransitionError",
    "WrongPlatformKindError",
]


class PlatformNotFoundError(NotFoundError):
    code = "platform_not_found"
    title = "Platform not found"


class EnterpriseNotFoundError(NotFoundError):
    code = "enterprise_not_found"
    title = "Enterprise not found"


class AccessKeyNotFoundError(NotFoundError):
    code = "access_key_not_found"
    title = "Access key not found"


class PlatformExistsError(AlreadyExistsError):
    code = "platform_exists"
    title = "Platform already registered"


class EnterpriseExistsError(AlreadyExistsError):
    code = "enterprise_exists"
    title = "Enterprise already registered"


class AccessKeyExistsError(AlreadyExistsError):
    code = "access_key_exists"
    title = "Access key already issued"


class LedgerInitialisedError(AlreadyExistsError):
    code = "ledger_initialised"
    title = "Ledger already initialised"


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


class StandingTransitionError(RuleViolationError):
    code = "standing_transition_not_allowed"
    title = "Not allowed in this standing"


class PrioritySupportNotProposedError(RuleViolationError):
    code = "priority_support_not_proposed"
    title = "Priority support not proposed"


class RectificationDeadlineError(RuleViolationError):
    code = "rectification_deadline"
    title = "Rectification deadline"


class RevocationNotRequestedError(RuleViolationError):
    code = "revocation_not_requested"
    title = "Revocation not requested"


class RevokedError(RuleViolationError):
    code = "revoked"
    title = "Qualification revoked"


class InstitutionNotFoundError(NotFoundError):
    code = "institution_not_found"
    title = "Institution not found"


class InstitutionExistsError(AlreadyExistsError):
    code = "institution_exists"
    title = "Institution already registered"
