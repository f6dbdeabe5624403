"""Replay: a stream's state, or the log's figures, as of a log position or a record time, and
as it stood on a business date (the events that had happened by then)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast
from uuid import UUID

from eventsourcing.domain import CanMutateAggregate

from ledger.application import interface
from ledger.application.interface.participants import institution_view, platform_view
from ledger.application.store import LedgerCore
from ledger.domain.access_key import AccessKey
from ledger.domain.enterprise import Enterprise
from ledger.domain.errors import NotFoundError
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.service_case import ServiceCase
from ledger.domain.time import business_date

_VIEWS: dict[type[Any], Callable[[Any], Mapping[str, Any]]] = {
    Enterprise: interface.enterprise_view,
    ServiceCase: interface.service_case_view,
    AccessKey: interface.access_key_view,
    Platform: platform_view,
    Institution: institution_view,
}


class StreamNotFoundError(NotFoundError):
    code = "stream_not_found"
    title = "Stream not found"


@dataclass(frozen=True)
class ReplayPoint:
    """Up to and including a log position or a record time (at most one of them), and of the
    events that had happened by a business date, if one is given."""

    position: int | None = None
    time: datetime | None = None
    business_date: date | None = None
    """A day in Ningxia: only what had happened by its end counts."""

    @classmethod
    def parse(cls, text: str) -> ReplayPoint:
        """``1234`` (a position) or an ISO 8601 time with an offset."""
        if text.isdigit():
            return cls(position=int(text))
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            msg = f"{text!r} is neither a log position nor an ISO 8601 time."
            raise ValueError(msg) from None
        if moment.tzinfo is None:
            msg = f"{text!r} has no UTC offset; add one, e.g. +08:00 or Z."
            raise ValueError(msg)
        return cls(time=moment)

    def includes(self, position: int, timestamp: datetime) -> bool:
        if self.position is not None:
            return position <= self.position
        return self.time is None or timestamp <= self.time

    def happened_by(self, event: Any) -> bool:
        """Whether ``event`` had happened by the business date (always, without one)."""
        return self.business_date is None or business_date(event.meta) <= self.business_date

    def __str__(self) -> str:
        recorded = (
            f"position {self.position}"
            if self.position is not None
            else "now"
            if self.time is None
            else str(self.time)
        )
        if self.business_date is None:
            return recorded
        return f"{recorded}, as it stood on {self.business_date.isoformat()}"


def view_of(aggregate: Any) -> dict[str, Any]:
    """The aggregate's API view if it has one, else its public attributes."""
    for kind, view in _VIEWS.items():
        if isinstance(aggregate, kind):
            return dict(view(aggregate))
    state: dict[str, Any] = dict(interface.common(aggregate))
    for name, value in vars(aggregate).items():
        if not name.startswith("_") and name not in state:
            try:
                state[name] = interface.plain(value)
            except TypeError:
                state[name] = repr(value)
    return state


def replay_stream(ledger: LedgerCore, stream_id: UUID, point: ReplayPoint) -> dict[str, Any]:
    aggregate: Any = None
    applied: list[dict[str, Any]] = []
    for logged in ledger.history(stream_id):
        event = logged.event
        # As the API's business-date read: the events in recorded order, up to the first that
        # happened after the day.
        if not point.includes(logged.position, event.timestamp) or not point.happened_by(event):
            break
        aggregate = event.mutate(aggregate)
        applied.append(
            {
                "position": logged.position,
                "version": event.originator_version,
                "type": interface.event_type(logged.topic),
                "recorded_at": event.timestamp.isoformat(),
                "occurred_at": event.meta.occurred_at.isoformat(),  # type: ignore[attr-defined]
            }
        )
    if aggregate is None:
        msg = f"Nothing was recorded for stream {stream_id} up to {point}."
        raise StreamNotFoundError(msg, id=str(stream_id))
    return {
        "stream_id": str(stream_id),
        "as_of": str(point),
        "type": type(aggregate).__name__,
        "state": view_of(aggregate),
        "events": applied,
    }


def replay_log(ledger: LedgerCore, point: ReplayPoint) -> dict[str, Any]:
    """What the log held at ``point``: events by type, streams by kind, the last position.

    Views' figures (projections) are not part of the ledger yet; these counts come from the
    log itself.
    """
    by_type: Counter[str] = Counter()
    streams: dict[str, set[UUID]] = {}
    last = 0
    for n in ledger.scan():
        if point.position is not None and n.id > point.position:
            break
        if point.time is not None or point.business_date is not None:
            event = cast(CanMutateAggregate[UUID], ledger.mapper.to_domain_event(n))
            if not point.includes(n.id, event.timestamp) or not point.happened_by(event):
                continue
        name = interface.event_type(n.topic)
        by_type[name] += 1
        streams.setdefault(name.split(".", 1)[0], set()).add(
            n.originator_id if isinstance(n.originator_id, UUID) else UUID(n.originator_id)
        )
        last = n.id
    return {
        "as_of": str(point),
        "last_position": last,
        "events": sum(by_type.values()),
        "events_by_type": dict(sorted(by_type.items())),
        "streams_by_kind": {kind: len(ids) for kind, ids in sorted(streams.items())},
    }
