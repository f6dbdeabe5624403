"""Admission in memory: beyond ``max_in_flight`` a request waits up to the queue wait for a slot,
first come first served, then is refused with 503; health is never bounded."""

from __future__ import annotations

import asyncio
import time

from starlette.types import Message, Receive, Scope, Send

from api.middleware import RequestContextMiddleware

HOLD = 0.3


def _scope(path: str = "/v1/platforms") -> Scope:
    return {"type": "http", "method": "GET", "path": path, "headers": []}


async def _receive() -> Message:
    await asyncio.sleep(3600)  # a GET sends no body; the client waits for its answer
    raise AssertionError("unreachable")


async def _slow_app(scope: Scope, receive: Receive, send: Send) -> None:
    await asyncio.sleep(HOLD)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


def _answers(wait: float, paths: list[str], stagger: float = 0.05) -> list[tuple[int, float]]:
    """Requests to ``paths``, ``stagger`` seconds apart, through a middleware of one slot:
    each one's status and how long it took."""
    middleware = RequestContextMiddleware(
        _slow_app, max_body_bytes=1024, max_in_flight=1, max_queue_wait_seconds=wait
    )

    async def one(path: str, delay: float) -> tuple[int, float]:
        await asyncio.sleep(delay)
        started = time.monotonic()
        statuses: list[int] = []

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                statuses.append(message["status"])

        await middleware(_scope(path), _receive, send)
        return statuses[0], time.monotonic() - started

    async def run() -> list[tuple[int, float]]:
        return list(await asyncio.gather(*(one(p, i * stagger) for i, p in enumerate(paths))))

    return asyncio.run(asyncio.wait_for(run(), 10))


def test_without_a_queue_wait_a_request_beyond_the_bound_is_refused_at_once() -> None:
    (first, first_took), (second, second_took) = _answers(0.0, ["/v1/platforms"] * 2)

    assert (first, second) == (200, 503)
    assert first_took >= HOLD
    assert second_took < 0.1


def test_a_request_beyond_the_bound_waits_for_a_slot_within_the_queue_wait() -> None:
    (first, _), (second, second_took) = _answers(1.0, ["/v1/platforms"] * 2)

    assert (first, second) == (200, 200)
    # It waited for the first to finish (HOLD less the stagger), then was answered (HOLD).
    assert 2 * HOLD - 0.1 <= second_took < 2 * HOLD + 0.2


def test_a_request_that_waits_out_the_queue_wait_is_refused_then() -> None:
    (first, _), (second, second_took) = _answers(0.1, ["/v1/platforms"] * 2)

    assert (first, second) == (200, 503)
    assert 0.1 <= second_took < HOLD


def test_waiting_requests_are_admitted_first_come_first_served() -> None:
    answers = _answers(2.0, ["/v1/platforms"] * 3, stagger=0.02)

    assert [status for status, _ in answers] == [200, 200, 200]
    took = [seconds for _, seconds in answers]
    # The third arrived last and waited for both before it (starts 0.02 s apart).
    assert took[0] < took[1] < took[2] + 0.04
    assert took[2] >= 3 * HOLD - 0.1


def test_health_is_answered_whatever_the_bound() -> None:
    (first, _), (health, health_took) = _answers(0.0, ["/v1/platforms", "/healthz"])

    assert (first, health) == (200, 200)
    assert health_took < 2 * HOLD


def _refused_post(body_arrives: bool) -> tuple[list[Message], float]:
    """A POST of a 2-byte body to a middleware whose one slot is taken: what it sent, and how
    long it took."""
    middleware = RequestContextMiddleware(_slow_app, max_body_bytes=1024, max_in_flight=1)
    scope = {**_scope(), "method": "POST", "headers": [(b"content-length", b"2")]}

    async def body() -> Message:
        if not body_arrives:
            await asyncio.sleep(3600)
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def run() -> tuple[list[Message], float]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        holder = asyncio.create_task(middleware(_scope(), _receive, send))
        await asyncio.sleep(0.05)
        started = time.monotonic()
        refused: list[Message] = []

        async def send_refused(message: Message) -> None:
            refused.append(message)

        await middleware(scope, body, send_refused)
        took = time.monotonic() - started
        await holder
        return refused, took

    return asyncio.run(asyncio.wait_for(run(), 10))


def test_a_refusal_reads_a_small_body_that_has_arrived_and_keeps_the_connection() -> None:
    sent, took = _refused_post(body_arrives=True)

    start = sent[0]
    assert start["status"] == 503
    assert (b"connection", b"close") not in start["headers"]
    assert took < HOLD


def test_a_refusal_does_not_wait_for_a_body_still_arriving_and_closes_the_connection() -> None:
    sent, took = _refused_post(body_arrives=False)

    start = sent[0]
    assert start["status"] == 503
    assert (b"connection", b"close") in start["headers"]
    assert took < HOLD
