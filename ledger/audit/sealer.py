"""The sealer: reads the log in order, appends one Merkle leaf per event, signs checkpoints.

It keeps the tree's frontier (one hash per set bit of the size) in memory, so appending is
O(1) amortised and a root is O(log n); the interior nodes an append completes are stored with
the leaves, so proofs are read rather than recomputed. Leaves, nodes and a checkpoint are
written in one transaction, after checking that no other sealer got there first.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from eventsourcing.persistence import ApplicationRecorder

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import DEFAULT_ORIGIN, sign_checkpoint_note
from evidence.leaf import LogEntry, entry_hash
from evidence.merkle import Frontier, Node, fold_right, frontier_nodes
from ledger.audit.keys import SigningKey
from ledger.audit.records import AuditStore, SealConflictError, SealedLeaf
from ledger.domain.errors import LedgerError

log = logging.getLogger("ledger.audit.sealer")


class SealIntegrityError(LedgerError):
    code = "seal_integrity"
    title = "The stored tree does not match its last checkpoint"


@dataclass(frozen=True)
class SealPolicy:
    every_events: int = 1000
    """A checkpoint at least every this many events."""
    interval: timedelta = timedelta(seconds=10)
    """... and, when events wait unsigned, at least this often."""
    batch: int = 1000
    """Events read from the log at a time."""


@dataclass
class SealReport:
    sealed: int = 0
    checkpoints: list[Checkpoint] = field(default_factory=list)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Sealer:
    def __init__(
        self,
        recorder: ApplicationRecorder,
        store: AuditStore,
        key: SigningKey,
        policy: SealPolicy | None = None,
        clock: Callable[[], datetime] = _utc_now,
        origin: str = DEFAULT_ORIGIN,
    ) -> None:
        self.recorder = recorder
        self.origin = origin
        self.store = store
        self.key = key
        self.policy = policy or SealPolicy()
        self.clock = clock
        self.frontier = Frontier()
        self.last_position = 0
        self.last_checkpoint: Checkpoint | None = None
        self.started_at = clock()
        self._loaded = False
        # One seal at a time per process (the in-process thread and an explicit call).
        self._lock = threading.Lock()

    def load(self) -> None:
        """Pick the tree up from the store, and check it against its last checkpoint."""
        self.store.register_key(self.key.key_id, self.key.public.pem)
        last = self.store.last_leaf()
        size = 0 if last is None else last.leaf_index + 1
        self.frontier = Frontier.restore(size, self.store.nodes)
        self.last_position = 0 if last is None else last.position
        self.last_checkpoint = self.store.latest_checkpoint()
        cp = self.last_checkpoint
        if cp is not None:
            if cp.tree_size > size:
                msg = f"The latest checkpoint has {cp.tree_size} leaves but the tree only {size}."
                raise SealIntegrityError(msg)
            root = fold_right(self.store.nodes(frontier_nodes(cp.tree_size)))
            if root != cp.root_hash:
                msg = (
                    f"The stored tree's root at size {cp.tree_size} is not the signed one: the "
                    "leaves or nodes were altered. Run `sme-ledger audit export` and "
                    "`audit verify` to find where; the sealer will not extend it."
                )
                raise SealIntegrityError(msg)
            if self.store.note(cp.tree_size) is None:
                # Sealed before checkpoints were also notes: the same tree head, signed now.
                self.store.add_note(cp.tree_size, self.note(cp))
        self._loaded = True

    def note(self, checkpoint: Checkpoint) -> bytes:
        """``checkpoint`` as a C2SP signed note by this sealer's key, named by the origin."""
        return sign_checkpoint_note(
            self.origin, checkpoint, self.key.public.public_key, self.key.sign
        )

    @property
    def checkpoint_size(self) -> int:
        return 0 if self.last_checkpoint is None else self.last_checkpoint.tree_size

    def seal(self, *, force_checkpoint: bool = False) -> SealReport:
        """Seal every event the log holds now; checkpoint as the policy (or ``force``) says."""
        with self._lock:
            if not self._loaded:
                self.load()
            try:
                return self._seal(force_checkpoint)
            except SealConflictError:
                log.info("another sealer appended first; reloading the tree")
                self.load()
                return self._seal(force_checkpoint)
            except Exception:
                # What is in memory may be ahead of what was committed.
                self._loaded = False
                raise

    def _seal(self, force_checkpoint: bool) -> SealReport:
        report = SealReport()
        while True:
            page = self.recorder.select_notifications(
                start=self.last_position, limit=self.policy.batch, inclusive_of_start=False
            )
            if not page:
                break
            leaves: list[SealedLeaf] = []
            nodes: list[tuple[Node, bytes]] = []
            base = self.frontier.size
            for n in page:
                digest = entry_hash(LogEntry.of(n))
                leaves.append(SealedLeaf(self.frontier.size, n.id, digest))
                self.frontier.append(digest, nodes)
                if self.frontier.size - self.checkpoint_size >= self.policy.every_events:
                    self._flush(base, leaves, nodes, n.id, checkpoint=True, report=report)
                    base, leaves, nodes = self.frontier.size, [], []
            if leaves:
                self._flush(base, leaves, nodes, page[-1].id, checkpoint=False, report=report)
            if len(page) < self.policy.batch:
                break
        due = self.clock() - (
            self.last_checkpoint.sealed_at if self.last_checkpoint else self.started_at
        )
        if self.frontier.size > self.checkpoint_size and (
            force_checkpoint or due >= self.policy.interval
        ):
            self._flush(self.frontier.size, [], [], self.last_position, True, report)
        return report

    def _flush(
        self,
        expected_size: int,
        leaves: list[SealedLeaf],
        nodes: list[tuple[Node, bytes]],
        last_position: int,
        checkpoint: bool,
        report: SealReport,
    ) -> None:
        cp = note = None
        if checkpoint:
            cp = Checkpoint.sign(
                self.key, self.frontier.size, self.frontier.root(), last_position, self.clock()
            )
            note = self.note(cp)
        self.store.append(expected_size, leaves, nodes, cp, note)
        self.last_position = last_position
        report.sealed += len(leaves)
        if cp is not None:
            self.last_checkpoint = cp
            report.checkpoints.append(cp)

    def wait_seconds(self, poll_seconds: float) -> float:
        """How long to sleep: the poll interval, or less if unsigned leaves come due sooner."""
        if self.frontier.size <= self.checkpoint_size:
            return poll_seconds
        since = self.last_checkpoint.sealed_at if self.last_checkpoint else self.started_at
        due = (since + self.policy.interval - self.clock()).total_seconds()
        return max(0.01, min(poll_seconds, due))

    def lag(self) -> int:
        """Events in the log that no checkpoint covers yet."""
        last = self.last_checkpoint.last_position if self.last_checkpoint else 0
        return self.store.events_after(last)


class SealerThread:
    """The sealer on a background thread (the embedded set-up): seal, wait, repeat."""

    def __init__(
        self,
        sealer: Sealer,
        poll_seconds: float,
        on_sealed: Callable[[Sealer], None] | None = None,
    ) -> None:
        self.sealer = sealer
        self.poll_seconds = poll_seconds
        self.on_sealed = on_sealed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ledger-sealer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self.sealer.seal()
                if self.on_sealed is not None:
                    self.on_sealed(self.sealer)
                failures = 0
            except Exception:
                failures += 1
                log.exception("sealing failed (attempt %d); retrying", failures)
            if failures:
                self._stop.wait(min(self.poll_seconds * (2**failures), 60.0))
            else:
                self._stop.wait(self.sealer.wait_seconds(self.poll_seconds))
