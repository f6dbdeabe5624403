"""The global log, paged in its one stable order, for auditors and the hub.

Read where the read-only routes read (the hot standby, if one is set), once it holds every
event acknowledged before the request: a page answers for the writes that came before it."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response

from api.deps import LARGEST, AppSettings, Ledger, bounded_limit, require
from api.openapi import LOG_PAGE_LARGEST, LOG_PAGE_LIMIT, PAGED_HEADERS
from api.problems import ApiError
from api.reads import ReadSide, require_replayed
from api.responses import json_response
from api.shapes import ShapedRoute
from ledger.application import interface
from ledger.application.context import Principal
from ledger.application.interface.event_types import topics_of
from ledger.domain.access_key import Role

router = APIRouter(route_class=ShapedRoute, prefix="/v1/events", tags=["log"])

LOG_READERS = (Role.AUDITOR, Role.HUB)
"""Who may read the whole log (here, and as the change feed)."""
Reader = Annotated[Principal, require(*LOG_READERS)]


def event_topics_of(names: list[str] | None) -> list[str]:
    """The topics of the event types asked for by ``type=`` (none: every type), or 422."""
    try:
        return topics_of(names or [])
    except KeyError as e:
        raise ApiError(
            422,
            "unknown_event_type",
            "Unknown event type",
            f"There is no event type {e.args[0]!r}; types are named as events show them, "
            "e.g. ServiceCase.Delivered (GET /v1/events lists them in each event's type).",
        ) from None


EventTypes = Annotated[
    list[str] | None,
    Query(
        alias="type",
        description="Only events of these types (repeatable), e.g. ServiceCase.Delivered",
    ),
]
"""The ``type`` filter of the log and of the change feed."""


@router.get(
    "",
    summary="Events after a position, in log order",
    name="list_events",
    responses=PAGED_HEADERS,
    response_model=interface.EventPage,
)
def events(
    request: Request,
    principal: Reader,
    ledger: Ledger,
    reads: ReadSide,
    settings: AppSettings,
    after: Annotated[
        int, Query(ge=0, le=LARGEST, description="Return events with positions above this")
    ] = 0,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=LOG_PAGE_LARGEST,
            description="At most this many events (at most LEDGER_LOG_PAGE_LIMIT)",
            json_schema_extra=LOG_PAGE_LIMIT,
        ),
    ] = 100,
    until: Annotated[
        int | None, Query(ge=0, le=LARGEST, description="Only events up to this position")
    ] = None,
    event_type: EventTypes = None,
    stream: Annotated[UUID | None, Query(description="Only the events of this stream")] = None,
) -> Response:
    limit = bounded_limit(limit, settings.log_page_limit)
    topics = event_topics_of(event_type)
    require_replayed(reads, ledger, settings.view_wait_seconds, until=until)
    log = reads.log
    if stream is not None:
        page = [
            e
            for e in log.history(stream)
            if e.position > after
            and (until is None or e.position <= until)
            and (not topics or e.topic in topics)
        ][:limit]
    else:
        page = log.log_page(after, limit, until=until, topics=topics)
    body: interface.EventPage = {
        "events": [interface.event_view(e.event, e.position, e.topic) for e in page],
        "after": after,
        "next_after": page[-1].position if page else after,
        "head": log.head_position(),
    }
    headers = {}
    if len(page) == limit:
        next_url = request.url.include_query_params(after=body["next_after"], limit=limit)
        headers["Link"] = f'<{next_url}>; rel="next"'
    return json_response(body, 200, headers)
