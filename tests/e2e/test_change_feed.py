"""The change feed over a real server: resumption after a disconnect, heartbeats, the connection
cap, a revoked key, and a shutdown that does not wait for open feeds.

Every read is bounded (``WAIT``): a feed that stops sending fails the test, never hangs it."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests import _sse
from tests.api._support import platform_body
from tests.e2e._server import Server, create_key, run_cli, start_server

HEARTBEAT = 0.3
WAIT = 10.0
"""Longest a test waits for the feed to send what it expects."""


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    directory = tmp_path_factory.mktemp("change-feed")
    return f"sqlite:///{directory / 'ledger.sqlite'}", directory


@pytest.fixture(scope="module")
def server(database: tuple[str, Path]) -> Iterator[Server]:
    url, directory = database
    started = start_server(
        url,
        directory,
        "change-feed",
        LEDGER_CHANGE_FEED_HEARTBEAT_SECONDS=str(HEARTBEAT),
        LEDGER_CHANGE_FEED_POLL_SECONDS="0.05",
        LEDGER_CHANGE_FEED_PAGE_SIZE="3",
        LEDGER_CHANGE_FEED_MAX_CONNECTIONS="2",
        LEDGER_CHANGE_FEED_RETRY_MS="3000",
    )
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="module")
def auditor(database: tuple[str, Path], server: Server) -> str:
    return create_key(database[0], "--role", "auditor", "--name", "feed auditor").secret


class Stream:
    """One open feed, read as a client reads it."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.text = ""
        self._chunks = response.iter_text()
        self.ended = False

    @property
    def messages(self) -> list[_sse.Message]:
        return _sse.parse(self.text)

    def read_until(self, done: object, wait: float = WAIT) -> list[_sse.Message]:
        """Read until ``done(messages)`` holds (or the feed ends); fail after ``wait`` s."""
        assert callable(done)
        deadline = time.monotonic() + wait
        while not done(self.messages):
            assert time.monotonic() < deadline, f"the feed did not send it in time:\n{self.text}"
            try:
                self.text += next(self._chunks)
            except StopIteration:
                self.ended = True
                break
        return self.messages


@contextmanager
def feed(server: Server, key: str, **headers: str) -> Iterator[Stream]:
    with (
        httpx.Client(base_url=server.base_url, timeout=WAIT) as client,
        client.stream(
            "GET", "/v1/changes", headers={"Authorization": f"Bearer {key}", **headers}
        ) as response,
    ):
        assert response.status_code == 200, response.read()
        yield Stream(response)


def _head(server: Server, key: str) -> int:
    page = httpx.get(
        f"{server.base_url}/v1/events",
        params={"limit": 1},
        headers={"Authorization": f"Bearer {key}"},
    )
    head: int = page.json()["head"]
    return head


def _positions(server: Server, key: str, after: int) -> list[str]:
    page = httpx.get(
        f"{server.base_url}/v1/events",
        params={"after": after, "limit": 1000},
        headers={"Authorization": f"Bearer {key}"},
    )
    return [str(e["position"]) for e in page.json()["events"]]


def _reached(position: int) -> object:
    return lambda messages: any(m.id == str(position) for m in messages)


def _gauge(server: Server) -> float:
    for line in httpx.get(f"{server.base_url}/metrics").text.splitlines():
        if line.startswith("ledger_change_feed_connections "):
            return float(line.split()[1])
    raise AssertionError("no ledger_change_feed_connections")


def _gauge_becomes(server: Server, value: float) -> None:
    deadline = time.monotonic() + WAIT
    while _gauge(server) != value:
        assert time.monotonic() < deadline, f"ledger_change_feed_connections is {_gauge(server)}"
        time.sleep(0.05)


