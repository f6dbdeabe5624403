"""The one way a route writes: a :class:`Writer`, built once per request as a dependency.

This module deliberately does not use ``from __future__ import annotations``: FastAPI reads the
annotations of the dependency functions built here at run time, and they refer to local names.
"""

from dataclasses import dataclass
from typing import Annotated, Any
from uuid import UUID

from fastapi import Depends, Request, Response
from pydantic import TypeAdapter, ValidationError

from api.deps import (
    IdempotencyKey,
    IfMatch,
    Ledger,
    RequestId,
    idempotency_request,
    parse_if_match,
    require,
)
from api.responses import outcome_response
from api.schemas.common import Body
from ledger.application.app import LedgerApplication
from ledger.application.capability import Command
from ledger.application.context import Principal, RequestContext
from ledger.application.writes import Outcome
from ledger.domain.access_key import Role


def _canonical_path(request: Request) -> str:
    """The path a request's Idempotency-Key fingerprint names: the route's template with its
    parameters as the route reads them (a UUID in its canonical lower-case form, a number as
    the integer it is), so one request gives one fingerprint however the client spelled them."""
    route = request.scope.get("route")
    template: str = getattr(route, "path_format", request.url.path)
    values: dict[str, str] = {}
    for name, raw in request.path_params.items():
        try:
            values[name] = str(UUID(str(raw)))
        except ValueError:
            values[name] = _integer(str(raw))
    return template.format(**values)


_INTEGER: TypeAdapter[int] = TypeAdapter(int)


def _integer(raw: str) -> str:
    """``raw`` as the integer an ``int`` path parameter reads (``+1``, ``01`` and ``1.0`` are all
    ``1``), or as it is if it is not one."""
    try:
        return str(_INTEGER.validate_python(raw))
    except ValidationError:
        return raw


@dataclass(frozen=True)
class Writer:
    """Sends one command of this request to the ledger and answers with its outcome.

    Built once per request (who, which request, If-Match, Idempotency-Key, the route's own
    path), so a route only translates its body into a command: ``write(body.to_command(), body)``.
    """

    ledger: LedgerApplication
    principal: Principal
    request_id: str
    path: str
    if_match: str | None = None
    idempotency_key: str | None = None

    def context(self, body: Body | None = None) -> RequestContext:
        canonical = body.canonical() if body is not None else b""
        return RequestContext(
            principal=self.principal,
            request_id=self.request_id,
            expected_version=parse_if_match(self.if_match),
            idempotency=idempotency_request(
                self.principal, self.idempotency_key, "POST", self.path, canonical
            ),
        )

    def __call__(self, command: Command[Outcome], body: Body) -> Response:
        return outcome_response(self.ledger.handle(command, self.context(body)))


def creating(*roles: Role) -> Any:
    """The writer of a route that creates a resource (takes Idempotency-Key), for ``roles``."""
    allowed = require(*roles)

    def writer(
        request: Request,
        ledger: Ledger,
        principal: Annotated[Principal, allowed],
        request_id: RequestId,
        idempotency_key: IdempotencyKey = None,
    ) -> Writer:
        return Writer(
            ledger, principal, request_id, _canonical_path(request), None, idempotency_key
        )

    return Depends(writer)


def stepping(*roles: Role) -> Any:
    """The writer of a route that acts on a resource (takes If-Match and Idempotency-Key)."""
    allowed = require(*roles)

    def writer(
        request: Request,
        ledger: Ledger,
        principal: Annotated[Principal, allowed],
        request_id: RequestId,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Writer:
        return Writer(
            ledger, principal, request_id, _canonical_path(request), if_match, idempotency_key
        )

    return Depends(writer)


def writing(*roles: Role) -> Any:
    """The writer of a route that takes neither If-Match nor Idempotency-Key (a bulk import)."""
    allowed = require(*roles)

    def writer(
        request: Request,
        ledger: Ledger,
        principal: Annotated[Principal, allowed],
        request_id: RequestId,
    ) -> Writer:
        return Writer(ledger, principal, request_id, _canonical_path(request))

    return Depends(writer)
