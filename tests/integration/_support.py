"""Helpers shared by the PostgreSQL integration tests: databases, a small network, thread races."""

from __future__ import annotations

import functools
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar, cast
from uuid import UUID

import psycopg

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import OpenCase
from ledger.application.commands.participants import RegisterConnectedPlatform, RegisterEnterprise
from ledger.application.context import IdempotencyRequest
from ledger.application.writes import Outcome
from ledger.domain.envelope import Envelope
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import Channel
from tests.acting import act
from tests.application.support import CONNECTED_AT
from tests.conftest import DEFAULT_TEST_POSTGRES_URL
from tests.conftest import fresh_database as fresh_database
from tests.conftest import with_dbname as with_dbname

T = TypeVar("T")

WINDOW_USCC = "91640100MA7AY4CL31"
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"
REGION = "640100"
CATEGORY = "10"
ACTOR = "key:integration-test"

BARRIER_TIMEOUT_SECONDS = 20.0


# --- databases ---------------------------------------------------------------------------------


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@functools.cache
def reachable_postgres_server() -> tuple[str, str | None]:
    """The server URL, and why it cannot be used (``None`` when it can).

    Cached: unittest-style cases ask once per test, and an unreachable server should cost one
    connect timeout, not one per test.
    """
    url = os.environ.get("LEDGER_TEST_POSTGRES_URL", DEFAULT_TEST_POSTGRES_URL)
    try:
        with psycopg.connect(url, connect_timeout=3):
            pass
    except psycopg.OperationalError as e:
        return url, f"PostgreSQL is not reachable at {url} ({e}). Set LEDGER_TEST_POSTGRES_URL."
    return url, None


def event_rows(url: str) -> list[tuple[object, ...]]:
    """Every row of ``ledger_events``, in log order, read with plain SQL."""
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT notification_id, originator_id, originator_version, topic, state "
            "FROM ledger_events ORDER BY notification_id"
        ).fetchall()


# --- a small network: one window, one enterprise -----------------------------------------------


def envelope(platform_id: UUID | None, *, occurred_at: datetime | None = None) -> Envelope:
    correlation = f"corr-{uuid.uuid4().hex[:8]}"
    return Envelope(
        actor=ACTOR,
        platform_id=platform_id,
        correlation_id=correlation,
        causation_id=correlation,
        occurred_at=occurred_at or datetime.now(UTC),
    )


@dataclass(frozen=True)
class Network:
    """What a test needs to record cases: a connected window and a registered enterprise."""

    window_id: UUID
    enterprise_uscc: str

    def meta(self, *, occurred_at: datetime | None = None) -> Envelope:
        """An envelope for the window acting on its own cases."""
        return envelope(self.window_id, occurred_at=occurred_at)


def set_up_network(ledger: LedgerApplication) -> Network:
    platform = act(
        ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.WINDOW, name="银川市中小企业服务窗口", uscc=WINDOW_USCC, region=REGION
        ),
        envelope(None, occurred_at=CONNECTED_AT),
    )
    act(
        ledger,
        RegisterEnterprise(
            uscc=ENTERPRISE_USCC,
            name="宁夏测试科技有限公司",
            region=REGION,
            industry="software_it",
            employees=25,
            revenue_wan=Decimal("800"),
        ),
        envelope(None),
    )
    return Network(window_id=platform.resource_id, enterprise_uscc=ENTERPRISE_USCC)


def open_case(
    ledger: LedgerApplication,
    network: Network,
    external_ref: str,
    *,
    description: str = "融资对接咨询",
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    return act(
        ledger,
        OpenCase(
            external_ref=external_ref,
            uscc=network.enterprise_uscc,
            category=CATEGORY,
            channel=Channel.ONLINE,
            description=description,
        ),
        network.meta(),
        idempotency=idempotency,
    )


# --- races ---------------------------------------------------------------------------------------


def start_line(count: int) -> threading.Barrier:
    """Where ``count`` racing threads wait for each other; a broken race fails, never hangs."""
    return threading.Barrier(count, timeout=BARRIER_TIMEOUT_SECONDS)


def race(start: threading.Barrier, attempt: Callable[[int], T]) -> list[T | BaseException]:
    """Run ``attempt(i)`` on one thread per party of ``start``; each result or error, by thread.

    Each attempt waits at ``start`` where the race should begin, so every thread has reached
    that point before any of them goes on.
    """
    with ThreadPoolExecutor(max_workers=start.parties) as pool:
        futures = [pool.submit(attempt, i) for i in range(start.parties)]
        results: list[T | BaseException] = []
        for future in futures:
            error = future.exception()
            results.append(future.result() if error is None else error)
    return results


def successes(results: list[T | BaseException]) -> list[T]:
    return [r for r in results if not isinstance(r, BaseException)]


def failures(results: list[T | BaseException]) -> list[BaseException]:
    return [r for r in results if isinstance(r, BaseException)]


def sole_winner(
    results: list[Outcome | BaseException], losers_fail_with: type[BaseException], threads: int
) -> tuple[int, Outcome]:
    """The one thread whose attempt succeeded, and its outcome; every other failed with
    ``losers_fail_with``."""
    won = [(i, r) for i, r in enumerate(results) if isinstance(r, Outcome)]
    assert len(won) == 1, results
    assert [type(e) for e in failures(results)] == [losers_fail_with] * (threads - 1)
    return won[0]


@contextmanager
def deciding_after(
    start: threading.Barrier, ledgers: list[LedgerApplication], aggregate: type
) -> Iterator[None]:
    """While inside, every step the ledgers take on an ``aggregate`` waits at ``start`` once it
    is loaded, so racing threads all decide on the same version."""
    capabilities = {id(c): c for c in (cast(Any, led.capability(aggregate)) for led in ledgers)}
    for capability in capabilities.values():
        take = capability._take

        def waiting(subject: object, step: object, meta: Envelope, take: Any = take) -> None:
            # Every thread has loaded the same version before any of them decides and saves.
            start.wait()
            take(subject, step, meta)

        capability._take = waiting
    try:
        yield
    finally:
        for capability in capabilities.values():
            del capability._take
