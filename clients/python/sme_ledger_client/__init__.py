"""A typed client of the SME Service Ledger API.

:mod:`sme_ledger_client.openapi.api` holds a module per operation (generated from the service's
OpenAPI document), :mod:`sme_ledger_client.openapi.models` their request and answer models;
:class:`Ledger` runs them with a key, retries safely and raises problems as
:mod:`~sme_ledger_client.errors`.
"""

from sme_ledger_client._ledger import Ledger, answer
from sme_ledger_client._transport import RetryingTransport
from sme_ledger_client.errors import (
    BadRequestError,
    ConflictError,
    ForbiddenError,
    LedgerError,
    NotFoundError,
    NotModifiedError,
    PayloadTooLargeError,
    PreconditionFailedError,
    ProblemError,
    UnauthorizedError,
    UnavailableError,
    UnexpectedAnswerError,
    UnprocessableError,
)

__all__ = [
    "BadRequestError",
    "ConflictError",
    "ForbiddenError",
    "Ledger",
    "LedgerError",
    "NotFoundError",
    "NotModifiedError",
    "PayloadTooLargeError",
    "PreconditionFailedError",
    "ProblemError",
    "RetryingTransport",
    "UnauthorizedError",
    "UnavailableError",
    "UnexpectedAnswerError",
    "UnprocessableError",
    "answer",
]
