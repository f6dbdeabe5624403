"""Dependencies, each declared once as an ``Annotated`` alias and reused by every router."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AwareDatetime, BeforeValidator
from pydantic_core import PydanticCustomError

from api.problems import ApiError
from ledger.application.app import LedgerApplication
from ledger.application.context import IdempotencyRequest, Principal
from ledger.domain.access_key import Role
from runtime.audit import AuditRuntime
from runtime.settings import Settings


def _ledger(request: Request) -> LedgerApplication:
    ledger: LedgerApplication = request.app.state.ledger
    return ledger


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _audit(request: Request) -> AuditRuntime:
    runtime: AuditRuntime = request.app.state.audit
    return runtime


LARGEST = 2**63 - 1
"""The largest position, size, id or offset a query or path takes (a PostgreSQL bigint): a
larger one is a 422, never a driver's overflow."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]")


def _iso(pattern: re.Pattern[str], what: str) -> BeforeValidator:
    # pydantic also reads a number as seconds since 1970 (`as_on=0` as 1970-01-01): a query
    # takes ISO 8601 only, as its schema says.
    def check(value: object) -> object:
        if isinstance(value, str) and not pattern.match(value):
            raise PydanticCustomError(
                "iso_8601", "Input should be {what} in ISO 8601", {"what": what}
            )
        return value

    return BeforeValidator(check)


IsoDate = Annotated[date, _iso(_ISO_DATE, "a date (YYYY-MM-DD)")]
"""A date in a query: ``2026-03-02``, never a number."""
IsoDateTime = Annotated[AwareDatetime, _iso(_ISO_DATETIME, "a time with an offset")]
"""A time in a query: ISO 8601 with an offset (``2026-03-02T10:00:00+08:00``), never a number."""


def bounded_limit(limit: int, largest: int) -> int:
    """``limit`` if at most ``largest`` (the setting the document states as its maximum), else
    the 422 a schema's maximum gives: never a silent cap."""
    if limit > largest:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", "limit"),
                    "msg": f"Input should be less than or equal to {largest}",
                    "type": "less_than_equal",
                }
            ]
        )
    return limit


Ledger = Annotated[LedgerApplication, Depends(_ledger)]
Audit = Annotated[AuditRuntime, Depends(_audit)]
AppSettings = Annotated[Settings, Depends(_settings)]


def _unauthenticated(detail: str) -> ApiError:
    return ApiError(
        401,
        "unauthenticated",
        "Authentication required",
        detail,
        headers={"WWW-Authenticate": 'Bearer realm="sme-ledger"'},
    )


BEARER = HTTPBearer(
    scheme_name="bearerAuth",
    bearerFormat="sml_…",
    description="An API key (`sml_…`, made with `sme-ledger keys create` or "
    "`POST /v1/access-keys`), sent as "
    "`Authorization: Bearer <key>`.",
    auto_error=False,
)
"""The security scheme of every route that needs a key. It only names the scheme in the OpenAPI
document; :func:`_principal` reads the header itself, to say exactly what is wrong with it."""

Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]


def _principal(request: Request, ledger: Ledger, _credentials: Credentials) -> Principal:
    header = request.headers.get("authorization")
    if not header:
        raise _unauthenticated("Send an API key as `Authorization: Bearer <key>`.")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise _unauthenticated("Use the Bearer scheme: `Authorization: Bearer <key>`.")
    key = ledger.principals.authenticate(secret.strip())
    if key is None:
        raise _unauthenticated("This API key is unknown or revoked.")
    principal = Principal.of_key(key.id, key.role, key.platform_id, key.name)
    # For the access audit trail (api/access_audit.py).
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(_principal)]


def require(*roles: Role) -> Any:
    """A dependency that admits only ``roles`` (and yields the principal)."""
    allowed = frozenset(roles)
    names = ", ".join(sorted(r.value for r in allowed))

    def check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in allowed:
            raise ApiError(
                403,
                "forbidden_role",
                "Role not allowed",
                f"This route is for {names} keys; this key's role is {principal.role_name}.",
            )
        return principal

    return Depends(check)


def request_id(request: Request) -> str:
    rid: str = request.state.request_id
    return rid


RequestId = Annotated[str, Depends(request_id)]


def require_json(request: Request) -> None:
    """Commands take JSON bodies only."""
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media != "application/json" and not (
        media.startswith("application/") and media.endswith("+json")
    ):
        raise ApiError(
            415,
            "unsupported_media_type",
            "Unsupported media type",
            "Send the body as JSON with `Content-Type: application/json`.",
        )


IDEMPOTENCY_KEY_HEADER = Header(
    alias="Idempotency-Key",
    min_length=1,
    max_length=255,
    description="Repeat a POST safely: the same key and body returns the original response.",
)

IdempotencyKey = Annotated[str | None, IDEMPOTENCY_KEY_HEADER]

IF_MATCH_HEADER = Header(
    alias="If-Match",
    description='Make the command conditional on the current version, e.g. `"3"`.',
)

IfMatch = Annotated[str | None, IF_MATCH_HEADER]


def parse_if_match(value: str | None) -> int | None:
    if value is None:
        return None
    raw = value.strip()
    if raw == "*":
        # "Any current version": the resource must exist, which every step requires anyway.
        return None
    if raw.startswith("W/"):
        # If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches.
        raise ApiError(
            412,
            "weak_if_match",
            "Weak ETag in If-Match",
            'If-Match compares strongly: a weak ETag such as W/"3" never matches; send "3".',
        )
    raw = raw.strip('"')
    if not raw.isdigit():
        raise ApiError(
            400,
            "invalid_if_match",
            "Invalid If-Match",
            'If-Match takes the ETag of the resource, such as "3".',
        )
    return int(raw)


def idempotency_request(
    principal: Principal, key: str | None, method: str, route: str, canonical_body: bytes
) -> IdempotencyRequest | None:
    if key is None:
        return None
    return IdempotencyRequest(
        scope=principal.actor,
        key=key,
        fingerprint=IdempotencyRequest.fingerprint_of(method, route, canonical_body),
    )
