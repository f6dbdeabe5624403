"""Read routes every resource has: its state now, at a version or as of a time, and its history.

One function adds both routes to a resource's router, so every aggregate is read the same way:
``GET /{id}`` (``?version=N`` or ``?as_of=<ISO time>``, ``ETag`` = version) and
``GET /{id}/history`` (every event with its metadata and log position).

This module deliberately does not use ``from __future__ import annotations``: FastAPI reads the
annotations of the route functions built here at run time, and they refer to local names.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import LARGEST, IsoDate, IsoDateTime, Ledger, require
from api.http_reads import not_revalidated
from api.openapi import READ_HEADERS
from api.problems import ApiError
from api.responses import json_response, view_response
from ledger.application import interface
from ledger.application.app import LedgerApplication
from ledger.application.capability import Capability
from ledger.application.context import Principal
from ledger.domain.access_key import Role
from ledger.domain.base import LedgerAggregate
from ledger.domain.time import CST

_READERS: dict[type[LedgerAggregate], frozenset[Role]] = {}


def readers_of(aggregate_type: type[LedgerAggregate]) -> frozenset[Role]:
    """The roles whose keys may read aggregates of ``aggregate_type`` at ``GET /{id}`` (as
    :func:`add_read_routes` was told); none for a kind that has no read routes. The change feed
    asks this, so it delivers an event only to a role that could read its stream."""
    return _READERS.get(aggregate_type, frozenset())


def add_read_routes(
    router: APIRouter,
    capability: type[Capability[Any]],
    *,
    readers: tuple[Role, ...],
    suffix: str = "",
    stream_of: Callable[[UUID], UUID] | None = None,
    names: tuple[str, str] = ("read", "read_history"),
    shows: Any = None,
) -> None:
    """Add ``GET /{id}`` and ``GET /{id}/history`` for the aggregates of ``capability``.

    ``suffix`` and ``stream_of`` serve an aggregate kept per another resource under that one's
    path: ``GET /{platform_id}/security`` reads the stream ``stream_of(platform_id)``.

    Who may see which is the capability's rule (``visible``), applied by the ledger. A dated
    capability's ``GET /{id}`` also takes ``?as_on=<date>``: by default the Ningxia date of
    ``as_of`` if given, else today's on the ledger's clock. ``shows`` is the resource's view (a
    TypedDict), documented as what ``GET /{id}`` answers.
    """
    aggregate_type = capability.aggregate
    _READERS[aggregate_type] = _READERS.get(aggregate_type, frozenset()) | frozenset(readers)
    label, id_name = capability.label, capability.target
    Reader = Annotated[Principal, require(*readers)]  # noqa: N806 - a type alias
    # The path parameter keeps the resource's own name (e.g. {case_id}) in the OpenAPI document.
    StreamId = Annotated[UUID, Path(alias=id_name, description=f"The {label}'s id")]  # noqa: N806
    Version = Annotated[int | None, Query(ge=1, le=LARGEST, description="State at this version")]  # noqa: N806
    AsOf = Annotated[  # noqa: N806 - a type alias
        IsoDateTime | None,
        Query(description="State as recorded at this time (ISO 8601, with offset)"),
    ]
    AsOn = Annotated[  # noqa: N806 - a type alias
        IsoDate | None,
        Query(description="The day the view is for (statuses that follow from dates)"),
    ]
    BusinessDate = Annotated[  # noqa: N806 - a type alias
        IsoDate | None,
        Query(
            description="State as it stood on this business date (Ningxia): the events that had "
            "happened by then, in the order recorded; with as_of, only those recorded by then"
        ),
    ]
    summary = f"A {label} now, at a version, as of a time, or as it stood on a business date"
    path = f"/{{{id_name}}}{suffix}"

    def stream(id: UUID) -> UUID:
        return id if stream_of is None else stream_of(id)

    def answer(
        ledger: LedgerApplication,
        principal: Principal,
        stream_id: UUID,
        version: int | None,
        as_of: datetime | None,
        as_on: date | None,
        business_date: date | None,
    ) -> Response:
        if version is not None and (as_of is not None or business_date is not None):
            raise ApiError(
                400,
                "conflicting_parameters",
                "Conflicting parameters",
                f"Ask for a {label} at a version, or as of a time and/or as it stood on a "
                "business date, not both.",
            )
        aggregate = ledger.read(
            aggregate_type, stream_id, principal,
            version=version, as_of=as_of, business_date=business_date,
        )  # fmt: skip
        day = as_on or business_date or (as_of or ledger.clock()).astimezone(CST).date()
        view = ledger.capability(aggregate_type).view(aggregate, day)
        return view_response(view, aggregate.version)

    if capability.dated:

        @router.get(
            path, summary=summary, name=names[0], responses=READ_HEADERS, response_model=shows
        )
        def read_on(
            request: Request,
            id: StreamId,
            principal: Reader,
            ledger: Ledger,
            version: Version = None,
            as_of: AsOf = None,
            as_on: AsOn = None,
            business_date: BusinessDate = None,
        ) -> Response:
            if as_on is None and as_of is None and business_date is None:
                # Read for today: the same version reads otherwise tomorrow, so no 304.
                not_revalidated(request)
            return answer(ledger, principal, stream(id), version, as_of, as_on, business_date)

    else:

        @router.get(
            path, summary=summary, name=names[0], responses=READ_HEADERS, response_model=shows
        )
        def read(
            id: StreamId,
            principal: Reader,
            ledger: Ledger,
            version: Version = None,
            as_of: AsOf = None,
            business_date: BusinessDate = None,
        ) -> Response:
            return answer(ledger, principal, stream(id), version, as_of, None, business_date)

    @router.get(
        f"{path}/history",
        summary=f"Every event of the {label}, with its metadata",
        name=names[1],
        response_model=interface.History,
    )
    def history(id: StreamId, principal: Reader, ledger: Ledger) -> Response:
        logged = ledger.read_history(aggregate_type, stream(id), principal)
        events = [interface.event_view(e.event, e.position, e.topic) for e in logged]
        return json_response({"stream_id": str(stream(id)), "events": events})
