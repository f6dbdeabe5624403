"""``sme-ledger seal``: the sealer worker (folds new events into the Merkle tree, signs
checkpoints), woken by PostgreSQL's notifications or by polling."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from types import FrameType
from typing import Annotated, Any

import typer
from rich.markup import escape

from cli.audit import _open, _signing_key
from cli.common import MetricsHost, MetricsPort, out, serve_worker_metrics
from ledger.audit.sealer import Sealer
from ledger.audit.timestamping import OBTAINED, Timestamping, TimestampThread
from ledger.audit.witnessing import COSIGNED, Witnessing, WitnessThread
from ledger.domain.errors import LedgerError
from runtime import logs
from runtime.audit import build_sealer, build_witnessing
from runtime.settings import Settings
from runtime.startup import wait_for_database
from runtime.timestamps import build_timestamping

log = logging.getLogger("ledger.seal")


class _Waker:
    """Waits for new events: LISTEN on PostgreSQL's notify channel, else plain polling.

    The LISTEN connection is made by :meth:`connect` and dropped by :meth:`drop` when it
    fails, so the worker's loop can make it again once the database is back.
    """

    def __init__(self, settings: Settings, channel: str | None, stop: threading.Event) -> None:
        self.stop = stop
        self.url = settings.database_url
        self.channel = channel if settings.store.is_postgres else None
        self.conn: Any = None

    def connect(self) -> None:
        if self.channel is None or self.conn is not None:
            return
        import psycopg

        conn = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
        try:
            conn.execute(f'LISTEN "{self.channel}"')
        except BaseException:
            conn.close()
            raise
        self.conn = conn

    def wait(self, seconds: float) -> None:
        if self.conn is None:
            self.stop.wait(seconds)
            return
        # Wakes on the first NOTIFY (every append sends one), after ``seconds``, or soon after
        # a stop is asked for (checked twice a second).
        deadline = time.monotonic() + seconds
        while not self.stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            for _ in self.conn.notifies(timeout=min(remaining, 0.5), stop_after=1):
                return

    def drop(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()

    close = drop


def _say(line: str) -> None:
    """One line of trouble (the database lost or back, a failed round) in the worker's log."""
    log.warning("%s", line)


def _witness_once(witnessing: Witnessing | None) -> None:
    """`seal --once`: hand the latest checkpoint to each witness once, after sealing, and say
    what each answered (a witness that is away does not make the command fail)."""
    if witnessing is None:
        return
    for outcome in witnessing.submit_latest():
        if outcome.outcome == COSIGNED:
            out.print(f"Witness {outcome.witness} cosigned tree size {outcome.tree_size}.")
        else:
            out.print(
                f"Witness {outcome.witness} did not cosign tree size {outcome.tree_size} "
                f"({outcome.outcome}: {escape(outcome.detail)})."
            )


def _stamp_once(timestamping: Timestamping | None) -> None:
    """`seal --once`: timestamp the notes still without one, and say how it went (a TSA that
    is away does not make the command fail)."""
    if timestamping is None:
        return
    for outcome in timestamping.stamp_pending():
        if outcome.outcome == OBTAINED:
            out.print(f"Timestamped tree size {outcome.tree_size}.")
        else:
            out.print(f"No timestamp for tree size {outcome.tree_size} ({outcome.detail}).")


def _checkpoint_age(sealer: Sealer) -> float:
    """Seconds since the latest checkpoint; 0 while there is nothing to checkpoint, and the
    time since the sealer started while the first checkpoint is still to come."""
    latest = sealer.last_checkpoint
    if latest is not None:
        since = latest.sealed_at
    elif sealer.frontier.size > 0:
        since = sealer.started_at
    else:
        return 0.0
    return max(0.0, (sealer.clock() - since).total_seconds())


def seal(
    once: Annotated[
        bool, typer.Option("--once", help="Seal what is there, write a checkpoint, and exit")
    ] = False,
    metrics_host: MetricsHost = "127.0.0.1",
    metrics_port: MetricsPort = None,
) -> None:
    """Seal the log into the Merkle tree and sign checkpoints (a worker; Ctrl-C stops it)."""
    from runtime import workers

    settings = Settings()
    logs.configure(settings.log_format)
    key = _signing_key(settings)
    if not once:
        wait_for_database(settings)  # a worker started during an outage waits for the database
    ledger = _open(settings)
    stop = threading.Event()
    try:
        sealer = build_sealer(settings, ledger, key)
        if once:
            report = sealer.seal(force_checkpoint=True)
            cp = sealer.last_checkpoint
            head = (
                f"tree size {cp.tree_size}, up to position {cp.last_position}, key {cp.key_id}"
                if cp
                else "none (the log is empty)"
            )
            out.print(
                f"Sealed {report.sealed} event(s), wrote {len(report.checkpoints)} checkpoint(s); "
                f"latest checkpoint: {head}."
            )
            _witness_once(build_witnessing(settings, sealer.store))
            _stamp_once(build_timestamping(settings, sealer.store))
            return
        observed = workers.SealMetrics()
        observed.age_from(lambda: _checkpoint_age(sealer))
        witnessing = build_witnessing(settings, sealer.store, observed.witnessed)
        witness_thread = None if witnessing is None else WitnessThread(witnessing)
        if witnessing is not None:
            observed.witnesses(w.label for w in witnessing.witnesses)
        timestamping = build_timestamping(settings, sealer.store, observed.stamped)
        stamper = None
        if timestamping is not None:
            stamper = TimestampThread(timestamping, settings.seal_poll_seconds)
            stamper.start()
        if metrics_port is not None:
            serve_worker_metrics(observed, metrics_host, metrics_port)

        def request_stop(_signum: int, _frame: FrameType | None) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        waker = _Waker(settings, getattr(ledger.recorder, "channel_name", None), stop)
        log.info("Sealing %s with key %s", settings.database_url.split("@")[-1], key.key_id)
        watch = workers.DatabaseWatch(
            observed,
            _say,
            max_delay=settings.reconnect_max_seconds,
            refresh=workers.pool_refresher(ledger),
        )
        failures = 0
        if witness_thread is not None:
            witness_thread.start()
        try:
            while not stop.is_set():
                try:
                    waker.connect()
                    report = sealer.seal()
                    if witness_thread is not None and report.checkpoints:
                        witness_thread.notify()
                    if stamper is not None and report.checkpoints:
                        stamper.notify()
                    observed.checkpoints.inc(len(report.checkpoints))
                    observed.lag.set(sealer.lag())
                    watch.ok()
                    for cp in report.checkpoints:
                        log.info(
                            "checkpoint %d (up to position %d)", cp.tree_size, cp.last_position
                        )
                    failures = 0
                    waker.wait(sealer.wait_seconds(settings.seal_poll_seconds))
                except Exception as e:
                    if workers.lost_connection(e):
                        waker.drop()
                        stop.wait(watch.lost(e))
                        continue
                    if isinstance(e, LedgerError):
                        log.error("%s", e.detail)
                        raise typer.Exit(1) from None
                    failures += 1  # not the connection: say so every time, and keep trying
                    _say(f"sealing failed ({type(e).__name__}: {e}); retrying")
                    stop.wait(min(settings.seal_poll_seconds * 2 ** min(failures, 10), 60.0))
        finally:
            waker.close()
            if witness_thread is not None:
                witness_thread.stop()
            if stamper is not None:
                stamper.stop()
        log.info("Sealer stopped.")
    finally:
        ledger.close()
