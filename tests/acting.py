"""Handling commands in tests as a given envelope's actor, at its business time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.capability import Command
from ledger.application.context import IdempotencyRequest, Principal, RequestContext
from ledger.domain.envelope import Envelope
from ledger.domain.errors import LedgerError
from runtime.bootstrap import Runtime
from runtime.settings import Settings

R = TypeVar("R")


def context_of(
    meta: Envelope,
    *,
    expected_version: int | None = None,
    idempotency: IdempotencyRequest | None = None,
) -> RequestContext:
    """The request whose events carry ``meta``'s actor, platform and correlation."""
    principal = Principal(meta.actor, platform_id=meta.platform_id)
    return RequestContext(principal, meta.correlation_id, expected_version, idempotency)


def act(
    ledger: LedgerApplication,
    command: Command[R],
    meta: Envelope,
    *,
    expected_version: int | None = None,
    idempotency: IdempotencyRequest | None = None,
    as_it_happened: bool = False,
) -> R:
    """Handle ``command`` as ``meta``'s actor, at ``meta``'s business time unless it names one;
    ``as_it_happened``: recorded at that business time too (a test of a calendar of steps,
    where the ledger would have recorded each on its day)."""
    if command.occurred_at is None:
        command = replace(command, occurred_at=meta.occurred_at)
    context = context_of(meta, expected_version=expected_version, idempotency=idempotency)
    if as_it_happened:
        with ledger.uow.clock_at(command.occurred_at or meta.occurred_at):
            return ledger.handle(command, context)
    return ledger.handle(command, context)


def act_on_its_day(
    ledger: LedgerApplication,
    command: Command[R],
    meta: Envelope,
    *,
    expected_version: int | None = None,
    idempotency: IdempotencyRequest | None = None,
) -> R:
    """:func:`act`, recorded at its business time: for tests that walk a calendar of steps."""
    return act(
        ledger,
        command,
        meta,
        expected_version=expected_version,
        idempotency=idempotency,
        as_it_happened=True,
    )


def _url_of(ledger: LedgerApplication) -> str:
    env = ledger.env
    if env.get("SQLITE_DBNAME"):
        return f"sqlite:///{env.get('SQLITE_DBNAME')}"
    user, password = env.get("POSTGRES_USER"), env.get("POSTGRES_PASSWORD") or ""
    host, port, name = (
        env.get("POSTGRES_HOST"),
        env.get("POSTGRES_PORT"),
        env.get("POSTGRES_DBNAME"),
    )
    return f"postgresql://{user}:{password}@{host}:{port}/{name}"


class CaughtUp:
    """The directory view of ``ledger``, caught up with its log at every read (as the API reads
    its daemon's at the head of the log)."""

    def __init__(self, ledger: LedgerApplication) -> None:
        self.ledger = ledger

    def entries(self, kind: str, **filters: object) -> list[tuple[UUID, int]]:
        with Runtime(Settings(database_url=_url_of(self.ledger)), ledger=self.ledger) as runtime:
            return runtime.directory().entries(kind, **filters)  # type: ignore[arg-type]


E = TypeVar("E", bound=LedgerError)


def assert_refused_unrecorded(
    ledger: LedgerApplication, error: type[E], code: str, action: Callable[[], object]
) -> E:
    """``action`` fails with ``error`` of ``code`` and the log does not move; the error."""
    head = ledger.head_position()

    with pytest.raises(error) as excinfo:
        action()

    assert excinfo.value.code == code
    assert ledger.head_position() == head
    return excinfo.value
