"""The core of the ledger application: one event-sourced application, one log.

Each capability of the network adds its commands and queries as a mixin on :class:`LedgerCore`
(``ledger/commands/*.py``); :class:`ledger.application.app.LedgerApplication` puts them together.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any, Protocol, TypeVar, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.domain import CanMutateAggregate, Snapshot
from eventsourcing.persistence import (
    EventStore,
    Mapper,
    Notification,
    Recording,
    StoredEvent,
    Transcoder,
)
from eventsourcing.utils import Environment, EnvType, resolve_topic

from ledger.application.log_reader import LoggedEvent, LogReader, LogSource
from ledger.application.ports import IdempotentResult
from ledger.application.uow import UnitOfWork
from ledger.domain.base import LedgerAggregate
from ledger.domain.time import DEFAULT_BOUNDS, TimeBounds, business_date

A = TypeVar("A", bound=LedgerAggregate)
SNAPSHOT_TRANSCODER_TOPIC = "SNAPSHOT_TRANSCODER_TOPIC"
log = logging.getLogger("ledger")


class LedgerRecorder(Protocol):
    """What the ledger needs from its recorder beyond the library's interface."""

    def select_idempotency(self, scope: str, key: str) -> IdempotentResult | None: ...

    def select_stream_notifications(self, stream_id: UUID) -> list[tuple[int, StoredEvent]]: ...

    def streams_present(self, stream_ids: Sequence[UUID]) -> set[UUID]: ...

    def ping(self) -> None: ...

    def head_within(self, wait_seconds: float) -> int: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


