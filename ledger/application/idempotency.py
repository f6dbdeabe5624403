"""Idempotency-Key: the answer kept beside a write's events, and found again on a retry.

A write with a key keeps its answer in an :class:`IdempotencyRecord`, saved by the event store in
the same transaction as its events. A request that makes many writes (a batch import) keeps each
write's answer under a part of its key (:meth:`IdempotencyRequest.part`), and the key itself
with the last of them, so a retry is recognised whichever of its writes were made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

import orjson

from ledger.application.context import IdempotencyRequest
from ledger.application.ports import EventStore, IdempotencyRecord
from ledger.application.writes import Outcome, Write
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import IdempotencyKeyReusedError


def replay(store: EventStore, idempotency: IdempotencyRequest) -> Outcome | None:
    """The kept answer to the key, if it was used; refused if it came with another request."""
    found = store.stored_response(idempotency.scope, idempotency.key)
    if found is None:
        return None
    if found.fingerprint != idempotency.fingerprint:
        raise IdempotencyKeyReusedError(
            f"Idempotency-Key {idempotency.key!r} was already used for a different request. "
            "Use a new key for a new request.",
        )
    return Outcome.from_replay(found)


def replayed_parts(
    store: EventStore, idempotency: IdempotencyRequest, parts: Iterable[str]
) -> dict[str, Outcome] | None:
    """For a request of many writes: ``None`` if its key is new, else the kept answer of each
    of its ``parts`` that was written (the others wrote nothing)."""
    if replay(store, idempotency) is None:
        return None
    found = {name: replay(store, idempotency.part(name)) for name in parts}
    return {name: outcome for name, outcome in found.items() if outcome is not None}


def record_of(
    idempotency: IdempotencyRequest,
    command: Write[Any],
    aggregate: LedgerAggregate,
    body: Mapping[str, Any],
    last_event: Any,
) -> IdempotencyRecord:
    """What to keep of a decided write: its answer, anchored on its last event (saved last,
    whichever aggregate it belongs to), whose position the answer reports, so a replay reports
    the same one."""
    return IdempotencyRecord(
        scope=idempotency.scope,
        key=idempotency.key,
        fingerprint=idempotency.fingerprint,
        status=201 if command.creates else 200,
        resource_type=command.resource_type,
        resource_id=aggregate.id,
        version=aggregate.version,
        body=orjson.dumps(body),
        anchor_id=last_event.originator_id,
        anchor_version=last_event.originator_version,
    )


def marker(idempotency: IdempotencyRequest, part: IdempotencyRecord) -> IdempotencyRecord:
    """The record of a many-write request's key itself, saved with the record of one part."""
    return replace(part, key=idempotency.key, body=b"{}")
