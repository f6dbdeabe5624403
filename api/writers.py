"""The one way a route writes: a :class:`Writer`, built once per request as a dependency.

This module deliberately does not use ``from __future__ import annotations``: FastAPI reads the
annotations of the dependency functions built here at run time, and they refer to local names.
"""

from collections.abc import Callable
from dataclasses import dataclass
from inspect import Parameter, Signature
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response
from pydantic import TypeAdapter, ValidationError

from api.deps import (
    IdempotencyKey,
    IfMatch,
    Ledger,
    RequestId,
    idempotency_request,
    parse_if_match,
    require,
    require_json,
)
from api.openapi import READ_HEADERS
from api.responses import outcome_response
from api.schemas.common import Body
from api.shapes import written
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


ToCommand = Callable[..., Command[Outcome]]
Send = Callable[[Writer, Command[Outcome], Body], Response]


def _to_command(body: Any, *path_values: Any) -> Command[Outcome]:
    command: Command[Outcome] = body.to_command(*path_values)
    return command


def _send(write: Writer, command: Command[Outcome], body: Body) -> Response:
    return write(command, body)


class CommandRoutes:
    """The write routes of one resource: each ``POST`` reads one body, asks for the one command
    the body translates into (``body.to_command(*path values)``) and answers with its outcome.

    A route is declared by what differs: its path under the resource, its name (the OpenAPI
    operation), its body, its writer (who may take the step) and its summary::

        routes = CommandRoutes(router, "case_id")
        routes.create("open_case", CaseOpening, Opening, "Open a service case")
        routes.step("/delivery", "deliver", DeliveryBody, Step, "Record the delivery")
    """

    def __init__(
        self, router: APIRouter, target: str, target_type: Any = UUID, shows: Any = None
    ) -> None:
        """``shows`` is the resource's view (a TypedDict), documented as what each route answers."""
        self.router, self.target, self.target_type = router, target, target_type
        self.answer = None if shows is None else written(shows)

    def create(
        self, name: str, body: type[Body], writer: Any, summary: str, **options: Any
    ) -> None:
        """``POST`` on the collection: 201 with the new resource."""
        self.add("", name, body, writer, summary, status_code=201, **options)

    def step(
        self, path: str, name: str, body: type[Body], writer: Any, summary: str, **options: Any
    ) -> None:
        """``POST /{id}<path>``: a step on one resource, 200 with it as it stands after."""
        params = {self.target: self.target_type, **options.pop("params", {})}
        self.add(f"/{{{self.target}}}{path}", name, body, writer, summary, params=params, **options)

    def add(
        self,
        path: str,
        name: str,
        body: type[Body],
        writer: Any,
        summary: str,
        *,
        params: dict[str, Any] | None = None,
        to_command: ToCommand = _to_command,
        send: Send = _send,
        status_code: int = 200,
        description: str | None = None,
    ) -> None:
        path_params = params or {}

        def endpoint(**arguments: Any) -> Response:
            posted: Body = arguments["body"]
            command = to_command(posted, *(arguments[p] for p in path_params))
            return send(arguments["write"], command, posted)

        parameters = [
            Parameter(p, Parameter.KEYWORD_ONLY, annotation=a) for p, a in path_params.items()
        ]
        parameters.append(Parameter("body", Parameter.KEYWORD_ONLY, annotation=body))
        parameters.append(Parameter("write", Parameter.KEYWORD_ONLY, annotation=writer))
        endpoint.__signature__ = Signature(parameters, return_annotation=Response)  # type: ignore[attr-defined]
        endpoint.__name__ = endpoint.__qualname__ = name
        self.router.add_api_route(
            path,
            endpoint,
            methods=["POST"],
            status_code=status_code,
            response_model=self.answer,
            dependencies=[Depends(require_json)],
            summary=summary,
            description=description,
            # Every command answers with the resource as it stands after it, at its version.
            responses={status_code: READ_HEADERS[200]},
        )
