"""Read routes every resource has: its state now, at a version or as of a time, and its history.

One function adds both routes to a resource's router, so every aggregate is read the same way:
``GET /{id}`` (``?version=N`` or ``?as_of=<ISO time>``, ``ETag`` = version) and
``GET /{id}/history`` (every event with its metadata and log position).

This module deliberately does not use ``from __future__ import annotations``: FastAPI reads the
annotations of the route functions built here at run time, and they refer to local names.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, TypeVar
from uuid import UUID

from fastapi import APIRouter, Path, Query, Response
from pydantic import AwareDatetime

from api.deps import Ledger, require
from api.problems import ApiError
from api.responses import json_response, view_response
from ledger.application import interface
from ledger.application.app import LedgerApplication
from ledger.application.capability import Capability
from ledger.application.context import Principal
from ledger.application.store import LedgerCore
from ledger.domain.access_key import Role
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import NotFoundError
from ledger.domain.time import CST

A = TypeVar("A", bound=LedgerAggregate)

Visibility = Callable[[Principal, Any], bool]


def everyone(_principal: Principal, _aggregate: Any) -> bool:
    return True


def add_legacy_read_routes(
    router: APIRouter,
    *,
    aggregate_type: type[A],
    view: Callable[[A], dict[str, Any]] | None = None,
    not_found: type[NotFoundError],
    label: str,
    readers: tuple[Role, ...],
    id_name: str = "id",
    visible: Visibility = everyone,
    view_on: Callable[[A, date], dict[str, Any]] | None = None,
) -> None:
    """Add ``GET /{id}`` and ``GET /{id}/history`` for one kind of aggregate.

    ``visible`` decides on the latest state whether this principal may see the resource at all;
    one who may not is told it does not exist, before any version or time is looked up.

    A resource whose view depends on the day (an agreement expires without an event) passes
    ``view_on`` instead of ``view``: ``GET /{id}`` then also takes ``?as_on=<date>``, by default
    the Ningxia date of ``as_of`` if given, else today's on the ledger's clock.
    """
    if (view is None) == (view_on is None):
        msg = "Pass exactly one of view and view_on."
        raise TypeError(msg)
    Reader = Annotated[Principal, require(*readers)]  # noqa: N806 - a type alias
    # The path parameter keeps the resource's own name (e.g. {case_id}) in the OpenAPI document.
    StreamId = Annotated[UUID, Path(alias=id_name, description=f"The {label}'s id")]  # noqa: N806

    def visible_latest(ledger: LedgerCore, principal: Principal, stream_id: UUID) -> A:
        aggregate = ledger.load(stream_id, aggregate_type, not_found, label)
        if not visible(principal, aggregate):
            raise not_found(f"No {label} with id {stream_id}.", id=str(stream_id))
        return aggregate

    def state(
        ledger: LedgerCore,
        principal: Principal,
        stream_id: UUID,
        version: int | None,
        as_of: datetime | None,
    ) -> A:
        if as_of is not None and version is not None:
            raise ApiError(
                400,
                "conflicting_parameters",
                "Conflicting parameters",
                f"Ask for a {label} at a version or as of a time, not both.",
            )
        latest = visible_latest(ledger, principal, stream_id)
        if as_of is not None:
            return ledger.get_as_of(stream_id, aggregate_type, as_of, not_found)
        if version is not None:
            return ledger.load(stream_id, aggregate_type, not_found, label, version)
        return latest

    Version = Annotated[int | None, Query(ge=1, description="State at this version")]  # noqa: N806
    AsOf = Annotated[  # noqa: N806 - a type alias
        AwareDatetime | None,
        Query(description="State as recorded at this time (ISO 8601, with offset)"),
    ]
    summary = f"A {label} now, at a version, or as of a time"

    if view is not None:
        plain_view = view

        @router.get(f"/{{{id_name}}}", summary=summary)
        def read(
            id: StreamId,
            principal: Reader,
            ledger: Ledger,
            version: Version = None,
            as_of: AsOf = None,
        ) -> Response:
            aggregate = state(ledger, principal, id, version, as_of)
            return view_response(plain_view(aggregate), aggregate.version)

    if view_on is not None:
        dated_view = view_on

        @router.get(f"/{{{id_name}}}", summary=summary)
        def read_on(
            id: StreamId,
            principal: Reader,
            ledger: Ledger,
            version: Version = None,
            as_of: AsOf = None,
            as_on: Annotated[
                date | None,
                Query(description="The day the view is for (statuses that follow from dates)"),
            ] = None,
        ) -> Response:
            aggregate = state(ledger, principal, id, version, as_of)
            day = as_on or (as_of or ledger.clock()).astimezone(CST).date()
            return view_response(dated_view(aggregate, day), aggregate.version)

    @router.get(f"/{{{id_name}}}/history", summary=f"Every event of the {label}, with its metadata")
    def history(
        id: StreamId,
        principal: Reader,
        ledger: Ledger,
    ) -> Response:
        visible_latest(ledger, principal, id)
        events = [interface.event_view(e.event, e.position, e.topic) for e in ledger.history(id)]
        return json_response({"stream_id": str(id), "events": events})


def add_read_routes(
    router: APIRouter,
    capability: type[Capability[Any]],
    *,
    readers: tuple[Role, ...],
) -> None:
    """Add ``GET /{id}`` and ``GET /{id}/history`` for the aggregates of ``capability``.

    Who may see which is the capability's rule (``visible``), applied by the ledger. A dated
    capability's ``GET /{id}`` also takes ``?as_on=<date>``: by default the Ningxia date of
    ``as_of`` if given, else today's on the ledger's clock.
    """
    aggregate_type = capability.aggregate
    label, id_name = capability.label, capability.target
    Reader = Annotated[Principal, require(*readers)]  # noqa: N806 - a type alias
    # The path parameter keeps the resource's own name (e.g. {case_id}) in the OpenAPI document.
    StreamId = Annotated[UUID, Path(alias=id_name, description=f"The {label}'s id")]  # noqa: N806
    Version = Annotated[int | None, Query(ge=1, description="State at this version")]  # noqa: N806
    AsOf = Annotated[  # noqa: N806 - a type alias
        AwareDatetime | None,
        Query(description="State as recorded at this time (ISO 8601, with offset)"),
    ]
    AsOn = Annotated[  # noqa: N806 - a type alias
        date | None,
        Query(description="The day the view is for (statuses that follow from dates)"),
    ]
    summary = f"A {label} now, at a version, or as of a time"

    def answer(
        ledger: LedgerApplication,
        principal: Principal,
        stream_id: UUID,
        version: int | None,
        as_of: datetime | None,
        as_on: date | None,
    ) -> Response:
        if as_of is not None and version is not None:
            raise ApiError(
                400,
                "conflicting_parameters",
                "Conflicting parameters",
                f"Ask for a {label} at a version or as of a time, not both.",
            )
        aggregate = ledger.read(aggregate_type, stream_id, principal, version=version, as_of=as_of)
        day = as_on or (as_of or ledger.clock()).astimezone(CST).date()
        view = ledger.capability(aggregate_type).view(aggregate, day)
        return view_response(view, aggregate.version)

    if capability.dated:

        @router.get(f"/{{{id_name}}}", summary=summary)
        def read_on(
            id: StreamId,
            principal: Reader,
            ledger: Ledger,
            version: Version = None,
            as_of: AsOf = None,
            as_on: AsOn = None,
        ) -> Response:
            return answer(ledger, principal, id, version, as_of, as_on)

    else:

        @router.get(f"/{{{id_name}}}", summary=summary)
        def read(
            id: StreamId,
            principal: Reader,
            ledger: Ledger,
            version: Version = None,
            as_of: AsOf = None,
        ) -> Response:
            return answer(ledger, principal, id, version, as_of, None)

    @router.get(f"/{{{id_name}}}/history", summary=f"Every event of the {label}, with its metadata")
    def history(id: StreamId, principal: Reader, ledger: Ledger) -> Response:
        logged = ledger.read_history(aggregate_type, id, principal)
        events = [interface.event_view(e.event, e.position, e.topic) for e in logged]
        return json_response({"stream_id": str(id), "events": events})
