"""Reading the log in its one order: pages of it, one stream's events, its head.

The ledger reads its own recorder so; the read routes may read a copy of the log instead (a
hot standby that replays the primary's), decoded by the ledger's own mapper, so an event reads
the same wherever it was read from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, cast
from uuid import UUID

from eventsourcing.domain import CanMutateAggregate
from eventsourcing.persistence import Mapper, Notification, StoredEvent


@dataclass(frozen=True)
class LoggedEvent:
    position: int
    event: CanMutateAggregate[UUID]
    topic: str


class LogSource(Protocol):
    """Where the log is read from: the ledger's recorder, or a standby's copy of it."""

    def max_notification_id(self) -> int | None: ...

    def select_notifications(
        self,
        start: int | None,
        limit: int,
        stop: int | None = None,
        topics: Sequence[str] = (),
        *,
        inclusive_of_start: bool = True,
    ) -> Sequence[Notification]: ...

    def select_stream_notifications(self, stream_id: UUID) -> list[tuple[int, StoredEvent]]: ...


class LogReader:
    """The log of ``source``, its events decoded by ``mapper``."""

    def __init__(self, source: LogSource, mapper: Mapper[UUID]) -> None:
        self.source = source
        self.mapper = mapper

    def head_position(self) -> int:
        """The last position in the log (0 while it is empty)."""
        return self.source.max_notification_id() or 0

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
        notifications = self.source.select_notifications(
            start=after, stop=until, limit=limit, topics=topics, inclusive_of_start=False
        )
        return [self.logged(n) for n in notifications]

    def history(self, stream_id: UUID) -> list[LoggedEvent]:
        """Every event of one stream with its log position."""
        return [
            LoggedEvent(position, self._event(stored), stored.topic)
            for position, stored in self.source.select_stream_notifications(stream_id)
        ]

    def logged(self, notification: Notification) -> LoggedEvent:
        return LoggedEvent(notification.id, self._event(notification), notification.topic)

    def _event(self, stored: StoredEvent) -> CanMutateAggregate[UUID]:
        return cast(CanMutateAggregate[UUID], self.mapper.to_domain_event(stored))
