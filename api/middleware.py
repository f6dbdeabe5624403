"""Per-request plumbing as plain ASGI: request id, admission, body size and time limits,
timing and metrics."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import PROBLEM_JSON, ApiError, problem_body
from runtime import logs, metrics

request_log = logging.getLogger(logs.REQUEST_LOGGER)
_DRAINED = 65_536
"""The largest body a refusal for overload reads first, to keep the connection open."""
_DRAIN_SECONDS = 0.05
"""How long that read may take: a body still arriving is not waited for."""
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


class BodyTooLargeError(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            "body_too_large",
            "Request body too large",
            f"The request body is larger than {limit} bytes; split it into smaller requests.",
        )


class BodyTimeoutError(ApiError):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            408,
            "request_timeout",
            "Request body too slow",
            f"The request body did not arrive within {seconds:g} s; send it at once, or in "
            "smaller requests.",
        )


class RequestContextMiddleware:
    """Gives every request an id (``X-Request-ID`` if sane, else new), limits its body and
    measures it.

    The body limits are counted while the body streams in, so a missing or lying
    ``Content-Length`` does not get a large body past them: its size, and the time it takes to
    arrive, measured over the whole body (a trickle of a byte a second is cut off too). An
    answer given before the body was read to its end closes the connection, so a body nobody
    reads cannot hold it.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        max_in_flight: int = 0,
        body_timeout_seconds: float = 10.0,
        log_requests: bool = True,
        max_queue_wait_seconds: float = 0.0,
        unadmitted: frozenset[str] = frozenset(),
    ) -> None:
        self.app = app
        self.log_requests = log_requests
        self.max_body_bytes = max_body_bytes
        self.body_timeout_seconds = body_timeout_seconds
        self.max_in_flight = max_in_flight
        """Requests under /v1 this process answers at once (0: no bound). Below the thread
        pool's size (40), so an admitted request never waits for a thread."""
        self.max_queue_wait_seconds = max_queue_wait_seconds
        """How long a request beyond the bound waits, first come first served, for one to
        finish; then 503 (0: 503 at once)."""
        self.unadmitted = unadmitted
        """Paths under /v1 that bound their own connections (the change feed, which holds one
        open for minutes): admitted without a slot, which they would hold all that time."""
        # Bound to the event loop on first use (asyncio primitives are, since Python 3.10).
        self._slots = asyncio.Semaphore(max_in_flight) if max_in_flight > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        supplied = _header(scope, b"x-request-id")
        request_id = supplied if supplied and _SAFE_REQUEST_ID.match(supplied) else None
        request_id = request_id or uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        logs.answering(state)
        started = time.perf_counter()
        status = 500
        sent = 0
        body_pending = _expects_body(scope)

        async def send_with_id(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            elif message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                if body_pending:
                    # What is left of the body would be read as the next request, or trickle in.
                    headers.append((b"connection", b"close"))
                message["headers"] = headers
            await send(message)

        limit = self.max_body_bytes
        received = 0
        timeout = self.body_timeout_seconds
        deadline = asyncio.get_running_loop().time() + timeout

        async def receive_limited() -> Message:
            nonlocal received, body_pending
            if not body_pending:
                # After the body, a receive waits for the client to leave: no deadline.
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                metrics.HTTP_TIMED_OUT.labels("body").inc()
                # Raised inside the route's body read, as the limit below: problem+json.
                raise BodyTimeoutError(timeout) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
                body_pending = bool(message.get("more_body", False))
            else:
                body_pending = False
            return message

        async def drain() -> None:
            try:
                async with asyncio.timeout(_DRAIN_SECONDS):
                    while body_pending:
                        await receive_limited()
            except (TimeoutError, ApiError):
                pass  # still arriving, or too large: the refusal closes the connection

        declared = _header(scope, b"content-length")
        holds_slot = await self._admit(scope)
        try:
            if holds_slot is False:
                metrics.HTTP_SHED.inc()
                if declared is not None and declared.isdigit() and int(declared) <= _DRAINED:
                    # A small body that has arrived is read, so the connection stays open for
                    # the retry: a new connection for every refusal would cost the server more
                    # than the refusal itself, when it has least to spare.
                    await drain()
                await _refuse(scope, receive, send_with_id, OverloadedError())
                return
            if declared is not None and declared.isdigit() and int(declared) > limit:
                await _refuse(scope, receive, send_with_id, BodyTooLargeError(limit))
                return
            await self.app(scope, receive_limited, send_with_id)
        finally:
            if holds_slot and self._slots is not None:
                self._slots.release()
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope.get("method", "GET")
            seconds = time.perf_counter() - started
            metrics.observe_request(method, template, status, seconds)
            if self.log_requests:
                _log_request(state, method, template, status, seconds, sent)

    async def _admit(self, scope: Scope) -> bool | None:
        """True: the request holds one of the slots; False: refused; None: not bounded."""
        # Health and metrics are always answered: they are how an overload is seen.
        path = str(scope.get("path", ""))
        if self._slots is None or not path.startswith("/v1/") or path in self.unadmitted:
            return None
        if not self._slots.locked():  # locked while others wait: no one jumps the queue
            await self._slots.acquire()
            return True
        if self.max_queue_wait_seconds <= 0:
            return False
        try:
            async with asyncio.timeout(self.max_queue_wait_seconds):
                await self._slots.acquire()
        except TimeoutError:
            return False
        return True


def _log_request(
    state: dict[str, object], method: str, route: str, status: int, seconds: float, sent: int
) -> None:
    """The request's one log line: its route template, never its path (ids) or query string
    (which may hold personal data), and nothing of its headers or body."""
    principal = state.get("principal")
    actor = getattr(principal, "actor", None) or "anonymous"
    duration_ms = round(seconds * 1000, 1)
    request_log.info(
        "%s %s %d %.1f ms %d B",
        method,
        route,
        status,
        duration_ms,
        sent,
        extra={
            "method": method,
            "route": route,
            "status": status,
            "duration_ms": duration_ms,
            "bytes": sent,
            "request_id": state.get("request_id"),
            "actor": actor,
        },
    )


class OverloadedError(ApiError):
    def __init__(self) -> None:
        super().__init__(
            503,
            "overloaded",
            "Overloaded",
            "This server is answering as many requests as it can; retry shortly.",
            headers={"Retry-After": "1"},
        )


async def _refuse(scope: Scope, receive: Receive, send: Send, error: ApiError) -> None:
    """Answer before reading the body: too large as declared, or no room to answer."""
    body = problem_body(
        error.status_code,
        error.code,
        error.title,
        str(error.detail),
        scope.get("path", ""),
        scope["state"]["request_id"],
    )
    response = Response(
        body, status_code=error.status_code, media_type=PROBLEM_JSON, headers=error.headers
    )
    await response(scope, receive, send)


def _expects_body(scope: Scope) -> bool:
    for key, value in scope.get("headers", []):
        if key == b"transfer-encoding" or (key == b"content-length" and value.strip() != b"0"):
            return True
    return False


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            try:
                return bytes(value).decode("ascii")
            except UnicodeDecodeError:
                return None
    return None
