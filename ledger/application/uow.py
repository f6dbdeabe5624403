"""The unit of work: load → domain method → save, for every write of the ledger.

Every write in the ledger goes through :meth:`UnitOfWork.run`. Routes and the CLI only describe
*what* to decide (a :class:`Write`); how it is loaded, checked, saved, made idempotent and
reported is decided here, in one place. That is what lets concurrent commands be coalesced
into one transaction (group commit, :mod:`ledger.application.group_commit`) without any
caller knowing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError, InterfaceError, OperationalError
from eventsourcing.utils import get_topic

from ledger.application import idempotency as idempotency_records
from ledger.application.context import IdempotencyRequest, RequestContext
from ledger.application.entries import EntryCheck
from ledger.application.group_commit import GroupCommitConfig, GroupCommitter
from ledger.application.ports import (
    EventStore,
    IdempotencyRecord,
    RevocationCheck,
    RevokedBeforeCommitError,
)
from ledger.application.writes import Decided, Decision, Outcome, Write
from ledger.domain.base import LedgerAggregate
from ledger.domain.claim import Claim
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AlreadyUsedError,
    ConcurrentModificationError,
    LedgerError,
    NotAuthenticatedError,
    PeriodClosedError,
    PreconditionFailedError,
    UnavailableError,
)
from ledger.domain.period import Period
from ledger.domain.time import TimeBounds, recording

A = TypeVar("A", bound=LedgerAggregate)


class UnitOfWork:
    """Runs commands against one application.

    A command is decided in the caller's thread (replay check, load, domain method, answer,
    idempotency record) and then committed: alone, or, once :meth:`start_group_commit` has
    been called (as the API does), together with whatever other commands are waiting, in one
    transaction. Either way the caller gets exactly the answer or error it would get alone.
    """

    def __init__(self, app: EventStore, clock: Callable[[], datetime], bounds: TimeBounds) -> None:
        self.app = app
        self.clock = clock
        self.pinned = False  # record time is set by clock_at, exactly
        self.bounds = bounds
        self.entries = EntryCheck(app, bounds)
        self.committer: GroupCommitter[Decided, Outcome] | None = None
        self.revoked_topics: tuple[str, ...] = ()
        """The topics of the events that revoke a key or platform (set by the application)."""
        self.closed_topics = (get_topic(Period.Closed),)  # refuses entries decided before it
        self._deciding = 0
        self._deciding_lock = threading.Lock()

    def envelope(self, context: RequestContext, occurred_at: datetime | None) -> Envelope:
        """The envelope of a write asked in ``context``, at business time ``occurred_at`` (now,
        on the ledger's clock, if none): refused here if out of bounds, before anything
        reads it."""
        now = self.clock()
        meta = context.envelope(occurred_at or now)
        self.bounds.check(meta.occurred_at, now)
        return meta

    @contextmanager
    def clock_at(self, at: datetime) -> Iterator[None]:
        """Record the writes made meanwhile at ``at``, as if the ledger's clock said so.

        For whoever records a finished calendar in one go, alone on the ledger (the
        demonstration network, tests): it changes the clock of every write of this unit of
        work. No request can reach it: the API never calls it.
        """
        real, self.clock, self.pinned = self.clock, lambda: at, True
        try:
            yield
        finally:
            self.clock, self.pinned = real, False

    # --- group commit ----------------------------------------------------------------------

    def start_group_commit(self, config: GroupCommitConfig) -> GroupCommitter[Decided, Outcome]:
        """From now on, concurrent commands are saved together (see group_commit)."""
        if self.committer is None:
            self.committer = GroupCommitter(
                self._commit_batch, config, deciding=lambda: self._deciding
            )
        return self.committer

    def stop_group_commit(self) -> None:
        """Commit what is waiting, then save each command alone again."""
        committer, self.committer = self.committer, None
        if committer is not None:
            committer.close()

    # --- running a command -----------------------------------------------------------------

    def run(
        self,
        command: Write[A],
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        if idempotency is not None:
            replay = self._replay(idempotency)
            if replay is not None:
                return replay
        # The command's own business time first: out of bounds, nothing else need be read.
        self.bounds.check(meta.occurred_at, self.clock())
        committer = self.committer
        with self._deciding_lock:
            self._deciding += 1
        decided: Decided | None = None
        try:
            decided = self._decide(command, idempotency)
        finally:
            with self._deciding_lock:
                self._deciding -= 1
            if decided is None and committer is not None:
                # A batch lingering for this command need not wait any longer.
                committer.wake()
        if not decided.pending:
            return decided.outcome(self.app.head_position())
        if committer is not None:
            return committer.submit(decided)
        return self._save_alone(decided)

    def run_all(
        self,
        writes: Sequence[tuple[Write[Any], Envelope]],
        idempotency: IdempotencyRequest | None = None,
        parts: Sequence[str] = (),
    ) -> list[Outcome | LedgerError]:
        """Decide each write on its own (a write that breaks a rule gets its error as its answer),
        then save every decided one in one transaction, exactly as a group-committed batch is
        saved: if anything in it collides, each is saved alone and fails only for itself.

        With ``idempotency``, write ``i`` keeps its answer under the key's part ``parts[i]``, and
        the key itself is recorded with them (see :meth:`replayed_parts`)."""
        answers: dict[int, Outcome | LedgerError] = {}
        decided: list[tuple[int, Decided]] = []
        now = self.clock()
        for index, (write, meta) in enumerate(writes):
            part = idempotency.part(parts[index]) if idempotency is not None else None
            try:
                self.bounds.check(meta.occurred_at, now)
                decided.append((index, self._decide(write, part)))
            except LedgerError as e:
                answers[index] = e
        kept = [d for _, d in decided if d.records]
        if idempotency is not None and kept:
            # The key itself, saved with the last write: a retry finds it whatever it holds.
            last = kept[-1]
            last.records = (*last.records, idempotency_records.marker(idempotency, last.records[0]))
        saved = self._commit_batch([d for _, d in decided]) if decided else []
        for (index, _), result in zip(decided, saved, strict=True):
            if isinstance(result, LedgerError | Outcome):
                answers[index] = result
            else:
                raise result
        return [answers[i] for i in range(len(writes))]

    def replayed_parts(
        self, idempotency: IdempotencyRequest, parts: Iterable[str]
    ) -> dict[str, Outcome] | None:
        """For a request of many writes (:meth:`run_all`): see :mod:`idempotency`."""
        return idempotency_records.replayed_parts(self.app, idempotency, parts)

    def _decide(self, command: Write[A], idempotency: IdempotencyRequest | None) -> Decided:
        current = None if command.creates else self._load(command)
        # If the clock steps back (an NTP step, a restored machine), a record's history still
        # never runs backwards in record time: its next event is recorded at its last's.
        now = self.clock()
        if current is not None and not self.pinned:
            now = max(now, current.modified_on)
        with recording(now):
            decision = command.decide(current)
        aggregate: A
        others: tuple[LedgerAggregate, ...] = ()
        if isinstance(decision, Decision):
            aggregate, others = decision.primary, decision.others
        else:
            aggregate = decision
        changed: tuple[LedgerAggregate, ...] = (aggregate, *others)
        periods = self.entries.check(changed, now)
        body = command.render(aggregate)
        pending = [(a, list(a.pending_events)) for a in changed if a.pending_events]
        records: tuple[IdempotencyRecord, ...] = ()
        if idempotency is not None and pending:
            last = pending[-1][1][-1]
            records = (idempotency_records.record_of(idempotency, command, aggregate, body, last),)
        return Decided(command, aggregate, others, body, records, idempotency, pending, periods)

    # --- saving ----------------------------------------------------------------------------

    def _revocation_check(self, batch: Sequence[Decided]) -> RevocationCheck | None:
        # A stream revoked or closed by the batch itself is not checked: the batch's own order
        # decided which of its commands come before that (see _revoked_within).
        streams = frozenset().union(*(d.guarded_by for d in batch)) - self._revoking(batch)
        if not streams:
            return None
        return RevocationCheck(streams, (*self.revoked_topics, *self.closed_topics))

    def _revoking(self, batch: Sequence[Decided]) -> set[UUID]:
        """The streams the commands of ``batch`` revoke or close."""
        return {
            event.originator_id
            for decided in batch
            for _, events in decided.pending
            for event in events
            if get_topic(type(event)) in (*self.revoked_topics, *self.closed_topics)
        }

    @staticmethod
    def _refused(decided: Decided, revoked: frozenset[UUID] | set[UUID]) -> LedgerError:
        """The error of a command refused at commit: its period closed, or its key revoked."""
        if closed := decided.periods & revoked:
            return PeriodClosedError(
                "The period this entry is for was closed while it was being decided; nothing "
                "was recorded. It is entered now only with the hub's approval.",
                period_id=str(min(closed)),
            )
        return _revoked()

    def _save_alone(self, decided: Decided) -> Outcome:
        try:
            recordings = self.app.save(
                *decided.changed,
                idempotency=decided.records,
                revocation_check=self._revocation_check([decided]),
            )
        except RevokedBeforeCommitError as e:
            raise self._refused(decided, e.revoked) from None
        except IntegrityError:
            return self._collided(decided)
        except (OperationalError, InterfaceError) as e:
            raise _unreachable() from e
        position = recordings[-1].notification.id if recordings else self.app.head_position()
        return decided.outcome(position)

    def _commit_batch(self, batch: Sequence[Decided]) -> list[Outcome | BaseException]:
        """Save ``batch`` in one transaction; if anything in it collides, save each alone."""
        refused = self._revoked_within(batch)
        if refused:
            # A command of this batch revokes a key or platform that a later command of the
            # batch was decided on: that one would be committed after the revocation.
            rest = [d for d in batch if id(d) not in refused]
            saved = iter(self._commit_batch(rest) if rest else [])
            return [refused[id(d)] if id(d) in refused else next(saved) for d in batch]
        if len(batch) == 1:
            return [self._attempt_alone(batch[0])]
        aggregates = [a for decided in batch for a in decided.changed]
        records = tuple(r for decided in batch for r in decided.records)
        try:
            recordings = self.app.save(
                *aggregates, idempotency=records, revocation_check=self._revocation_check(batch)
            )
        except RevokedBeforeCommitError as e:
            # Nothing of the batch was saved: the commands of a revoked key or platform fail,
            # the rest are saved again without them.
            for decided in batch:
                decided.restore_pending_events()
            rest = [d for d in batch if not d.guarded_by & e.revoked]
            saved = iter(self._commit_batch(rest) if rest else [])
            return [
                self._refused(d, e.revoked) if d.guarded_by & e.revoked else next(saved)
                for d in batch
            ]
        except IntegrityError:
            # Nothing of the batch was saved. Which command collided is not said, so each is
            # saved alone: the one that collided fails as it would have alone, the rest commit.
            for decided in batch:
                decided.restore_pending_events()
            return [self._attempt_alone(decided) for decided in batch]
        except (OperationalError, InterfaceError) as e:
            error = _unreachable()
            error.__cause__ = e
            return [error] * len(batch)
        except Exception:
            # Anything else (say, one command's event that cannot be stored) must not fail the
            # commands saved with it either: each is tried alone, and fails only for itself.
            for decided in batch:
                decided.restore_pending_events()
            return [self._attempt_alone(decided) for decided in batch]
        positions = {
            (r.domain_event.originator_id, r.domain_event.originator_version): r.notification.id
            for r in recordings
        }
        return [decided.outcome(positions[decided.last_event]) for decided in batch]

    def _revoked_within(self, batch: Sequence[Decided]) -> dict[int, LedgerError]:
        """The commands of ``batch`` that come after one revoking what they were decided on
        (or closing the period they are entries for), with their errors."""
        revoking: set[UUID] = set()
        refused: dict[int, LedgerError] = {}
        for decided in batch:
            if decided.guarded_by & revoking:
                refused[id(decided)] = self._refused(decided, revoking)
            revoking |= self._revoking([decided])
        return refused

    def _attempt_alone(self, decided: Decided) -> Outcome | BaseException:
        try:
            return self._save_alone(decided)
        except Exception as e:  # handed to the command's own caller, raised in its thread
            return e

    def _collided(self, decided: Decided) -> Outcome:
        """The answer to a command whose save hit a uniqueness constraint."""
        command, aggregate, others = decided.command, decided.aggregate, decided.others
        if decided.idempotency is not None:
            replay = self._replay(decided.idempotency)
            if replay is not None:
                return replay
        # A creating command collides either on its own new stream (it already exists) or,
        # when it changes others with it, on one of those: then it lost a race and may retry.
        if command.exists is not None and self.app.stream_recorded(aggregate.id):
            raise command.exists(
                f"{command.resource_type.replace('_', ' ').capitalize()} {aggregate.id} "
                "is already recorded.",
                id=str(aggregate.id),
            )
        if any(isinstance(a, Claim) for a in decided.changed):
            try:  # the winner used what this one claimed (a voucher, say)? Then say that.
                self._decide(command, None)
            except AlreadyUsedError:
                raise
            except Exception:  # noqa: S110 - only a probe: anything else is the retry's to answer
                pass
        changed_with = "".join(
            f" (or the {type(other).__name__.lower()} {other.id} changed with it)"
            for other in others
        )
        raise ConcurrentModificationError(
            f"{command.resource_type} {aggregate.id}{changed_with} was changed by another "
            "request while this one was being decided. Read it again and retry if still "
            "appropriate.",
            id=str(aggregate.id),
        )

    # --- reading -------------------------------------------------------------------------

    def _load(self, command: Write[A]) -> A:
        if command.stream_id is None:
            msg = "A write that creates its stream has nothing to load."
            raise TypeError(msg)
        try:
            aggregate: LedgerAggregate = self.app.load_latest(command.stream_id)
        except AggregateNotFoundError:
            raise command.not_found(
                f"No {command.resource_type.replace('_', ' ')} with id {command.stream_id}.",
                id=str(command.stream_id),
            ) from None
        if not isinstance(aggregate, command.aggregate_type):
            raise command.not_found(
                f"No {command.resource_type.replace('_', ' ')} with id {command.stream_id}.",
                id=str(command.stream_id),
            )
        if command.guard is not None:
            command.guard(aggregate)
        if command.expected_version is not None and aggregate.version != command.expected_version:
            raise PreconditionFailedError(
                f"If-Match names version {command.expected_version}, but the current version is "
                f"{aggregate.version}. Read it again and decide on the current state.",
                current_version=aggregate.version,
            )
        return aggregate

    def _replay(self, idempotency: IdempotencyRequest) -> Outcome | None:
        return idempotency_records.replay(self.app, idempotency)


def _revoked() -> NotAuthenticatedError:
    return NotAuthenticatedError(
        "This API key, or the platform it acts for, was revoked before the write could be "
        "recorded; nothing was recorded."
    )


def _unreachable() -> UnavailableError:
    return UnavailableError(
        "The event store is not reachable; nothing was recorded. Retry shortly."
    )
