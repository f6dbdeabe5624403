"""Stored topics are a contract: every event class, aggregate and snapshot type stays resolvable.

Events name their class by topic in the log, and the topic is hashed into every Merkle leaf, so
an event class may never be moved or renamed without registering its old topic. The golden file
lists every topic the domain can store; a class that moves or disappears fails here first.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from eventsourcing.domain import Aggregate, Snapshot
from eventsourcing.utils import get_topic, resolve_topic

import ledger.domain
from ledger.domain.base import LedgerAggregate
from ledger.domain.values import SizeClass

GOLDEN = Path(__file__).parent / "stored_topics.txt"


def _aggregates() -> set[type[Aggregate]]:
    for module in pkgutil.iter_modules(ledger.domain.__path__, "ledger.domain."):
        importlib.import_module(module.name)
    found: set[type[Aggregate]] = set()
    pending: list[type[Aggregate]] = [LedgerAggregate]
    while pending:
        for sub in pending.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                pending.append(sub)
    return found


def _domain_topics() -> list[str]:
    """Every aggregate's events as the aggregate holds them (the library redefines nested
    event classes on their aggregate, so these, not the classes as written, are stored)."""
    topics = {get_topic(Snapshot)}
    for aggregate in _aggregates():
        for name in dir(aggregate):
            attribute = getattr(aggregate, name)
            if (
                isinstance(attribute, type)
                and issubclass(attribute, Aggregate.Event)
                and attribute.__qualname__ == f"{aggregate.__qualname__}.{name}"
            ):
                topics.add(get_topic(attribute))
    return sorted(topics)


def test_every_topic_the_domain_can_store_is_in_the_golden_file() -> None:
    golden = GOLDEN.read_text().split()
    assert _domain_topics() == golden, (
        "Event, aggregate or snapshot topics changed. Moving or renaming a stored class needs "
        "register_topic(old, new) and the old topic kept in the golden file."
    )


def test_every_golden_topic_still_resolves() -> None:
    for topic in GOLDEN.read_text().split():
        resolved = resolve_topic(topic)
        assert isinstance(resolved, type)
        assert issubclass(resolved, (Aggregate.Event, Snapshot))


def test_value_types_named_by_their_old_module_resolve_to_where_they_live_now() -> None:
    import ledger.persistence.topics  # noqa: F401

    assert resolve_topic("ledger.values:SizeClass") is SizeClass


def test_the_values_of_a_case_resolve_by_the_module_older_snapshots_name() -> None:
    from ledger.domain import case_values

    for name in ("CaseStatus", "Channel", "ProviderKind", "DeliveryMode", "FeeType", "Delivery"):
        assert resolve_topic(f"ledger.domain.service_case:{name}") is getattr(case_values, name)
        assert resolve_topic(f"ledger.domain.case_values:{name}") is getattr(case_values, name)
