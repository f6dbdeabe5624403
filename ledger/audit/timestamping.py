"""RFC 3161 timestamps of checkpoints from a configured time-stamping authority (TSA).

After the sealer has written checkpoints, :meth:`Timestamping.stamp_pending` asks the TSA
(``LEDGER_TSA_URL``) for a timestamp of each checkpoint note that has none yet, newest first,
verifies the reply (granted, the note's imprint, the query's nonce, and a signature by a
TSA certificate that chains to ``LEDGER_TSA_CA_FILE``) and keeps it with the checkpoint. It runs
on its own thread (:class:`TimestampThread`), so a TSA that is slow or away never holds up
sealing: a failed note stays unstamped and is asked for again on a later round.
"""

from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509

from evidence.timestamp import (
    QUERY_TYPE,
    REPLY_TYPE,
    TimestampError,
    timestamp_request,
    verify_timestamp,
)
from ledger.audit.records import AuditStore, StoredTimestamp

log = logging.getLogger("ledger.audit.timestamping")
OBTAINED = "obtained"
FAILED = "failed"
OUTCOMES = (OBTAINED, FAILED)
LARGEST_REPLY_BYTES = 1 << 20


class TsaUnavailableError(Exception):
    """The TSA did not answer in time, or answered with something other than a reply."""


@dataclass(frozen=True)
class StampOutcome:
    tree_size: int
    outcome: str
    """``obtained`` or ``failed``."""
    detail: str = ""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def post_query(url: str, query: bytes, timeout: float) -> bytes:
    """POST ``query`` (DER TimeStampReq) to ``url``; the DER TimeStampResp it answers."""
    request = urllib.request.Request(  # noqa: S310 - the URL is the operator's setting
        url, data=query, method="POST", headers={"Content-Type": QUERY_TYPE}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            kind = answer.headers.get_content_type()
            body: bytes = answer.read(LARGEST_REPLY_BYTES + 1)
    except (OSError, urllib.error.URLError) as e:
        msg = f"POST {url}: {e}"
        raise TsaUnavailableError(msg) from None
    if kind != REPLY_TYPE:
        msg = f"POST {url} answered {kind}, not {REPLY_TYPE}"
        raise TsaUnavailableError(msg)
    if len(body) > LARGEST_REPLY_BYTES:
        msg = f"POST {url} answered more than {LARGEST_REPLY_BYTES} bytes"
        raise TsaUnavailableError(msg)
    return body


class Timestamping:
    """Obtains, verifies and keeps the timestamps of checkpoint notes."""

    def __init__(
        self,
        store: AuditStore,
        url: str,
        *,
        roots: list[x509.Certificate],
        timeout: float = 10.0,
        batch: int = 10,
        observe: Callable[[StampOutcome], None] | None = None,
        post: Callable[[str, bytes, float], bytes] = post_query,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.store = store
        self.url = url
        self.roots = roots
        self.timeout = timeout
        self.batch = batch
        self.observe = observe
        self.post = post
        self.clock = clock

    def stamp(self, tree_size: int, note: bytes) -> StampOutcome:
        """Ask for, verify and keep one note's timestamp; what came of it."""
        query = timestamp_request(note)
        try:
            reply = self.post(self.url, query.as_bytes(), self.timeout)
            gen_time = verify_timestamp(note, reply, self.roots, nonce=query.nonce).gen_time
        except (TsaUnavailableError, TimestampError) as e:
            outcome = StampOutcome(tree_size, FAILED, str(e))
        else:
            self.store.add_timestamp(StoredTimestamp(tree_size, self.clock(), gen_time, reply))
            outcome = StampOutcome(tree_size, OBTAINED)
        if self.observe is not None:
            self.observe(outcome)
        return outcome

    def stamp_pending(self) -> list[StampOutcome]:
        """Stamp up to ``batch`` unstamped notes, newest first; stop at the first failure (the
        TSA is likely away: the rest wait for the next round)."""
        outcomes = []
        for tree_size, note in self.store.unstamped_notes(self.batch):
            outcome = self.stamp(tree_size, note)
            outcomes.append(outcome)
            if outcome.outcome == FAILED:
                log.warning("no timestamp for tree size %d: %s", tree_size, outcome.detail)
                break
        return outcomes


class TimestampThread:
    """:meth:`Timestamping.stamp_pending` on a background thread: every ``poll_seconds``, at
    once when :meth:`notify` says a checkpoint was written, and after ``retry_seconds`` when a
    round failed."""

    def __init__(
        self, timestamping: Timestamping, poll_seconds: float, retry_seconds: float = 30.0
    ) -> None:
        self.timestamping = timestamping
        self.poll_seconds = poll_seconds
        self.retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ledger-timestamps", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def notify(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            wait = self.poll_seconds
            try:
                if any(o.outcome == FAILED for o in self.timestamping.stamp_pending()):
                    wait = self.retry_seconds
            except Exception:
                log.exception("timestamping failed; retrying")
                wait = self.retry_seconds
            self._wake.wait(wait)
            self._wake.clear()
