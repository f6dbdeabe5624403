"""The HTTP/1.1 connection as served: uvicorn's httptools protocol, with the bounds it lacks.

uvicorn bounds only the idle time between requests (``timeout_keep_alive``, disarmed by the
first byte that arrives), so a client that opens a connection and sends nothing, or sends its
headers a byte at a time, holds the connection for as long as it likes; and httptools takes
headers of any size. Here a request's line and headers must arrive within
``header_timeout_seconds`` (from the connection, or from the request's first byte on a reused
one) and within ``max_header_bytes``. What the parser refuses, uvicorn answers in plain text;
here it is problem+json, as every other error. How long the body may take is the ASGI
middleware's business (:mod:`api.middleware`), where the application reads it.
"""

from __future__ import annotations

import asyncio
import uuid
from asyncio import TimerHandle
from typing import Any

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.server import ServerState

from api.problems import PROBLEM_JSON, problem_body
from runtime import metrics

ON_SHUTDOWN = "ends_on_shutdown"
"""The request state key of an :class:`asyncio.Event` that an answer which streams until it is
told to stop (the change feed, :mod:`api.changes`) waits on: set when the server begins a
graceful shutdown, so the answer ends and its connection closes, rather than holding the
shutdown open until the answer's own end."""


class HeadersTooLargeError(ValueError):
    """Raised in the parser's callback when a request's headers pass the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request line and headers are larger than {limit} bytes")


class LedgerHttpProtocol(HttpToolsProtocol):
    """One connection: uvicorn's, but headers are bounded in time and size, and refusals are
    problem+json. Given to uvicorn as ``http=functools.partial(LedgerHttpProtocol, ...)``."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
        *,
        header_timeout_seconds: float = 5.0,
        max_header_bytes: int = 65_536,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.header_timeout_seconds = header_timeout_seconds
        self.max_header_bytes = max_header_bytes
        self._header_timer: TimerHandle | None = None
        self._headers_pending = False
        self._header_bytes = 0
        """The request line and headers the parser has read (of this request)."""
        self._unparsed_bytes = 0
        """Bytes received while the headers were incomplete (httptools buffers a header until
        it ends, so the parser's count alone would not bound one endless header)."""
        self._headers_too_large = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # Armed now, not at the first byte: a connection that sends nothing is bounded too.
        self._await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def shutdown(self) -> None:
        cycle = self.cycle
        super().shutdown()
        if cycle is not None and not cycle.response_complete:
            ending = cycle.scope.get("state", {}).get(ON_SHUTDOWN)
            if isinstance(ending, asyncio.Event):
                ending.set()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._headers_pending and not self.transport.is_closing():
            # Counted only while the headers are still incomplete after this chunk, so a chunk
            # that completes them (with a body behind) never counts as headers.
            self._unparsed_bytes += len(data)
            if self._unparsed_bytes > self.max_header_bytes:
                self._headers_too_large = True
                self.send_400_response("")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._header_bytes = self._unparsed_bytes = 0
        self._await_headers()

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        self._count_header_bytes(len(url))

    def on_header(self, name: bytes, value: bytes) -> None:
        super().on_header(name, value)
        self._count_header_bytes(len(name) + len(value) + 4)  # ": " and CRLF

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def send_400_response(self, msg: str) -> None:
        self._disarm()
        if self._headers_too_large:
            metrics.HTTP_MALFORMED.labels("headers_too_large").inc()
            self._answer(
                431,
                "headers_too_large",
                "Request headers too large",
                f"The request line and headers are larger than {self.max_header_bytes} bytes; "
                "send fewer or shorter headers.",
            )
            return
        metrics.HTTP_MALFORMED.labels("malformed_request").inc()
        self._answer(
            400,
            "malformed_request",
            "Malformed request",
            "The request is not HTTP/1.1 this service can read (its request line, a header, "
            "Content-Length or chunked encoding); correct it and send it on a new connection.",
        )

    def _count_header_bytes(self, size: int) -> None:
        self._header_bytes += size
        if self._header_bytes > self.max_header_bytes:
            self._headers_too_large = True
            # httptools stops parsing and raises a parser error, which uvicorn answers with
            # send_400_response: here, 431.
            raise HeadersTooLargeError(self.max_header_bytes)

    def _await_headers(self) -> None:
        self._headers_pending = True
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(
                self.header_timeout_seconds, self._headers_too_slow
            )

    def _disarm(self) -> None:
        self._headers_pending = False
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        self._headers_pending = False
        if self.transport.is_closing():
            return
        metrics.HTTP_TIMED_OUT.labels("headers").inc()
        if self.cycle is not None and not self.cycle.response_complete:
            # A pipelined request, late behind one still being answered: close after that.
            self.cycle.keep_alive = False
            return
        if not self._unparsed_bytes:
            # Nothing was asked: an answer would be read as the reply to a later request.
            self.transport.close()
            return
        self._answer(
            408,
            "request_timeout",
            "Request headers too slow",
            f"The request line and headers did not arrive within "
            f"{self.header_timeout_seconds:g} s; send them at once.",
        )

    def _answer(self, status: int, code: str, title: str, detail: str) -> None:
        """Answer ``status`` as problem+json and close: the connection cannot be read further."""
        cycle = self.cycle
        if cycle is not None and cycle.response_started and not cycle.response_complete:
            # Never inside another answer: the client would read it as part of that one.
            self.transport.close()
            return
        request_id = uuid.uuid4().hex
        self.logger.warning("%s %d %s (request %s)", self._peer(), status, code, request_id)
        body = problem_body(status, code, title, detail, self._path(), request_id)
        head = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            head += [name, b": ", value, b"\r\n"]
        head += [
            b"content-type: ",
            PROBLEM_JSON.encode(),
            b"\r\ncontent-length: ",
            str(len(body)).encode(),
            b"\r\nx-request-id: ",
            request_id.encode(),
            b"\r\nconnection: close\r\n\r\n",
        ]
        self.transport.write(b"".join(head) + body)
        self.transport.close()

    def _path(self) -> str:
        # The request target as far as it was read, without its query; empty if none was.
        target = bytes(getattr(self, "url", b"") or b"")
        return target.split(b"?", 1)[0][:256].decode("ascii", "replace")

    def _peer(self) -> str:
        return f"{self.client[0]}:{self.client[1]}" if self.client else "?"
