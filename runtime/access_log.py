"""The access audit trail's writer (GB/T 22239-2019 8.1.4.3): records of requests, queued and
written in batches by a background thread.

A record is queued *before* the response starts, so nothing answered goes unrecorded while the
process lives; the thread writes the queue in batches (one INSERT round trip per batch, not per
request). When the queue is full the request waits up to ``access_block_seconds`` for room
(back-pressure); a record that still finds no room is dropped, counted in
``ledger_access_records_dropped_total`` and written whole to the error log, never silently.
On shutdown the queue is flushed; what cannot be written then is counted and logged the same
way. A crash (kill -9) can lose at most what was queued, about ``access_flush_seconds`` of
requests.
"""

from __future__ import annotations

import logging
import queue
import threading

import anyio.to_thread
from eventsourcing.persistence import PersistenceError

from ledger.audit.records import AccessRecord, AuditStore
from runtime import metrics

log = logging.getLogger("ledger.access")
BATCH = 500
RETRY_MAX_SECONDS = 5.0


class AccessLogWriter:
    def __init__(
        self,
        store: AuditStore,
        *,
        queue_size: int = 10_000,
        flush_seconds: float = 0.2,
        block_seconds: float = 2.0,
    ) -> None:
        self.store = store
        self.queue: queue.Queue[AccessRecord] = queue.Queue(queue_size)
        self.flush_seconds = flush_seconds
        self.block_seconds = block_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ledger-access-log", daemon=True)
        # Records queued, and records written or dropped: flush() waits for the second to
        # catch up with the first.
        self._settled = threading.Condition()
        self._queued = 0
        self._done = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Write everything queued (for at most ``timeout`` seconds), then stop."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        leftover: list[AccessRecord] = []
        while True:
            try:
                leftover.append(self.queue.get_nowait())
            except queue.Empty:
                break
        if leftover:
            try:
                self.store.write_access(leftover)
            except Exception:
                for record in leftover:
                    self._dropped(record, "the store failed at shutdown")
            self._settle(len(leftover))

    async def put(self, record: AccessRecord) -> None:
        with self._settled:
            self._queued += 1
        try:
            self.queue.put_nowait(record)
        except queue.Full:
            try:
                await anyio.to_thread.run_sync(self._put_blocking, record)
            except queue.Full:
                self._dropped(record, "the queue stayed full")
                self._settle(1)
        metrics.ACCESS_QUEUE_DEPTH.set(self.queue.qsize())

    def _put_blocking(self, record: AccessRecord) -> None:
        self.queue.put(record, timeout=self.block_seconds)

    def _settle(self, count: int) -> None:
        with self._settled:
            self._done += count
            self._settled.notify_all()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every record queued so far is written (or dropped); False on timeout."""
        with self._settled:
            target = self._queued
            return self._settled.wait_for(lambda: self._done >= target, timeout)

    def _drain(self, first: AccessRecord) -> list[AccessRecord]:
        batch = [first]
        while len(batch) < BATCH:
            try:
                batch.append(self.queue.get_nowait())
            except queue.Empty:
                break
        return batch

    def _run(self) -> None:
        pending: list[AccessRecord] = []
        backoff = self.flush_seconds
        while not self._stop.is_set() or pending:
            if not pending:
                try:
                    first = self.queue.get(timeout=self.flush_seconds)
                except queue.Empty:
                    continue
                pending = self._drain(first)
            try:
                self.store.write_access(pending)
            except Exception as e:
                metrics.ACCESS_WRITE_FAILURES.inc()
                if isinstance(e, PersistenceError):  # the database is away: one line a try
                    log.warning("writing %d access records failed (%s); retrying", len(pending), e)
                else:
                    log.exception("writing %d access records failed; retrying", len(pending))
                if self._stop.is_set():
                    # stop() makes a last attempt with whatever is still queued.
                    for record in pending:
                        self._dropped(record, "the store failed at shutdown")
                    self._settle(len(pending))
                    return
                self._stop.wait(backoff)
                backoff = min(backoff * 2, RETRY_MAX_SECONDS)
                continue
            self._settle(len(pending))
            pending, backoff = [], self.flush_seconds
            metrics.ACCESS_QUEUE_DEPTH.set(self.queue.qsize())

    def _dropped(self, record: AccessRecord, why: str) -> None:
        metrics.ACCESS_RECORDS_DROPPED.inc()
        log.error(
            "access record not stored (%s): at=%s principal=%s role=%s method=%s route=%s "
            "resource=%s status=%s request_id=%s",
            why,
            record.at.isoformat(),
            record.principal,
            record.role,
            record.method,
            record.route,
            record.resource_id,
            record.status,
            record.request_id,
        )
