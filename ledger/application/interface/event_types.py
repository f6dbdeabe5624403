"""Event types as the API names them (``ServiceCase.Delivered``), and the topics they stand for."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from eventsourcing.domain import Aggregate
from eventsourcing.utils import get_topic

import ledger.domain
from ledger.domain.base import LedgerAggregate


@cache
def event_topics() -> dict[str, str]:
    """Every event type the domain records, by its name (``ServiceCase.Delivered``)."""
    for module in pkgutil.iter_modules(ledger.domain.__path__, "ledger.domain."):
        importlib.import_module(module.name)
    topics: dict[str, str] = {}
    pending: list[type[Aggregate]] = [LedgerAggregate]
    seen: set[type[Aggregate]] = set()
    while pending:
        for aggregate in pending.pop().__subclasses__():
            if aggregate in seen:
                continue
            seen.add(aggregate)
            pending.append(aggregate)
            for name in dir(aggregate):
                attribute = getattr(aggregate, name)
                # The library redefines nested event classes on each aggregate: these are stored.
                if (
                    isinstance(attribute, type)
                    and issubclass(attribute, Aggregate.Event)
                    and attribute.__qualname__ == f"{aggregate.__qualname__}.{name}"
                    and name != "Event"
                ):
                    topic = get_topic(attribute)
                    topics[topic.rpartition(":")[2]] = topic
    return dict(sorted(topics.items()))


def topics_of(names: list[str]) -> list[str]:
    """The topics of the event types ``names``; ``KeyError`` naming the first unknown one."""
    known = event_topics()
    for name in names:
        if name not in known:
            raise KeyError(name)
    return [known[name] for name in names]
