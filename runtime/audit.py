"""The audit side of a running API process: the audit store, proofs, the access log writer
and, on the embedded store, the in-process sealer. Built and stopped by the app's lifespan.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ledger.application.app import LedgerApplication
from ledger.audit.keys import SealKeyError, SigningKey, resolve_signing_key
from ledger.audit.proofs import AuditProofs
from ledger.audit.records import AuditStore
from ledger.audit.sealer import Sealer, SealerThread, SealPolicy
from ledger.audit.timestamping import StampOutcome, TimestampThread
from ledger.audit.witnessing import Outcome, Witnessing, WitnessThread
from ledger.persistence.audit_store import audit_store_for
from runtime import metrics
from runtime.access_log import AccessLogWriter
from runtime.settings import Settings
from runtime.timestamps import build_timestamping

log = logging.getLogger("ledger.audit")
GENERATED_KEY_NAME = "seal-key.pem"


@dataclass
class AuditRuntime:
    store: AuditStore
    proofs: AuditProofs
    access_log: AccessLogWriter | None
    sealer: SealerThread | None
    witnessing: WitnessThread | None = None
    timestamps: TimestampThread | None = None


def seal_policy(settings: Settings) -> SealPolicy:
    return SealPolicy(
        every_events=settings.seal_every_events,
        interval=timedelta(seconds=settings.seal_interval_seconds),
    )


def embedded_key_path(settings: Settings) -> Path | None:
    """Where the embedded set-up keeps a generated key: beside its SQLite file."""
    store = settings.store
    if store.is_postgres or store.sqlite_path in {"", ":memory:"}:
        return None
    return Path(store.sqlite_path).resolve().parent / GENERATED_KEY_NAME


def build_sealer(
    settings: Settings,
    ledger: LedgerApplication,
    key: SigningKey,
    store: AuditStore | None = None,
) -> Sealer:
    """The sealer of ``ledger``'s log, with the policy of ``settings`` (in-process or a worker)."""
    store = store or audit_store_for(ledger.recorder)
    return Sealer(
        ledger.recorder, store, key, seal_policy(settings), origin=settings.checkpoint_origin
    )


def build_witnessing(
    settings: Settings, store: AuditStore, observe: Callable[[Outcome], None] | None = None
) -> Witnessing | None:
    """What hands checkpoints to the witnesses of ``LEDGER_WITNESSES``; ``None`` without any."""
    endpoints = settings.witness_endpoints
    if not endpoints:
        return None
    return Witnessing(store, endpoints, settings.witness_timeout_seconds, observe=observe)


def _count_witnessed(outcome: Outcome) -> None:
    metrics.WITNESS_SUBMISSIONS.labels(outcome.witness, outcome.outcome).inc()


def measure_checkpoints(
    store: AuditStore, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> int:
    """Set the checkpoint lag and age from the database (so any API worker tells the same);
    the lag. The age is 0 while there is no checkpoint (the sealer's own series counts from
    when it started)."""
    latest = store.latest_checkpoint()
    lag = store.events_after(latest.last_position if latest else 0)
    metrics.CHECKPOINT_LAG.set(lag)
    age = 0.0 if latest is None else (clock() - latest.sealed_at).total_seconds()
    metrics.CHECKPOINT_AGE.set(max(0.0, age))
    return lag


def start_audit(settings: Settings, ledger: LedgerApplication) -> AuditRuntime:
    store = audit_store_for(ledger.recorder)
    writer = None
    if settings.access_log:
        writer = AccessLogWriter(
            store,
            queue_size=settings.access_queue_size,
            flush_seconds=settings.access_flush_seconds,
            block_seconds=settings.access_block_seconds,
        )
        writer.start()
    thread: SealerThread | None = None
    witness_thread: WitnessThread | None = None
    timestamps: TimestampThread | None = None
    if settings.sealer == "auto" and not settings.store.is_postgres:
        try:
            key, note = resolve_signing_key(
                settings.seal_key_text, settings.seal_key_file, embedded_key_path(settings)
            )
        except SealKeyError as e:
            # The API serves without sealing rather than not at all; the lag gauge shows it.
            log.error("not sealing in-process: %s", e.detail)
            return AuditRuntime(store, AuditProofs(store), writer, None)
        if note:
            log.warning(note)
        sealer = build_sealer(settings, ledger, key, store)
        witnessing = build_witnessing(settings, store, _count_witnessed)
        if witnessing is not None:
            witness_thread = WitnessThread(witnessing)
            witness_thread.start()
        notify = witness_thread

        def sealed(s: Sealer) -> None:
            metrics.CHECKPOINT_LAG.set(s.lag())
            if notify is not None:
                notify.checkpointed(s.checkpoint_size)

        thread = SealerThread(sealer, settings.seal_poll_seconds, on_sealed=sealed)
        thread.start()
        timestamps = start_timestamps(settings, store)
    return AuditRuntime(store, AuditProofs(store), writer, thread, witness_thread, timestamps)


def _count_stamped(outcome: StampOutcome) -> None:
    metrics.CHECKPOINT_TIMESTAMPS.labels(outcome.outcome).inc()


def start_timestamps(settings: Settings, store: AuditStore) -> TimestampThread | None:
    """The in-process sealer's timestamping (``LEDGER_TSA_URL``), on its own thread."""
    timestamping = build_timestamping(settings, store, _count_stamped)
    if timestamping is None:
        return None
    thread = TimestampThread(timestamping, settings.seal_poll_seconds)
    thread.start()
    return thread


def stop_audit(runtime: AuditRuntime) -> None:
    if runtime.sealer is not None:
        runtime.sealer.stop()
    if runtime.witnessing is not None:
        runtime.witnessing.stop()
    if runtime.timestamps is not None:
        runtime.timestamps.stop()
    if runtime.access_log is not None:
        runtime.access_log.stop()
    close = getattr(runtime.store, "close", None)
    if close is not None:  # the embedded store holds its own connection
        close()
