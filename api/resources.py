"""Read routes every resource has: its state now, at a version or as of a time, and its history.

One function adds both routes to a resource's router, so every aggregate is read the same way:
``GET /{id}`` (``?version=N`` or ``?as_of=<ISO time>``, ``ETag`` = version) and
``GET /{id}/history`` (every event with its metadata and log position).

This module deliberately does not use ``from __future__ import annotations``: FastAPI reads the
annotations of the route functions built here at run time, and they refer to local names.
"""

from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from uuid import UUID

from fastapi import APIRouter, Path, Query, Response
from pydantic import AwareDatetime

from api.deps import Ledger, Principal, require
from api.problems import ApiError
from api.responses import json_response, view_response
from ledger import interface
from ledger.core import LedgerCore
from ledger.domain.access_key import Role
from ledger.domain.base import LedgerAggregate
from ledger.errors import NotFoundError

A = TypeVar("A", bound=LedgerAggregate)

Visibility = Callable[[Principal, Any], bool]


def everyone(_principal: Principal, _aggregate: Any) -> bool:
    return True


def add_read_routes(
    router: APIRouter,
    *,
    aggregate_type: type[A],
    view: Callable[[A], dict[str, Any]],
    not_found: type[NotFoundError],
    label: str,
    readers: tuple[Role, ...],
    id_name: str = "id",
    visible: Visibility = everyone,
) -> None:
    """Add ``GET /{id}`` and ``GET /{id}/history`` for one kind of aggregate.

    ``visible`` decides on the latest state whether this principal may see the resource at all;
    one who may not is told it does not exist, before any version or time is looked up.
    """
    Reader = Annotated[Principal, require(*readers)]  # noqa: N806 - a type alias
    # The path parameter keeps the resource's own name (e.g. {case_id}) in the OpenAPI document.
    StreamId = Annotated[UUID, Path(alias=id_name, description=f"The {label}'s id")]  # noqa: N806

    def visible_latest(ledger: LedgerCore, principal: Principal, stream_id: UUID) -> A:
        aggregate = ledger.load(stream_id, aggregate_type, not_found, label)
        if not visible(principal, aggregate):
            raise not_found(f"No {label} with id {stream_id}.", id=str(stream_id))
        return aggregate

    @router.get(f"/{{{id_name}}}", summary=f"A {label} now, at a version, or as of a time")
    def read(
        id: StreamId,
        principal: Reader,
        ledger: Ledger,
        version: Annotated[int | None, Query(ge=1, description="State at this version")] = None,
        as_of: Annotated[
            AwareDatetime | None,
            Query(description="State as recorded at this time (ISO 8601, with offset)"),
        ] = None,
    ) -> Response:
        if as_of is not None and version is not None:
            raise ApiError(
                400,
                "conflicting_parameters",
                "Conflicting parameters",
                f"Ask for a {label} at a version or as of a time, not both.",
            )
        latest = visible_latest(ledger, principal, id)
        if as_of is not None:
            aggregate = ledger.get_as_of(id, aggregate_type, as_of, not_found)
        elif version is not None:
            aggregate = ledger.load(id, aggregate_type, not_found, label, version)
        else:
            aggregate = latest
        return view_response(view(aggregate), aggregate.version)

    @router.get(f"/{{{id_name}}}/history", summary=f"Every event of the {label}, with its metadata")
    def history(
        id: StreamId,
        principal: Reader,
        ledger: Ledger,
    ) -> Response:
        visible_latest(ledger, principal, id)
        events = [interface.event_view(e.event, e.position, e.topic) for e in ledger.history(id)]
        return json_response({"stream_id": str(id), "events": events})
