"""The change feed as Server-Sent Events: how one connection streams, and how many may.

A feed connection is an ``async`` generator under a :class:`~starlette.responses.StreamingResponse`:
the event loop holds it between pages, and each page is read (and the key checked) in one call on
a thread of the feeds' own (``LEDGER_CHANGE_FEED_THREADS``), so a feed waiting for events, or for
a slow reader, holds no thread at all, and feeds never take the threads requests are answered on.

Back-pressure: the generator is asked for its next chunk only once the server has taken the last
(uvicorn waits for the socket to drain past its high-water mark before it takes more), and it
reads the next page of the log only when asked. A reader that stops reading therefore stops the
feed after at most one page (``LEDGER_CHANGE_FEED_PAGE_SIZE`` events) beyond what the network
buffers hold; nothing is queued for it in the server.

A feed ends by itself, so a client reconnects with ``Last-Event-ID`` and nothing is lost: after
``LEDGER_CHANGE_FEED_MAX_SECONDS``; when its key is revoked (checked with every page that has
events, and at every heartbeat); when the server begins to shut down (``api.http_protocol``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import anyio
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from api.http_protocol import ON_SHUTDOWN
from api.problems import ApiError
from ledger.application import interface
from ledger.application.change_feed import Subscription
from ledger.application.log_reader import LoggedEvent
from runtime import metrics
from runtime.feed_settings import ChangeFeedConfig

EVENT_STREAM = "text/event-stream"
KEEP_ALIVE = b": keep-alive\n"


def message(logged: LoggedEvent) -> bytes:
    """One event as an SSE message: its log position as ``id``, its type as ``event``, its view
    (as ``GET /v1/events`` shows it) as ``data``, on one line."""
    view = interface.event_view(logged.event, logged.position, logged.topic)
    data = json.dumps(view, ensure_ascii=False, separators=(",", ":"))
    return f"id: {logged.position}\nevent: {view['type']}\ndata: {data}\n\n".encode()


class FeedSlots:
    """How many feed connections this process holds open, and the most it may."""

    def __init__(self, most: int, threads: int) -> None:
        self.most = most
        self.threads = threads
        self.held = 0
        self._lock = threading.Lock()
        self._limiter: anyio.CapacityLimiter | None = None

    def take(self, retry_after: int) -> None:
        """Hold one slot, or refuse the connection: ``503 feed_busy`` with ``Retry-After``."""
        with self._lock:
            if self.held >= self.most:
                metrics.CHANGE_FEED_REFUSED.inc()
                raise ApiError(
                    503,
                    "feed_busy",
                    "Too many change feeds",
                    f"This server holds as many change feed connections as it may ({self.most}); "
                    "reconnect after Retry-After, with Last-Event-ID to resume.",
                    headers={"Retry-After": str(retry_after)},
                )
            self.held += 1
            metrics.CHANGE_FEED_CONNECTIONS.inc()

    def give_back(self) -> None:
        with self._lock:
            self.held -= 1
            metrics.CHANGE_FEED_CONNECTIONS.dec()

    def limiter(self) -> anyio.CapacityLimiter:
        """The feeds' threads (made in the event loop, on first use)."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.threads)
        return self._limiter


class Feed:
    """One feed connection: ``subscription`` streamed as SSE, as ``config`` says.

    ``live`` says whether the key the feed was opened with still authenticates; ``state`` is the
    request's state, where the server's shutdown is signalled (:data:`ON_SHUTDOWN`)."""

    def __init__(
        self,
        subscription: Subscription,
        config: ChangeFeedConfig,
        slots: FeedSlots,
        live: Callable[[], bool],
        state: dict[str, Any],
    ) -> None:
        self.subscription = subscription
        self.config = config
        self.slots = slots
        self.live = live
        self.state = state
        self.sent_position = subscription.position
        """The position the client would resume from, as last told (an ``id:``)."""

    def _read(self) -> _Read | None:
        """The next page as SSE messages; ``None`` once the key is revoked. Runs on a feed
        thread."""
        page = self.subscription.next_page()
        metrics.CHANGE_FEED_PAGES.inc()
        if page.events and not self.live():
            return None
        metrics.CHANGE_FEED_EVENTS.inc(len(page.events))
        chunk = b"".join(message(e) for e in page.events)
        last = page.events[-1].position if page.events else None
        return _Read(chunk, last, page.position, page.full)

    async def _run(self, call: Callable[[], Any]) -> Any:
        return await anyio.to_thread.run_sync(call, limiter=self.slots.limiter())

    def _resume_point(self, position: int) -> bytes:
        """An ``id:`` with no data: no event, but the position a reconnect resumes from moves
        past the events read that this key is not shown (SSE keeps the last event ID even of a
        message with no data to dispatch)."""
        if position <= self.sent_position:
            return b""
        self.sent_position = position
        return f"id: {position}\n".encode()

    async def events(self) -> AsyncIterator[bytes]:
        """The stream: ``retry:``, then each page's messages as soon as it is read, and a
        ``: keep-alive`` comment whenever the feed has been quiet for a heartbeat."""
        loop = asyncio.get_running_loop()
        ending = asyncio.Event()
        self.state[ON_SHUTDOWN] = ending
        config = self.config
        ends_at = loop.time() + config.max_seconds
        beat_at = loop.time() + config.heartbeat_seconds
        yield f"retry: {config.retry_ms}\n\n".encode()
        while not ending.is_set():
            read: _Read | None = await self._run(self._read)
            if read is None:
                return  # revoked: the reconnection is answered 401
            if read.last_event is not None:
                self.sent_position = read.last_event
                yield read.chunk
                beat_at = loop.time() + config.heartbeat_seconds
            now = loop.time()
            if now >= ends_at:
                if mark := self._resume_point(read.position):
                    yield mark + b"\n"
                return
            if now >= beat_at:
                if not await self._run(self.live):
                    return
                yield KEEP_ALIVE + self._resume_point(read.position) + b"\n"
                beat_at = loop.time() + config.heartbeat_seconds
            if not read.full:
                wait = min(config.poll_seconds, beat_at - now, ends_at - now)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(ending.wait(), max(wait, 0.0))


@dataclass(frozen=True)
class _Read:
    chunk: bytes
    last_event: int | None
    """The position of the last event in ``chunk`` (``None``: it has none)."""
    position: int
    full: bool


class EventStream(StreamingResponse):
    """A feed's answer: ``text/event-stream``, never cached or buffered by a proxy; its slot is
    given back however the connection ends."""

    media_type = EVENT_STREAM

    def __init__(self, feed: Feed) -> None:
        super().__init__(
            feed.events(),
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )
        self.feed = feed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.feed.slots.give_back()


def retry_after(config: ChangeFeedConfig) -> int:
    """The ``Retry-After`` of a refused feed: the reconnection delay its clients are told."""
    return max(1, math.ceil(config.retry_ms / 1000))
