"""The one place that maps errors to HTTP: every error is ``application/problem+json`` (RFC 9457).

not found → 404 · role refused for the subject → 403 · conflict → 409 · stale If-Match → 412
rule broken → 422 · validation → 422 (400 for malformed JSON)
credentials revoked before the write committed → 401
overload or store down → 503 + Retry-After
anything else → 500, with no internals (the traceback goes to the log with the request id)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import orjson
import psycopg
from eventsourcing.persistence import InterfaceError, OperationalError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ledger.domain.errors import (
    ConflictError,
    ForbiddenError,
    IdempotencyKeyReusedError,
    LedgerError,
    NotAuthenticatedError,
    NotFoundError,
    PreconditionFailedError,
    RuleViolationError,
    UnavailableError,
)
from ledger.persistence.failfast import DatabaseAwayError
from runtime import metrics

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("api")

# Codes for errors raised by the HTTP layer itself (no ledger error behind them).
_HTTP_CODES = {
    400: ("bad_request", "Bad request"),
    401: ("unauthenticated", "Authentication required"),
    403: ("forbidden", "Forbidden"),
    404: ("route_not_found", "Not found"),
    405: ("method_not_allowed", "Method not allowed"),
    406: ("not_acceptable", "Not acceptable"),
    413: ("body_too_large", "Request body too large"),
    415: ("unsupported_media_type", "Unsupported media type"),
    503: ("unavailable", "Service unavailable"),
}


class ApiError(StarletteHTTPException):
    """An HTTP-layer refusal (authentication, roles, media type) with a stable code."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.code = code
        self.title = title


def problem_body(
    status: int,
    code: str,
    title: str,
    detail: str,
    instance: str,
    request_id: str | None,
    **extra: Any,
) -> bytes:
    body: dict[str, Any] = {
        "type": f"urn:sme-ledger:problem:{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
        "instance": instance,
    }
    if request_id:
        body["request_id"] = request_id
    body.update({k: v for k, v in extra.items() if v is not None})
    return orjson.dumps(body)


def problem(
    request: Request,
    status: int,
    code: str,
    title: str,
    detail: str,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> Response:
    body = problem_body(
        status,
        code,
        title,
        detail,
        request.url.path,
        getattr(request.state, "request_id", None),
        **extra,
    )
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def status_for(error: LedgerError) -> int:
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, ForbiddenError):
        return 403
    if isinstance(error, ConflictError):
        return 409
    if isinstance(error, PreconditionFailedError):
        return 412
    if isinstance(error, RuleViolationError | IdempotencyKeyReusedError):
        return 422
    if isinstance(error, UnavailableError):
        return 503
    if isinstance(error, NotAuthenticatedError):
        return 401
    return 500


def _ledger_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LedgerError)
    status = status_for(exc)
    headers = None
    if isinstance(exc, UnavailableError):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
    if isinstance(exc, NotAuthenticatedError):
        headers = {"WWW-Authenticate": 'Bearer realm="sme-ledger"'}
    if isinstance(exc, ConflictError | PreconditionFailedError):
        metrics.CONFLICTS.labels(exc.code).inc()
    context = {k: v for k, v in exc.context.items() if isinstance(v, str | int | bool)}
    if status == 500:
        log.error("unmapped ledger error %s", exc.code, exc_info=exc)
        return _internal(request)
    return problem(
        request, status, exc.code, exc.title, exc.detail, headers, context=context or None
    )


def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "loc": [str(part) for part in err.get("loc", ())],
            "msg": err.get("msg", ""),
            "type": err.get("type", ""),
        }
        for err in exc.errors()
    ]
    if any(e["type"] == "json_invalid" for e in errors):
        return problem(
            request,
            400,
            "malformed_json",
            "Malformed JSON",
            "The request body is not valid JSON.",
            errors=errors,
        )
    return problem(
        request,
        422,
        "validation_failed",
        "Validation failed",
        "The request does not match the schema; see errors for each field.",
        errors=errors,
    )


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc, ApiError):
        return problem(request, exc.status_code, exc.code, exc.title, str(exc.detail), exc.headers)
    code, title = _HTTP_CODES.get(exc.status_code, ("http_error", "HTTP error"))
    detail = exc.detail if isinstance(exc.detail, str) else title
    if exc.status_code == 413:
        detail = "The request body is larger than this service accepts; split the request."
    return problem(request, exc.status_code, code, title, detail, exc.headers)


def _store_unavailable(request: Request, exc: Exception) -> Response:
    log.warning("event store unavailable: %s", exc)
    return problem(
        request,
        503,
        "unavailable",
        "Service unavailable",
        # A write whose commit was made just before the connection went is answered here too
        # (the fault suite sees it after every crash of PostgreSQL): a client must not take a
        # 503 for a refusal.
        "The event store is not reachable. Retry shortly; send a write again with the same "
        "Idempotency-Key: one whose answer was lost may have been made, and the retry then "
        "answers with it.",
        {"Retry-After": "1"},
    )


def _internal(request: Request) -> Response:
    return problem(
        request,
        500,
        "internal_error",
        "Internal error",
        "Something went wrong on our side; nothing about it is shown here. Quote the request_id "
        "when reporting it.",
    )


def _unexpected(request: Request, exc: Exception) -> Response:
    request_id = getattr(request.state, "request_id", None)
    log.error("unhandled error (request %s)", request_id or "?", exc_info=exc)
    response = _internal(request)
    # Starlette answers this from ServerErrorMiddleware, outside RequestContextMiddleware, so
    # the header that middleware adds to every other answer has to be set here.
    if request_id:
        response.headers["X-Request-ID"] = request_id
    return response


def install(app: FastAPI) -> None:
    app.add_exception_handler(LedgerError, _ledger_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(OperationalError, _store_unavailable)
    app.add_exception_handler(InterfaceError, _store_unavailable)
    app.add_exception_handler(DatabaseAwayError, _store_unavailable)
    # The views' own connections (projections.store) speak psycopg directly.
    app.add_exception_handler(psycopg.OperationalError, _store_unavailable)
    app.add_exception_handler(Exception, _unexpected)
