"""What can go wrong, as exceptions a program can catch by kind.

::

    LedgerError
    ├── ProblemError                 the service answered with problem+json (RFC 9457)
    │   ├── BadRequestError          400
    │   ├── UnauthorizedError        401: no key, or an unknown or revoked one
    │   ├── ForbiddenError           403: this key's role may not do this
    │   ├── NotFoundError            404: no such resource, or not one this key may see
    │   ├── ConflictError            409: e.g. an Idempotency-Key reused with another body
    │   ├── PreconditionFailedError  412: If-Match named an older version
    │   ├── PayloadTooLargeError     413
    │   ├── UnprocessableError       422: a field or a rule refused it; ``code`` says which
    │   └── UnavailableError         503: still so after every retry
    ├── NotModifiedError             304 to a read with If-None-Match: what you hold is current
    └── UnexpectedAnswerError        a status or body the document does not describe

Every :class:`ProblemError` carries the problem: ``code`` (stable, for programs), ``detail``
(for people, saying what to do next), ``context``, field ``errors``, and ``request_id`` to quote
when reporting it.
"""

from __future__ import annotations

from typing import Any


class LedgerError(Exception):
    """Anything the client raises of its own."""


class ProblemError(LedgerError):
    """The service refused the request and said why (``application/problem+json``)."""

    status: int = 0

    def __init__(self, status: int, problem: dict[str, Any]) -> None:
        self.status = status
        self.problem = problem
        self.code: str = str(problem.get("code", ""))
        self.detail: str = str(problem.get("detail", ""))
        self.context: dict[str, Any] = problem.get("context") or {}
        self.errors: list[dict[str, Any]] = problem.get("errors") or []
        self.request_id: str | None = problem.get("request_id")
        super().__init__(f"{status} {self.code}: {self.detail}")


class BadRequestError(ProblemError):
    status = 400


class UnauthorizedError(ProblemError):
    status = 401


class ForbiddenError(ProblemError):
    status = 403


class NotFoundError(ProblemError):
    status = 404


class ConflictError(ProblemError):
    status = 409


class PreconditionFailedError(ProblemError):
    status = 412


class PayloadTooLargeError(ProblemError):
    status = 413


class UnprocessableError(ProblemError):
    status = 422


class UnavailableError(ProblemError):
    status = 503


_BY_STATUS: dict[int, type[ProblemError]] = {
    kind.status: kind
    for kind in (
        BadRequestError, UnauthorizedError, ForbiddenError, NotFoundError, ConflictError,
        PreconditionFailedError, PayloadTooLargeError, UnprocessableError, UnavailableError,
    )
}  # fmt: skip


def problem_error(status: int, problem: dict[str, Any]) -> ProblemError:
    """The exception for a problem answer with ``status``."""
    return _BY_STATUS.get(status, ProblemError)(status, problem)


class NotModifiedError(LedgerError):
    """A conditional read found the resource unchanged (304): the copy you hold is current."""

    def __init__(self, etag: str | None) -> None:
        self.etag = etag
        super().__init__(f"Not modified (ETag {etag})")


class UnexpectedAnswerError(LedgerError):
    """An answer the OpenAPI document does not describe (a client older than the service?)."""

    def __init__(self, status: int, content: bytes) -> None:
        self.status = status
        self.content = content
        super().__init__(f"Unexpected answer {status}: {content[:200].decode(errors='replace')}")
