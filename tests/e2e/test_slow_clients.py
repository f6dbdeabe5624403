"""Slow and broken clients, over raw sockets against a real server: a request's headers and its
body must arrive within their bounds or the connection is closed, and what the parser cannot
read is answered as problem+json, while everyone else is served as before."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.e2e._server import Server, start_server

HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 2.0
# A loaded machine may answer late; never as late as a client that is not cut off at all.
SLACK = 1.5
WAIT = 10.0
"""Longest any socket read waits: a connection still open by then fails the test."""

WINDOW = {"kind": "window", "name": "银川市窗口平台", "uscc": "91640100MA7AY4CL31"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("slow-clients")
    started = start_server(
        f"sqlite:///{directory / 'ledger.sqlite'}",
        directory,
        "slow-clients",
        LEDGER_HEADER_TIMEOUT_SECONDS=str(HEADER_TIMEOUT),
        LEDGER_BODY_TIMEOUT_SECONDS=str(BODY_TIMEOUT),
        LEDGER_MAX_HEADER_BYTES="8192",
    )
    try:
        yield started
    finally:
        started.stop()


@dataclass
class Answer:
    """What a raw connection read until the server closed it, and when it closed."""

    raw: bytes
    closed_after: float

    @property
    def status(self) -> int:
        return int(self.raw.split(b" ", 2)[1])

    @property
    def headers(self) -> dict[str, str]:
        head = self.raw.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        pairs = [line.split(":", 1) for line in head.split("\r\n")[1:]]
        return {name.strip().lower(): value.strip() for name, value in pairs}

    def problem(self) -> dict[str, Any]:
        assert self.headers["content-type"] == "application/problem+json", self.raw
        body: dict[str, Any] = json.loads(self.raw.split(b"\r\n\r\n", 1)[1])
        return body


def _connect(server: Server) -> socket.socket:
    url = urlsplit(server.base_url)
    return socket.create_connection((url.hostname, url.port), timeout=WAIT)


def _until_closed(sock: socket.socket, started: float, trickle: bytes = b"") -> Answer:
    """Read until the server closes; meanwhile send ``trickle`` a byte every 0.2 s."""
    raw = b""
    sock.settimeout(0.2 if trickle else WAIT)
    deadline = started + WAIT
    while time.monotonic() < deadline:
        if trickle:
            try:
                sock.sendall(trickle[:1])
            except OSError:
                break  # closed by the server while we were still sending
            trickle = trickle[1:]
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except ConnectionResetError:
            break  # closed with our bytes unread: the kernel resets instead of a FIN
        if not chunk:
            break
        raw += chunk
    else:
        raise AssertionError(f"the connection was still open after {WAIT} s: {raw!r}")
    sock.close()
    return Answer(raw, time.monotonic() - started)


def _post_head(length: int) -> bytes:
    return (
        b"POST /v1/platforms HTTP/1.1\r\nHost: ledger\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % length
    )


def _counter(server: Server, series: str) -> float:
    for line in httpx.get(f"{server.base_url}/metrics", timeout=WAIT).text.splitlines():
        if line.startswith(series + " "):
            return float(line.split()[1])
    return 0.0


def test_a_body_short_of_its_content_length_is_answered_408_and_the_connection_closed(
    server: Server,
) -> None:
    before = _counter(server, 'ledger_http_requests_timed_out_total{phase="body"}')
    sock = _connect(server)
    started = time.monotonic()
    sock.sendall(_post_head(100) + b'{"kind": "window"')

    answer = _until_closed(sock, started)

    assert answer.status == 408, answer.raw
    assert answer.problem()["code"] == "request_timeout"
    assert answer.headers["connection"] == "close"
    assert BODY_TIMEOUT - 0.1 <= answer.closed_after < BODY_TIMEOUT + SLACK
    after = _counter(server, 'ledger_http_requests_timed_out_total{phase="body"}')
    assert after == before + 1


def test_a_body_trickled_a_byte_at_a_time_is_cut_off_at_the_bound_over_the_whole_body(
    server: Server,
) -> None:
    sock = _connect(server)
    started = time.monotonic()
    sock.sendall(_post_head(100))

    # 100 bytes at 5 a second would take 20 s; every byte arrives well within any per-read bound.
    answer = _until_closed(sock, started, trickle=b"x" * 100)

    assert answer.status == 408, answer.raw
    assert answer.problem()["code"] == "request_timeout"
    assert BODY_TIMEOUT - 0.1 <= answer.closed_after < BODY_TIMEOUT + SLACK


def test_headers_sent_slowly_are_answered_408_and_the_connection_closed(server: Server) -> None:
    before = _counter(server, 'ledger_http_requests_timed_out_total{phase="headers"}')
    sock = _connect(server)
    started = time.monotonic()

    answer = _until_closed(sock, started, trickle=b"GET /healthz HTTP/1.1\r\nHost: ledger\r\n")

    assert answer.status == 408, answer.raw
    assert answer.problem()["code"] == "request_timeout"
    assert HEADER_TIMEOUT - 0.1 <= answer.closed_after < HEADER_TIMEOUT + SLACK
    after = _counter(server, 'ledger_http_requests_timed_out_total{phase="headers"}')
    assert after == before + 1


def test_a_connection_that_sends_nothing_is_closed_within_the_header_bound(
    server: Server,
) -> None:
    sock = _connect(server)

    answer = _until_closed(sock, time.monotonic())

    assert answer.raw == b""  # nothing was asked, so nothing is answered
    assert answer.closed_after < HEADER_TIMEOUT + SLACK


def test_on_a_reused_connection_the_next_requests_headers_are_bounded_too(
    server: Server,
) -> None:
    sock = _connect(server)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: ledger\r\n\r\n")
    assert sock.recv(65536).startswith(b"HTTP/1.1 200 ")
    started = time.monotonic()

    answer = _until_closed(sock, started, trickle=b"GET /healthz HTTP/1.1\r\nHost: ledger\r\n")

    assert answer.status == 408, answer.raw
    assert answer.closed_after < HEADER_TIMEOUT + SLACK


def test_while_slow_clients_hang_a_normal_write_is_answered_at_once(server: Server) -> None:
    slow_headers, slow_body = _connect(server), _connect(server)
    slow_headers.sendall(b"GET /healthz HTTP/1.1\r\n")
    slow_body.sendall(_post_head(100))
    (admin,) = server.admin_keys()

    started = time.monotonic()
    with httpx.Client(base_url=server.base_url, timeout=WAIT) as client:
        created = client.post(
            "/v1/platforms",
            headers={"Authorization": f"Bearer {admin}"},
            json={**WINDOW, "region": "640100"},
        )
        again = client.get("/healthz")  # on the same, kept-alive connection
    answered_in = time.monotonic() - started

    assert created.status_code == 201, created.text
    assert again.status_code == 200
    assert answered_in < HEADER_TIMEOUT
    for sock in (slow_headers, slow_body):
        assert _until_closed(sock, started).closed_after < BODY_TIMEOUT + SLACK


def test_a_response_given_before_the_body_was_read_closes_the_connection(
    server: Server,
) -> None:
    sock = _connect(server)
    started = time.monotonic()
    sock.sendall(b"POST /v1/nowhere HTTP/1.1\r\nHost: ledger\r\nContent-Length: 100\r\n\r\n12")

    answer = _until_closed(sock, started, trickle=b"3" * 50)

    assert answer.status == 404, answer.raw
    assert answer.headers["connection"] == "close"
    assert answer.closed_after < 1.0


@pytest.mark.parametrize(
    ("request_bytes", "status", "code"),
    [
        pytest.param(b"NOT HTTP AT ALL\r\n\r\n", 400, "malformed_request", id="request-line"),
        pytest.param(
            b"POST /v1/platforms HTTP/1.1\r\nHost: ledger\r\nContent-Length: ten\r\n\r\n",
            400,
            "malformed_request",
            id="content-length",
        ),
        pytest.param(
            b"POST /v1/platforms HTTP/1.1\r\nHost: ledger\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            400,
            "malformed_request",
            id="chunked-encoding",
        ),
        pytest.param(
            b"GET /healthz HTTP/1.1\r\nHost: ledger\r\nX-Padding: " + b"a" * 9000 + b"\r\n\r\n",
            431,
            "headers_too_large",
            id="oversized-headers",
        ),
    ],
)
def test_a_request_the_parser_cannot_read_is_answered_as_a_problem_and_closed(
    server: Server, request_bytes: bytes, status: int, code: str
) -> None:
    sock = _connect(server)
    started = time.monotonic()
    sock.sendall(request_bytes)

    answer = _until_closed(sock, started)

    assert answer.status == status, answer.raw
    problem = answer.problem()
    assert (problem["status"], problem["code"]) == (status, code)
    assert problem["request_id"] == answer.headers["x-request-id"]
    assert answer.headers["connection"] == "close"
    assert answer.closed_after < 1.0
