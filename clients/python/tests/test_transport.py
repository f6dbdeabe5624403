"""Retries are safe: a POST is sent again only with the Idempotency-Key it was first sent with."""

from __future__ import annotations

import httpx
import pytest
from sme_ledger_client import RetryingTransport


class Scripted:
    """A server that answers from a script: a status (with headers), or an exception to raise."""

    def __init__(self, *script: int | tuple[int, dict[str, str]] | Exception) -> None:
        self.script = list(script)
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        status, headers = step if isinstance(step, tuple) else (step, {})
        return httpx.Response(status, headers=headers, json={"ok": status < 300})


def _client(server: Scripted, waits: list[float], **options: float) -> httpx.Client:
    transport = RetryingTransport(
        httpx.MockTransport(server),
        attempts=int(options.get("attempts", 6)),
        max_wait=options.get("max_wait", 30.0),
        sleep=waits.append,
        new_key=lambda: "made-1",
    )
    return httpx.Client(base_url="http://ledger.test", transport=transport)


def test_a_post_refused_for_now_is_sent_again_with_the_same_key_after_retry_after() -> None:
    server, waits = Scripted((503, {"Retry-After": "2"}), 201), list[float]()

    response = _client(server, waits).post("/v1/service-cases", json={"a": 1})

    assert response.status_code == 201
    assert [r.headers["Idempotency-Key"] for r in server.seen] == ["made-1", "made-1"]
    assert [r.content for r in server.seen] == [b'{"a":1}', b'{"a":1}']
    assert waits == [2.0]


def test_a_post_whose_answer_was_lost_is_sent_again_with_the_key_the_caller_chose() -> None:
    lost = httpx.ReadError("connection reset")
    server, waits = Scripted(lost, httpx.ConnectError("refused"), 200), list[float]()

    response = _client(server, waits).post(
        "/v1/service-cases/x/delivery", json={}, headers={"Idempotency-Key": "mine"}
    )

    assert response.status_code == 200
    assert {r.headers["Idempotency-Key"] for r in server.seen} == {"mine"}
    assert len(waits) == 2
    assert all(0 <= w <= 0.4 for w in waits)  # jittered, backoff 0.2 doubling


def test_reads_are_retried_without_a_key() -> None:
    server, waits = Scripted(502, 200), list[float]()

    response = _client(server, waits).get("/v1/platforms")

    assert response.status_code == 200
    assert ["Idempotency-Key" in r.headers for r in server.seen] == [False, False]


def test_an_answer_that_is_not_for_now_is_returned_at_once() -> None:
    server, waits = Scripted(422), list[float]()

    response = _client(server, waits).post("/v1/service-cases", json={})

    assert response.status_code == 422
    assert len(server.seen) == 1
    assert waits == []


def test_after_the_last_attempt_the_last_answer_or_error_is_the_caller_s() -> None:
    refused, waits = Scripted(503, 503, 503), list[float]()
    assert _client(refused, waits, attempts=3).post("/x", json={}).status_code == 503
    assert len(refused.seen) == 3

    unreachable = Scripted(*(httpx.ConnectError("refused") for _ in range(3)))
    with pytest.raises(httpx.ConnectError):
        _client(unreachable, [], attempts=3).get("/x")


def test_a_long_retry_after_is_capped() -> None:
    server, waits = Scripted((503, {"Retry-After": "3600"}), 200), list[float]()

    _client(server, waits, max_wait=5.0).get("/x")

    assert waits == [5.0]


def test_at_least_one_attempt() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        RetryingTransport(attempts=0)