class LedgerCore(Application[UUID]):
    """Storage, the unit of work, point-in-time reads, history and the log."""

    name = "Ledger"
    # Readers page the log in large sections: the default of 10 makes reads ~5x slower.
    log_section_size = 1000

    def __init__(
        self,
        env: EnvType | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        bounds: TimeBounds = DEFAULT_BOUNDS,
    ) -> None:
        super().__init__(env)
        self.snapshot_interval = int(self.env.get("SNAPSHOT_INTERVAL") or 0)
        self.clock = clock
        self.uow = UnitOfWork(self, clock, bounds)
        self.after_save: list[Callable[[int], None]] = []
        """Called with the new head position after every save (e.g. to wake in-process views)."""
        self.after_save_of: list[tuple[frozenset[str], Callable[[int], None]]] = []
        """Called with the new head position after a save that recorded an event of one of its
        topics (e.g. to read the keys again after a key was issued or revoked)."""

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        # Configured only from what the composition root passes in, never from os.environ.
        return Environment(name, dict(env or {}))

    def construct_snapshot_store(self) -> EventStore[UUID]:
        # Snapshots hold aggregate state (the domain's value objects), not just event fields, so
        # they have a transcoder of their own; the composition root names it, as it names the
        # events' transcoder and mapper (TRANSCODER_TOPIC, MAPPER_TOPIC).
        recorder = self.factory.aggregate_recorder(purpose="snapshots")
        topic = self.env.get(SNAPSHOT_TRANSCODER_TOPIC)
        transcoder: Transcoder = resolve_topic(topic)() if topic else self.factory.transcoder()
        mapper: Mapper[UUID] = self.factory.mapper(transcoder=transcoder)
        return self.factory.event_store(mapper=mapper, recorder=recorder)

    def close(self) -> None:
        self.uow.stop_group_commit()
        super().close()

    def _take_snapshots(self, processing_event: ProcessingEvent[UUID]) -> None:
        # Replaces the library's, which re-reads each stream from the store and takes a
        # snapshot only when a version is an exact multiple of the interval. Here the
        # aggregates just saved are snapshotted as they are in memory (they hold exactly what
        # was recorded) whenever their new events cross a multiple of the interval, which a
        # batch of several events at once would otherwise skip over.
        interval = self.snapshot_interval
        if self.snapshots is None or interval <= 0:
            return
        crossed: set[UUID] = set()
        for event in processing_event.events:
            if event.originator_version % interval == 0:
                crossed.add(event.originator_id)
        for aggregate_id in crossed:
            aggregate = processing_event.aggregates.get(aggregate_id)
            if not isinstance(aggregate, LedgerAggregate) or aggregate.pending_events:
                continue
            try:
                self._snapshot(aggregate, self.snapshots)
            except Exception:
                # The events are already committed: a snapshot is only a shortcut for reads,
                # so failing to take one must never turn a recorded write into an error.
                log.warning("could not snapshot %s", aggregate_id, exc_info=True)

    @staticmethod
    def _snapshot(aggregate: LedgerAggregate, store: EventStore[UUID]) -> None:
        snapshot = LedgerAggregate.Snapshot.take(aggregate)
        # Stamped with the time of the state it holds (not the time it was taken), so a read
        # as of any time after the last event can start from it.
        snapshot = replace(snapshot, timestamp=aggregate.modified_on)
        stored = store.mapper.to_stored_event(snapshot)
        # Kept only if it reads back as exactly this state: a value type the snapshot
        # transcoder gets wrong costs a replay, never a wrong answer.
        restored = cast(Snapshot, store.mapper.to_domain_event(stored)).mutate(None)
        if _state(restored) != _state(aggregate):
            log.warning("snapshot of %s does not read back; not kept", type(aggregate).__name__)
            return
        store.recorder.insert_events([stored])

    def _notify(self, recordings: list[Recording[UUID]]) -> None:
        if not recordings:
            return
        position = recordings[-1].notification.id
        for listener in self.after_save:
            listener(position)
        if self.after_save_of:
            saved = {r.notification.topic for r in recordings}
            for topics, listener in self.after_save_of:
                if not saved.isdisjoint(topics):
                    listener(position)

    @property
    def recorder_ext(self) -> LedgerRecorder:
        return cast(LedgerRecorder, self.recorder)

    # --- point in time, history and the log -----------------------------------------------

    def get_as_of(
        self, stream_id: UUID, aggregate_type: type[A], as_of: datetime, not_found: type[Any]
    ) -> A:
        """The aggregate as it stood at record time ``as_of``.

        A stream long enough to have snapshots is not replayed from its first event: the
        version current at ``as_of`` is found first (a binary search over single events), then
        read from the snapshot at or below it.
        """
        aggregate: A | None = None
        version = self._version_as_of(stream_id, as_of)
        if version is None:
            for event in self.events.get(stream_id):
                change = cast(CanMutateAggregate[UUID], event)
                if change.timestamp > as_of:
                    break
                aggregate = change.mutate(aggregate)
        elif version > 0:
            aggregate = self.repository.get(stream_id, version=version)
        if aggregate is None or not isinstance(aggregate, aggregate_type):
            raise not_found(
                f"Nothing was recorded for {stream_id} at or before {as_of.isoformat()}.",
                id=str(stream_id),
            )
        return aggregate

    def get_as_it_stood(
        self,
        stream_id: UUID,
        aggregate_type: type[A],
        on: date,
        not_found: type[Any],
        *,
        as_of: datetime | None = None,
    ) -> A:
        """The aggregate as it stood on business date ``on`` (in Ningxia): its events, in the
        order they were recorded, up to the first that happened after that day; only those
        recorded by ``as_of`` if given ("what was known at ``as_of`` about ``on``")."""
        aggregate: A | None = None
        for event in self.events.get(stream_id):
            change = cast(CanMutateAggregate[UUID], event)
            if as_of is not None and change.timestamp > as_of:
                break
            if business_date(change.meta) > on:  # type: ignore[attr-defined]
                break
            aggregate = change.mutate(aggregate)
        if aggregate is None or not isinstance(aggregate, aggregate_type):
            known = "" if as_of is None else f" as recorded by {as_of.isoformat()}"
            raise not_found(
                f"Nothing of {stream_id} had happened by {on.isoformat()}{known}.",
                id=str(stream_id),
            )
        return aggregate

    def _version_as_of(self, stream_id: UUID, as_of: datetime) -> int | None:
        """The stream's version at record time ``as_of`` (0: none yet), or ``None`` when the
        stream is too short to have a snapshot, so a plain replay is as cheap.

        Record times rise with versions within a stream (each event is decided after the
        previous one was read), which is what the plain replay's early stop relies on too.
        """
        if self.snapshots is None or self.snapshot_interval <= 0:
            return None
        last = next(iter(self._events(stream_id, desc=True, limit=1)), None)
        if last is None or last.originator_version < self.snapshot_interval:
            return None
        if last.timestamp <= as_of:
            return last.originator_version
        low, high, found = 1, last.originator_version - 1, 0
        while low <= high:
            middle = (low + high) // 2
            (event,) = self._events(stream_id, gt=middle - 1, lte=middle)
            if event.timestamp <= as_of:
                found, low = middle, middle + 1
            else:
                high = middle - 1
        return found

    def _events(self, stream_id: UUID, **query: Any) -> list[CanMutateAggregate[UUID]]:
        return [cast(CanMutateAggregate[UUID], e) for e in self.events.get(stream_id, **query)]

    @property
    def log_source(self) -> LogSource:
        """This ledger's recorder, as the log is read from it."""
        return cast(LogSource, self.recorder)

    def log_reader(self, source: LogSource | None = None) -> LogReader:
        """The log of ``source`` (default: this ledger's own recorder), decoded as this ledger
        decodes its events."""
        return LogReader(source or self.log_source, self.mapper)

    def history(self, stream_id: UUID) -> list[LoggedEvent]:
        """Every event of one stream with its log position."""
        return self.log_reader().history(stream_id)

    def log_page(
        self,
        after: int,
        limit: int,
        *,
        until: int | None = None,
        topics: Sequence[str] = (),
    ) -> list[LoggedEvent]:
        """Events with positions above ``after`` (up to ``until``), of the ``topics`` if any
        are named, in log order."""
        return self.log_reader().log_page(after, limit, until=until, topics=topics)

    def head_position(self) -> int:
        return self.log_reader().head_position()

    def head_within(self, wait_seconds: float) -> int:
        """The head of the log, waiting at most ``wait_seconds`` for a pooled connection and
        never retried (an operator's read that must not queue behind a busy pool)."""
        return self.recorder_ext.head_within(wait_seconds)

    def ping(self) -> None:
        self.recorder_ext.ping()

    # --- internals ------------------------------------------------------------------------

    def load(
        self,
        stream_id: UUID,
        aggregate_type: type[A],
        not_found: type[Any],
        label: str,
        version: int | None = None,
    ) -> A:
        """The aggregate ``stream_id`` (at ``version``), or ``not_found`` if it is not one."""
        try:
            aggregate: LedgerAggregate = self.repository.get(stream_id, version=version)
        except AggregateNotFoundError:
            raise not_found(f"No {label} with id {stream_id}.", id=str(stream_id)) from None
        if not isinstance(aggregate, aggregate_type):
            raise not_found(f"No {label} with id {stream_id}.", id=str(stream_id))
        if version is not None and aggregate.version != version:
            raise not_found(
                f"The {label} {stream_id} has no version {version} "
                f"(its latest is {aggregate.version}).",
                id=str(stream_id),
            )
        return aggregate

    def load_latest(self, stream_id: UUID) -> LedgerAggregate:
        aggregate: LedgerAggregate = self.repository.get(stream_id)
        return aggregate

    def stream_recorded(self, stream_id: UUID) -> bool:
        return bool(self.recorder.select_events(stream_id, limit=1))

    def stored_response(self, scope: str, key: str) -> IdempotentResult | None:
        return self.recorder_ext.select_idempotency(scope, key)

    def find(self, stream_id: UUID) -> LedgerAggregate | None:
        """Whatever aggregate ``stream_id`` is, or ``None`` if nothing was recorded for it."""
        try:
            aggregate: LedgerAggregate = self.repository.get(stream_id)
        except AggregateNotFoundError:
            return None
        return aggregate

    def streams_present(self, stream_ids: Sequence[UUID]) -> set[UUID]:
        return self.recorder_ext.streams_present(stream_ids)

    def scan(self, topics: Sequence[str] = ()) -> Iterator[Notification]:
        """Every notification (of ``topics``, if given) in log order, a section at a time."""
        after = 0
        while True:
            page = self.recorder.select_notifications(
                start=after, limit=self.log_section_size, topics=topics, inclusive_of_start=False
            )
            yield from page
            if len(page) < self.log_section_size:
                return
            after = page[-1].id


def _state(aggregate: object) -> dict[str, Any]:
    return {k: v for k, v in vars(aggregate).items() if k != "_pending_events"}
