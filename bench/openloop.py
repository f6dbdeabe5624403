"""A small HTTP/1.1 load generator on raw asyncio streams, closed loop or open loop.

Closed loop: ``connections`` clients, each sending its next request when the last was answered
(or, after a ``503``, once its ``Retry-After`` has passed, as a well-behaved client would: a
client that retried at once would measure how fast refusals come back, not the capacity).
Open loop: requests sent on a fixed schedule, ``rate`` a second, whatever the server does, each
on an idle keep-alive connection or on a new one (at most ``max_connections`` open). A
request's latency is counted from the time it was *scheduled* to be sent, so a server (or a
client) that falls behind is charged for every request that waited, not only for the one it
was slow to answer (no coordinated omission).

Every request is a POST of ``template`` with ``__REF__`` replaced by a reference of its own.
It is lighter than httpx (a few tens of microseconds a request), so it can offer several
times what the server answers from the same two cores; loopback only.
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

REF = "__REF__"
TIMEOUT_SECONDS = 10.0
now = time.perf_counter


@dataclass
class Tally:
    """What one run got back: latencies of the 2xx answers, and a count of every other end."""

    ok_seconds: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    shed_with_retry_after: int = 0
    shed_without_retry_after: int = 0
    errors: int = 0
    send_lag_seconds: list[float] = field(default_factory=list)
    connections_opened: int = 0

    def summary(self, seconds: float) -> dict[str, Any]:
        other_5xx = sum(n for s, n in self.statuses.items() if s >= 500 and s != 503)
        lag = quantiles(self.send_lag_seconds)
        return {
            "seconds": seconds,
            "sent": sum(self.statuses.values()) + self.errors,
            "accepted": len(self.ok_seconds),
            "accepted_per_second": len(self.ok_seconds) / seconds if seconds else 0.0,
            **{f"{k}_ms": v * 1000 for k, v in quantiles(self.ok_seconds).items()},
            "statuses": {str(s): n for s, n in sorted(self.statuses.items())},
            "shed_503_with_retry_after": self.shed_with_retry_after,
            "shed_503_without_retry_after": self.shed_without_retry_after,
            "other_5xx": other_5xx,
            "errors": self.errors,
            "send_lag_p99_ms": lag["p99"] * 1000,
            "connections_opened": self.connections_opened,
        }


def quantiles(samples: list[float]) -> dict[str, float]:
    if len(samples) < 2:
        only = samples[0] if samples else 0.0
        return {"p50": only, "p99": only, "max": only}
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": q[49], "p99": q[98], "max": max(samples)}


class _Target:
    def __init__(self, url: str, secret: str, template: str) -> None:
        rest = url.removeprefix("http://")
        hostport, _, path = rest.partition("/")
        host, _, port = hostport.partition(":")
        self.host, self.port, self.path = host, int(port or 80), "/" + path
        self.head = (
            f"POST {self.path} HTTP/1.1\r\nHost: {hostport}\r\n"
            f"Authorization: Bearer {secret}\r\nContent-Type: application/json\r\n"
        ).encode()
        self.template = template
        self.prefix = uuid.uuid4().hex[:8]
        self.count = 0

    def request(self) -> bytes:
        self.count += 1
        body = self.template.replace(REF, f"{self.prefix}-{self.count}").encode()
        return self.head + b"Content-Length: %d\r\n\r\n" % len(body) + body


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def exchange(self, request: bytes) -> tuple[int, dict[bytes, bytes]]:
        """Send one request and read its whole answer: its status and its headers."""
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        headers: dict[bytes, bytes] = {}
        for line in lines[1:]:
            name, sep, value = line.partition(b":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        if b"content-length" in headers:
            await self.reader.readexactly(int(headers[b"content-length"]))
        else:  # the answers of this server have a length; without one, the body ends the stream
            await self.reader.read()
            headers[b"connection"] = b"close"
        return status, headers

    def close(self) -> None:
        self.writer.close()


class _Client:
    def __init__(self, target: _Target, max_connections: int) -> None:
        self.target = target
        self.idle: list[_Connection] = []
        self.slots = asyncio.Semaphore(max_connections)
        self.tally = Tally()

    async def send(self, scheduled: float) -> float:
        """One request, its latency counted from ``scheduled``, a ``time.perf_counter`` (the
        clock of uvloop counts whole milliseconds). Returns the ``Retry-After`` of a 503, else 0."""
        async with self.slots:
            request = self.target.request()
            self.tally.send_lag_seconds.append(now() - scheduled)
            connection: _Connection | None = None
            try:
                async with asyncio.timeout(TIMEOUT_SECONDS):
                    while True:
                        reused = bool(self.idle)
                        connection = self.idle.pop() if reused else await self._connect()
                        try:
                            status, headers = await connection.exchange(request)
                            break
                        except (OSError, asyncio.IncompleteReadError) as e:
                            # A keep-alive connection the server closed while it was idle: the
                            # request never reached it, so it goes again on another.
                            connection.close()
                            partial = isinstance(e, asyncio.IncompleteReadError) and e.partial
                            if not reused or partial:
                                raise
            except (OSError, EOFError, TimeoutError, ValueError, asyncio.IncompleteReadError):
                self.tally.errors += 1
                if connection is not None:
                    connection.close()
                return 0.0
            elapsed = now() - scheduled
            self.tally.statuses[status] += 1
            if 200 <= status < 300:
                self.tally.ok_seconds.append(elapsed)
            retry_after = headers.get(b"retry-after", b"")
            if status == 503:
                if retry_after.isdigit():
                    self.tally.shed_with_retry_after += 1
                else:
                    self.tally.shed_without_retry_after += 1
            if headers.get(b"connection", b"").lower() == b"close":
                connection.close()
            else:
                self.idle.append(connection)
            return float(retry_after) if status == 503 and retry_after.isdigit() else 0.0

    async def _connect(self) -> _Connection:
        reader, writer = await asyncio.open_connection(self.target.host, self.target.port)
        self.tally.connections_opened += 1
        return _Connection(reader, writer)

    def close(self) -> None:
        for connection in self.idle:
            connection.close()
        self.idle.clear()


async def _closed(target: _Target, connections: int, seconds: float) -> dict[str, Any]:
    client = _Client(target, connections)
    started, cpu = now(), time.process_time()
    deadline = started + seconds

    async def one_client() -> None:
        while now() < deadline:
            pause = await client.send(now())
            if pause:
                await asyncio.sleep(min(pause, deadline - now()))

    await asyncio.gather(*(one_client() for _ in range(connections)))
    elapsed = now() - started
    client.close()
    result = client.tally.summary(elapsed)
    result["client_cpu_seconds"] = time.process_time() - cpu
    return result


async def _open(
    target: _Target, rate: float, seconds: float, max_connections: int
) -> dict[str, Any]:
    client = _Client(target, max_connections)
    started, cpu = now(), time.process_time()
    total = int(rate * seconds)
    pending: set[asyncio.Task[float]] = set()
    for i in range(total):
        scheduled = started + i / rate
        delay = scheduled - now()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(client.send(scheduled))  # no pause: the schedule is the schedule
        pending.add(task)
        task.add_done_callback(pending.discard)
    offered_for = now() - started
    if pending:  # answers still on their way are waited for, each within its own timeout
        await asyncio.wait(set(pending))
    client.close()
    result = client.tally.summary(seconds)
    result["offered_per_second"] = total / offered_for if offered_for else 0.0
    result["drained_after_seconds"] = now() - started - offered_for
    result["client_cpu_seconds"] = time.process_time() - cpu
    return result


def _run(coroutine: Coroutine[Any, Any, dict[str, Any]]) -> dict[str, Any]:
    try:
        import uvloop  # the server's event loop, and a lighter client than asyncio's own
    except ImportError:  # a dependency of uvicorn[standard], but the suite runs without it
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def closed_loop(
    url: str, secret: str, template: str, *, connections: int, seconds: float
) -> dict[str, Any]:
    """``connections`` clients back to back for ``seconds``."""
    return _run(_closed(_Target(url, secret, template), connections, seconds))


def open_loop(
    url: str,
    secret: str,
    template: str,
    *,
    rate: float,
    seconds: float,
    max_connections: int = 2000,
) -> dict[str, Any]:
    """``rate`` requests a second for ``seconds``, on schedule, whatever the answers."""
    return _run(_open(_Target(url, secret, template), rate, seconds, max_connections))