def test_a_feed_resumed_after_a_disconnect_is_sent_exactly_what_it_missed(
    server: Server, auditor: str
) -> None:
    head = _head(server, auditor)
    with feed(server, auditor) as stream:
        first = _sse.events(stream.read_until(_reached(head)))
        assert stream.messages[0].retry == 3000
    assert [m.id for m in first] == _positions(server, auditor, 0)
    # Written while the client is away.
    for _ in range(2):
        registered = httpx.post(
            f"{server.base_url}/v1/platforms",
            json=platform_body(),
            headers={"Authorization": f"Bearer {server.admin_keys()[0]}"},
        )
        assert registered.status_code == 201, registered.text
    new_head = _head(server, auditor)
    assert new_head > head

    last = _sse.last_event_id(first)
    assert last is not None
    with feed(server, auditor, **{"Last-Event-ID": last}) as stream:
        missed = _sse.events(stream.read_until(_reached(new_head)))

    assert [m.id for m in missed] == _positions(server, auditor, int(last))
    assert [m.event for m in missed][-2:] == ["Platform.RegisteredAsConnected"] * 2
    all_ids = [m.id for m in first + missed]
    assert len(all_ids) == len(set(all_ids)) == new_head


def test_a_quiet_feed_sends_heartbeats(server: Server, auditor: str) -> None:
    head = _head(server, auditor)
    with feed(server, auditor, **{"Last-Event-ID": str(head)}) as stream:
        started = time.monotonic()
        messages = stream.read_until(
            lambda ms: sum("keep-alive" in m.comments for m in ms) >= 3, wait=HEARTBEAT * 3 + 5
        )
        elapsed = time.monotonic() - started
    assert _sse.events(messages) == []
    assert elapsed >= HEARTBEAT * 2  # heartbeats are spaced, not sent in a burst


def test_feeds_beyond_the_cap_are_refused_with_503_until_one_closes(
    server: Server, auditor: str
) -> None:
    _gauge_becomes(server, 0)
    with feed(server, auditor) as one, feed(server, auditor) as two:
        one.read_until(lambda ms: bool(ms))
        two.read_until(lambda ms: bool(ms))
        assert _gauge(server) == 2

        refused = httpx.get(
            f"{server.base_url}/v1/changes", headers={"Authorization": f"Bearer {auditor}"}
        )
        assert refused.status_code == 503
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["code"] == "feed_busy"
        assert refused.headers["retry-after"] == "3"
        # Other requests are answered as before: a feed holds no request slot.
        assert (
            httpx.get(
                f"{server.base_url}/v1/platforms", headers={"Authorization": f"Bearer {auditor}"}
            ).status_code
            == 200
        )
    _gauge_becomes(server, 0)
    with feed(server, auditor) as again:
        assert again.read_until(lambda ms: bool(ms))


def test_a_revoked_keys_feed_ends_and_is_not_reopened(
    server: Server, database: tuple[str, Path]
) -> None:
    key = create_key(database[0], "--role", "auditor", "--name", "to revoke")
    with feed(server, key.secret) as stream:
        stream.read_until(lambda ms: bool(_sse.events(ms)))
        revoked = run_cli(database[0], "keys", "revoke", key.key_id, "--reason", "leaked")
        assert revoked.returncode == 0, revoked.stderr
        ended_by = time.monotonic() + HEARTBEAT * 3 + 5
        stream.read_until(lambda _: False, wait=ended_by - time.monotonic())
        assert stream.ended
    again = httpx.get(
        f"{server.base_url}/v1/changes", headers={"Authorization": f"Bearer {key.secret}"}
    )
    assert again.status_code == 401


def test_a_shutdown_ends_open_feeds_instead_of_waiting_for_them(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    server = start_server(url, tmp_path, "shutdown", LEDGER_CHANGE_FEED_MAX_SECONDS="600")
    try:
        key = create_key(url, "--role", "auditor").secret
        with feed(server, key) as stream:
            stream.read_until(lambda ms: bool(_sse.events(ms)))
            started = time.monotonic()
            server.process.terminate()
            stream.read_until(lambda _: False)
            assert stream.ended
        # Exited of itself (uvicorn ends as the signal it was stopped by): not after the feed's
        # ten minutes, nor killed by the test after its wait.
        assert server.process.wait(timeout=WAIT) in (0, -signal.SIGTERM)
        assert time.monotonic() - started < WAIT
    finally:
        server.stop()
