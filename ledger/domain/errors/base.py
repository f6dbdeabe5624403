"""The families every error of the ledger belongs to; the API maps them to HTTP statuses."""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "AlreadyExistsError",
    "ConcurrentModificationError",
    "ConflictError",
    "ForbiddenError",
    "ForbiddenRoleError",
    "IdempotencyKeyReusedError",
    "LedgerError",
    "NotAuthenticatedError",
    "NotFoundError",
    "PreconditionFailedError",
    "RuleViolationError",
    "UnavailableError",
]


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


class ConflictError(LedgerError):
    code = "conflict"
    title = "Conflict"


class AlreadyExistsError(ConflictError):
    code = "already_exists"
    title = "Already exists"


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


class ForbiddenError(LedgerError):
    """Who asks may not take this step on this subject (the application decides what depends on
    the subject itself, such as who supervises a platform)."""

    code = "forbidden"
    title = "Forbidden"


class ForbiddenRoleError(ForbiddenError):
    code = "forbidden_role"
    title = "Role not allowed"


class NotAuthenticatedError(LedgerError):
    """The credentials a command was decided on were revoked before it could be committed."""

    code = "unauthenticated"
    title = "Authentication required"


class RuleViolationError(LedgerError):
    """A domain rule refused the command. Subclasses name the rule."""

    code = "rule_violation"
    title = "Rule violated"
