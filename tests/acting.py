"""Handling commands in tests as a given envelope's actor, at its business time."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from ledger.application.app import LedgerApplication
from ledger.application.capability import Command
from ledger.application.context import IdempotencyRequest, Principal, RequestContext
from ledger.domain.envelope import Envelope

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
) -> R:
    """Handle ``command`` as ``meta``'s actor, at ``meta``'s business time unless it names one."""
    if command.occurred_at is None:
        command = replace(command, occurred_at=meta.occurred_at)
    context = context_of(meta, expected_version=expected_version, idempotency=idempotency)
    return ledger.handle(command, context)
