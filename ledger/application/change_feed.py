"""Which events of the log one subscriber is delivered, a page at a time: the change feed's rule.

The feed (``GET /v1/changes``) is the log as its reader may read it. It reads the log in its one
order, from a position on, and delivers an event iff the reader may read the stream the event
belongs to, as :meth:`LedgerApplication.read` decides it; this module holds no rule of its own
about who sees what.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.app import LedgerApplication
from ledger.application.context import Principal
from ledger.application.log_reader import LoggedEvent, LogReader
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import NotFoundError

STREAMS_REMEMBERED = 10_000
"""Streams one subscription remembers its judgement of (the least recently used go first)."""


@dataclass(frozen=True)
class Page:
    """What one read of the log gave a subscriber."""

    events: list[LoggedEvent]
    """The events of the page the subscriber is delivered, in log order."""
    position: int
    """The last position read: every event up to it has been judged (delivered or not)."""
    full: bool
    """Whether the page was full, so more of the log may be waiting to be read at once."""


@dataclass(frozen=True)
class _Judged:
    version: int
    visible: bool


def aggregate_types(ledger: LedgerApplication) -> dict[str, type[LedgerAggregate]]:
    """The aggregate kinds that have a capability, by their topic (``module:Class``)."""
    return {get_topic(c.aggregate): c.aggregate for c in ledger.capabilities}


class Subscription:
    """The log after ``after`` as ``principal`` may read it, read ``page_size`` events at a time.

    - A reader of the whole log (``whole_log``: those who may page it at ``GET /v1/events``) is
      delivered every event.
    - Anyone else only the events of aggregate kinds that have a capability and whose read
      routes admit the reader's role (``may_read_kind``), and of those only the streams the
      reader may read: the capability's ``visible``, judged on the stream's latest state, as
      :meth:`LedgerApplication.read` judges it (through :meth:`LedgerApplication.readable`).
      An event of any other kind (an access key's, an enterprise's, whose record holds personal
      data) is never delivered.

    A judgement is remembered per stream with the version it was made at. Every capability
    judges from the aggregate's own state and the principal alone, so the judgement of a stream
    at version *w* holds for each of its events up to *w*; an event past *w* means the stream
    has changed since (a training the window has joined, a publication now public, an agreement
    amended), and it is judged again on the stream's new latest state. A revoked key is not this
    class's business: the feed checks the key itself. At most :data:`STREAMS_REMEMBERED` streams
    are remembered, so a long feed's memory stays bounded.

    As with a read, what counts is the stream's state when the event is delivered, not at the
    event: a stream that becomes readable later is delivered from then on (its earlier events
    are in its history), and a feed resumed from before them after that delivers them too.
    """

    def __init__(
        self,
        ledger: LedgerApplication,
        log: LogReader,
        principal: Principal,
        *,
        after: int,
        page_size: int,
        topics: Sequence[str] = (),
        whole_log: bool = False,
        may_read_kind: Callable[[type[LedgerAggregate]], bool] = lambda _: False,
    ) -> None:
        self.ledger = ledger
        self.log = log
        self.principal = principal
        self.position = after
        self.page_size = page_size
        self.topics = list(topics)
        self.whole_log = whole_log
        self._kinds = {
            topic: kind for topic, kind in aggregate_types(ledger).items() if may_read_kind(kind)
        }
        self._judged: OrderedDict[UUID, _Judged] = OrderedDict()
        self.pages_read = 0

    def next_page(self) -> Page:
        """The next page of the log after :attr:`position`, less what the reader may not read;
        :attr:`position` moves to its last event."""
        read = self.log.log_page(self.position, self.page_size, topics=self.topics)
        self.pages_read += 1
        if read:
            self.position = read[-1].position
        events = read if self.whole_log else [e for e in read if self.delivers(e)]
        return Page(events, self.position, len(read) >= self.page_size)

    def delivers(self, logged: LoggedEvent) -> bool:
        """Whether the reader is delivered ``logged``."""
        if self.whole_log:
            return True
        module, _, name = logged.topic.partition(":")
        # An event class is nested on its aggregate (``ServiceCase.Delivered``).
        kind = self._kinds.get(f"{module}:{name.split('.', 1)[0]}")
        if kind is None:
            return False
        stream_id, version = logged.event.originator_id, logged.event.originator_version
        judged = self._judged.get(stream_id)
        if judged is None or judged.version < version:
            judged = self._judge(kind, stream_id, version)
            self._judged[stream_id] = judged
            if len(self._judged) > STREAMS_REMEMBERED:
                self._judged.popitem(last=False)
        self._judged.move_to_end(stream_id)
        return judged.visible

    def _judge(self, kind: type[LedgerAggregate], stream_id: UUID, version: int) -> _Judged:
        try:
            latest, visible = self.ledger.readable(kind, stream_id, self.principal)
        except NotFoundError:
            # Never so while the primary holds every event a standby holds; were it so, a read
            # would answer 404, so the feed delivers nothing of the stream either.
            return _Judged(version, False)
        latest_version: Any = latest.version
        return _Judged(max(int(latest_version), version), visible)
