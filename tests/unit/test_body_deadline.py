"""The request middleware's body deadline, in memory: measured over the whole body, never after
it, and an answer given before the body was read to its end closes the connection."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.middleware import BodyTimeoutError, RequestContextMiddleware

TIMEOUT = 0.3


def _scope(length: int | None) -> Scope:
    headers = [] if length is None else [(b"content-length", str(length).encode())]
    return {"type": "http", "method": "POST", "path": "/v1/platforms", "headers": headers}


def _trickle(chunks: int, every: float) -> Receive:
    """A client sending ``chunks`` one-byte chunks, one every ``every`` seconds."""
    sent = 0

    async def receive() -> Message:
        nonlocal sent
        if sent == chunks:
            await asyncio.sleep(3600)  # the client is done, and waits for its answer
        await asyncio.sleep(every)
        sent += 1
        return {"type": "http.request", "body": b"x", "more_body": sent < chunks}

    return receive


def _reads_the_body_then(then: Callable[[Receive], Awaitable[None]] | None = None) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        more = True
        while more:
            more = (await receive()).get("more_body", False)
        if then is not None:
            await then(receive)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    return app


def _run(app: ASGIApp, scope: Scope, receive: Receive) -> list[Message]:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    middleware = RequestContextMiddleware(app, max_body_bytes=1024, body_timeout_seconds=TIMEOUT)
    asyncio.run(asyncio.wait_for(middleware(scope, receive, send), 5))
    return sent


def test_a_body_trickled_in_small_steps_is_cut_off_at_the_deadline_of_the_whole_body() -> None:
    started = time.monotonic()

    with pytest.raises(BodyTimeoutError) as raised:
        # Each byte arrives in a third of the bound; all of them would take ten.
        _run(_reads_the_body_then(), _scope(30), _trickle(30, TIMEOUT / 3))

    assert raised.value.status_code == 408
    assert raised.value.code == "request_timeout"
    assert TIMEOUT <= time.monotonic() - started < TIMEOUT + 0.2


def test_a_body_in_time_is_read_and_waiting_for_the_client_to_leave_has_no_deadline() -> None:
    async def waits_past_the_deadline(receive: Receive) -> None:
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(receive(), TIMEOUT * 2)

    sent = _run(_reads_the_body_then(waits_past_the_deadline), _scope(2), _trickle(2, 0.01))

    assert sent[0]["status"] == 200
    assert (b"connection", b"close") not in sent[0]["headers"]


def test_an_answer_before_the_body_was_read_closes_the_connection() -> None:
    async def answers_at_once(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    with_body = _run(answers_at_once, _scope(10), _trickle(10, 0.01))
    without = _run(answers_at_once, _scope(None), _trickle(1, 0.01))

    assert (b"connection", b"close") in with_body[0]["headers"]
    assert (b"connection", b"close") not in without[0]["headers"]
