"""The core of the ledger application: one event-sourced application, one log.

Each capability of the network adds its commands and queries as a mixin on :class:`LedgerCore`
(``ledger/commands/*.py``); :class:`ledger.application.LedgerApplication` puts them together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, TypeVar, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import CanMutateAggregate
from eventsourcing.persistence import Mapper, Notification, Recording, StoredEvent, Transcoder
from eventsourcing.utils import Environment, EnvType

from ledger.domain.base import LedgerAggregate
from ledger.persistence.idempotency import IdempotentResult
from ledger.transcoder import LedgerMapper, ledger_transcoder
from ledger.uow import UnitOfWork

A = TypeVar("A", bound=LedgerAggregate)


class LedgerRecorder(Protocol):
    """What the ledger needs from its recorder beyond the library's interface."""

    def select_idempotency(self, scope: str, key: str) -> IdempotentResult | None: ...

    def select_stream_notifications(self, stream_id: UUID) -> list[tuple[int, StoredEvent]]: ...

    def ping(self) -> None: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class LoggedEvent:
    position: int
    event: CanMutateAggregate[UUID]
    topic: str


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
        clock_skew: timedelta = timedelta(minutes=5),
    ) -> None:
        super().__init__(env)
        self.clock = clock
        self.uow = UnitOfWork(self, clock, clock_skew)
        self.after_save: list[Callable[[int], None]] = []
        """Called with the new head position after every save (e.g. to wake in-process views)."""

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        # Configured only from what the composition root passes in, never from os.environ.
        return Environment(name, dict(env or {}))

    def construct_transcoder(self) -> Transcoder:
        return ledger_transcoder()

    def construct_mapper(self) -> Mapper[UUID]:
        return self.factory.mapper(
            transcoder=self.construct_transcoder(), mapper_class=LedgerMapper
        )

    def _notify(self, recordings: list[Recording[UUID]]) -> None:
        if recordings and self.after_save:
            position = recordings[-1].notification.id
            for listener in self.after_save:
                listener(position)

    @property
    def recorder_ext(self) -> LedgerRecorder:
        return cast(LedgerRecorder, self.recorder)

    # --- point in time, history and the log -----------------------------------------------

    def get_as_of(
        self, stream_id: UUID, aggregate_type: type[A], as_of: datetime, not_found: type[Any]
    ) -> A:
        """The aggregate as it stood at record time ``as_of``."""
        aggregate: A | None = None
        for event in self.events.get(stream_id):
            change = cast(CanMutateAggregate[UUID], event)
            if change.timestamp > as_of:
                break
            aggregate = change.mutate(aggregate)
        if aggregate is None or not isinstance(aggregate, aggregate_type):
            raise not_found(
                f"Nothing was recorded for {stream_id} at or before {as_of.isoformat()}.",
                id=str(stream_id),
            )
        return aggregate

    def history(self, stream_id: UUID) -> list[LoggedEvent]:
        """Every event of one stream with its log position."""
        stored = self.recorder_ext.select_stream_notifications(stream_id)
        return [
            LoggedEvent(
                position,
                cast(CanMutateAggregate[UUID], self.mapper.to_domain_event(s)),
                s.topic,
            )
            for position, s in stored
        ]

    def log_page(self, after: int, limit: int) -> list[LoggedEvent]:
        """Events with positions above ``after``, in log order."""
        notifications = self.recorder.select_notifications(
            start=after, limit=limit, inclusive_of_start=False
        )
        return [self._logged(n) for n in notifications]

    def head_position(self) -> int:
        return self.recorder.max_notification_id() or 0

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

    def _logged(self, n: Notification) -> LoggedEvent:
        event = cast(CanMutateAggregate[UUID], self.mapper.to_domain_event(n))
        return LoggedEvent(n.id, event, n.topic)

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
