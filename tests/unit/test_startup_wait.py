"""A starting API process waits for PostgreSQL within ``LEDGER_STARTUP_WAIT_SECONDS``, and
raises anything that is not the database being away at once."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest

from runtime.settings import Settings
from runtime.startup import wait_for_database

POSTGRES = "postgresql://ledger@127.0.0.1:5432/ledger"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def failing(times: int, error: Exception) -> tuple[list[int], Callable[[], object]]:
    calls: list[int] = []

    def check() -> object:
        calls.append(1)
        if len(calls) <= times:
            raise error
        return []

    return calls, check


REFUSED = psycopg.OperationalError("connection failed: Connection refused")


def test_a_database_that_answers_after_a_while_is_waited_for_with_a_growing_back_off() -> None:
    clock = Clock()
    calls, check = failing(6, REFUSED)

    wait_for_database(Settings(database_url=POSTGRES), check, sleep=clock.sleep, clock=clock)

    assert len(calls) == 7
    assert clock.sleeps == [0.25, 0.5, 1.0, 2.0, 2.0, 2.0]


def test_a_database_away_longer_than_the_bound_is_an_error_raised_at_the_bound() -> None:
    clock = Clock()
    _, check = failing(1000, REFUSED)
    settings = Settings(database_url=POSTGRES, startup_wait_seconds=10)

    with pytest.raises(psycopg.OperationalError):
        wait_for_database(settings, check, sleep=clock.sleep, clock=clock)

    assert clock.now == 10.0


def test_an_error_that_is_not_a_lost_connection_is_raised_at_once() -> None:
    clock = Clock()
    denied = psycopg.errors.InsufficientPrivilege("permission denied for table ledger_events")
    calls, check = failing(1000, denied)

    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        wait_for_database(Settings(database_url=POSTGRES), check, sleep=clock.sleep, clock=clock)

    assert (len(calls), clock.sleeps) == (1, [])


def test_nothing_is_waited_for_on_sqlite() -> None:
    calls, check = failing(1000, REFUSED)

    wait_for_database(Settings(database_url="sqlite:///:memory:"), check)

    assert calls == []
