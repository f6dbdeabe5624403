"""``sme-ledger seal``: the sealer worker (folds new events into the Merkle tree, signs
checkpoints), woken by PostgreSQL's notifications or by polling."""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType
from typing import Annotated

import typer

from cli.audit import _fail, _open, _signing_key
from cli.common import err, out
from ledger.domain.errors import LedgerError
from runtime.audit import build_sealer
from runtime.settings import Settings


class _Waker:
    """Waits for new events: LISTEN on PostgreSQL's notify channel, else plain polling."""

    def __init__(self, settings: Settings, channel: str | None, stop: threading.Event) -> None:
        self.stop = stop
        self.poll = settings.seal_poll_seconds
        self.conn = None
        if settings.store.is_postgres and channel:
            import psycopg

            self.conn = psycopg.connect(settings.database_url, autocommit=True)
            self.conn.execute(f'LISTEN "{channel}"')

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

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def seal(
    once: Annotated[
        bool, typer.Option("--once", help="Seal what is there, write a checkpoint, and exit")
    ] = False,
    metrics_port: Annotated[
        int | None, typer.Option(help="Serve Prometheus metrics on this port")
    ] = None,
) -> None:
    """Seal the log into the Merkle tree and sign checkpoints (a worker; Ctrl-C stops it)."""
    from runtime import metrics

    settings = Settings()
    key = _signing_key(settings)
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
            return
        if metrics_port:
            from prometheus_client import start_http_server

            start_http_server(metrics_port)

        def request_stop(_signum: int, _frame: FrameType | None) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        waker = _Waker(settings, getattr(ledger.recorder, "channel_name", None), stop)
        err.print(f"Sealing {settings.database_url.split('@')[-1]} with key {key.key_id}")
        failures = 0
        try:
            while not stop.is_set():
                try:
                    report = sealer.seal()
                    metrics.CHECKPOINT_LAG.set(sealer.lag())
                    for cp in report.checkpoints:
                        err.print(f"checkpoint {cp.tree_size} (up to position {cp.last_position})")
                    failures = 0
                except LedgerError as e:
                    raise _fail(e.detail, 1) from None
                except Exception as e:  # the database went away: keep trying, with back-off
                    failures += 1
                    err.print(f"[yellow]sealing failed ({type(e).__name__}: {e}); retrying[/]")
                    stop.wait(min(settings.seal_poll_seconds * 2**failures, 60.0))
                    continue
                if not stop.is_set():
                    waker.wait(sealer.wait_seconds(settings.seal_poll_seconds))
        finally:
            waker.close()
        err.print("Sealer stopped.")
    finally:
        ledger.close()
