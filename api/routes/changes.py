"""The change feed: what concerns a key, as the log records it, streamed as Server-Sent Events.

``GET /v1/changes`` streams every event its key may read (:mod:`ledger.application.change_feed`
says which; :mod:`api.changes` how it streams), each as ``id: <log position>``, ``event: <type>``
and ``data: <the event as GET /v1/events shows it>``. A client resumes where it stopped with
``Last-Event-ID`` (which an ``EventSource`` sends by itself when it reconnects) or ``?after=``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response

from api.changes import EVENT_STREAM, EventStream, Feed, FeedSlots, retry_after
from api.deps import LARGEST, AppSettings, CurrentPrincipal, Ledger
from api.http_reads import asked_head
from api.problems import ApiError
from api.reads import ReadSide
from api.resources import readers_of
from api.routes.events import LOG_READERS, EventTypes, event_topics_of
from api.shapes import ShapedRoute
from ledger.application.change_feed import Subscription
from ledger.application.queries.access_keys import authenticate

PATH = "/v1/changes"
router = APIRouter(route_class=ShapedRoute, tags=["log"])

_EXAMPLE = (
    "retry: 2000\n\n"
    "id: 1042\nevent: ServiceCase.Delivered\n"
    'data: {"position":1042,"stream_id":"0b7e…","version":3,"type":"ServiceCase.Delivered",'
    '"recorded_at":"2026-03-02T02:00:00+00:00","meta":{…},"data":{…}}\n\n'
    ": keep-alive\nid: 1057\n\n"
)
_LOGGED_EVENT = {
    "type": "object",
    "description": "An event as GET /v1/events shows it",
    "required": ["position", "stream_id", "version", "type", "recorded_at", "data"],
    "properties": {
        "position": {"type": "integer", "minimum": 1, "description": "Its log position"},
        "stream_id": {"type": "string", "format": "uuid"},
        "version": {"type": "integer", "minimum": 1},
        "type": {"type": "string", "examples": ["ServiceCase.Delivered"]},
        "recorded_at": {"type": "string", "format": "date-time"},
        "meta": {"type": ["object", "null"], "description": "Its envelope: actor, platform…"},
        "data": {"type": "object"},
    },
}
_MESSAGE = {
    "type": "object",
    "description": "One event of the stream (SSE fields; comments and id-only messages are "
    "not events)",
    "required": ["id", "event", "data"],
    "properties": {
        "id": {"type": "string", "pattern": "^[0-9]+$", "description": "The log position"},
        "event": {"type": "string", "description": "The event type, e.g. ServiceCase.Delivered"},
        "data": {
            "type": "string",
            "contentMediaType": "application/json",
            "contentSchema": _LOGGED_EVENT,
        },
        "retry": {"type": "integer", "description": "Milliseconds to wait before reconnecting"},
    },
}
_STREAM = {
    "description": "An endless stream (text/event-stream) of the events this key may read, "
    "in log order. Each message is `id: <log position>`, `event: <type>` and "
    "`data: <the event as GET /v1/events shows it>`. A quiet feed sends a `: keep-alive` "
    "comment every LEDGER_CHANGE_FEED_HEARTBEAT_SECONDS, with an `id:` and no data when it has "
    "read past events this key is not shown (a reconnection resumes after them). The stream "
    "ends after LEDGER_CHANGE_FEED_MAX_SECONDS, when the key is revoked, or when the server "
    "shuts down: reconnect with `Last-Event-ID` (after `retry:` milliseconds) and nothing is "
    "missed or repeated.",
    "content": {EVENT_STREAM: {"schema": _MESSAGE, "example": _EXAMPLE}},
}


@router.get(
    PATH,
    summary="A stream of the changes this key may read (Server-Sent Events), resumable",
    description="Windows and institutions are sent the events of what they may read (their "
    "cases, reports, agreements, appraisals, standing…), as `GET /v1/<resource>/{id}` decides "
    "it; auditors and the hub the whole log. Resume with `Last-Event-ID: <position>` (it wins "
    "over `after`).",
    name="stream_changes",
    response_class=Response,
    responses={
        200: _STREAM,
        400: {"description": "Last-Event-ID is not a log position"},
        503: {
            "description": "As many change feeds are open as this server holds "
            "(`feed_busy`), or it is overloaded: reconnect after Retry-After"
        },
    },
)
def stream_changes(
    request: Request,
    principal: CurrentPrincipal,
    ledger: Ledger,
    reads: ReadSide,
    settings: AppSettings,
    after: Annotated[
        int, Query(ge=0, le=LARGEST, description="Stream the events with positions above this")
    ] = 0,
    event_type: EventTypes = None,
    last_event_id: Annotated[
        str | None,
        Header(
            alias="Last-Event-ID",
            description="The `id` of the last event received: the stream resumes after it",
        ),
    ] = None,
) -> Response:
    topics = event_topics_of(event_type)
    if last_event_id is not None:
        after = _position(last_event_id)
    if asked_head(request):
        head = Response(media_type=EVENT_STREAM, headers={"Cache-Control": "no-store"})
        del head.headers["content-length"]  # as the GET's: a stream has no length
        return head
    config = settings.change_feed
    slots: FeedSlots = request.app.state.change_feeds
    subscription = Subscription(
        ledger,
        reads.log,
        principal,
        after=after,
        page_size=config.page_size,
        topics=topics,
        whole_log=principal.role in LOG_READERS,
        may_read_kind=lambda kind: principal.role in readers_of(kind),
    )
    secret = request.headers["authorization"].partition(" ")[2].strip()
    slots.take(retry_after(config))
    feed = Feed(
        subscription,
        config,
        slots,
        live=lambda: authenticate(ledger, secret) is not None,
        state=request.scope["state"],
    )
    return EventStream(feed)


def _position(value: str) -> int:
    text = value.strip()
    if not text.isdigit() or int(text) > LARGEST:
        raise ApiError(
            400,
            "invalid_last_event_id",
            "Invalid Last-Event-ID",
            "Last-Event-ID is the `id` of an event this feed sent: a log position (a whole "
            "number); send it as received, or leave it out to start from `after`.",
        )
    return int(text)
