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
