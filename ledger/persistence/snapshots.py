"""Snapshots: an aggregate's state stored every N events, so long streams are read cheaply.

Events hold only plain, stable types (the event transcoder knows exactly those). An aggregate's
state also holds the domain's own value objects (enums, frozen dataclasses, sets), so snapshots
are written with a transcoder that also knows those, by topic, for classes of this package only.

A snapshot is derived data, never evidence: it can be deleted at any time (reads then replay the
events) and a changed aggregate class simply stops matching old snapshots' state, which is why
snapshots carry the aggregate's ``class_version`` and the library's upcasters apply to them.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from eventsourcing.persistence import TranscodingNotRegisteredError
from eventsourcing.utils import get_topic, resolve_topic

from ledger.persistence import topics  # noqa: F401 - old topics resolve before any read
from ledger.persistence.transcoder import OrjsonTranscoder, ledger_transcoder

_OWN_PACKAGE = "ledger."


class SnapshotTranscoder(OrjsonTranscoder):
    """The event transcoder, plus the domain's enums, dataclasses, sets and non-text keys."""

    def _tag(self, o: Any) -> Any:
        t = type(o)
        if t in self.types:
            return super()._tag(o)
        if t is dict and not all(type(k) is str for k in o):
            return {
                "_type_": "dict_items",
                "_data_": [[self._tag(k), self._tag(v)] for k, v in o.items()],
            }
        if t is set or t is frozenset:
            return {"_type_": t.__name__, "_data_": [self._tag(v) for v in o]}
        if isinstance(o, Enum):
            return {"_type_": "enum", "_data_": [_topic(t), self._tag(o.value)]}
        if dataclasses.is_dataclass(o):
            values = {f.name: self._tag(getattr(o, f.name)) for f in dataclasses.fields(o)}
            return {"_type_": "dataclass", "_data_": [_topic(t), values]}
        return super()._tag(o)

    def _decode_tagged(self, o: dict[str, Any]) -> Any:
        name = o["_type_"]
        if name in self.names:
            return super()._decode_tagged(o)
        data = self._untag(o["_data_"])
        if name == "dict_items":
            return {_hashable(k): v for k, v in data}
        if name == "set":
            return set(data)
        if name == "frozenset":
            return frozenset(data)
        if name == "enum":
            topic, value = data
            return _resolve(topic)(value)
        if name == "dataclass":
            topic, values = data
            obj = object.__new__(_resolve(topic))
            # Frozen dataclasses refuse setattr; their fields are restored as they were.
            for field_name, value in values.items():
                object.__setattr__(obj, field_name, value)
            return obj
        return super()._decode_tagged(o)


def _hashable(key: Any) -> Any:
    return tuple(key) if type(key) is list else key


def _topic(cls: type) -> str:
    topic = get_topic(cls)
    if not topic.startswith(_OWN_PACKAGE):
        msg = f"Snapshots store only the ledger's own value types, not {topic}."
        raise TranscodingNotRegisteredError(msg)
    return topic


def _resolve(topic: str) -> Any:
    if not topic.startswith(_OWN_PACKAGE):
        msg = f"A snapshot names {topic!r}, which is not one of the ledger's own types."
        raise TranscodingNotRegisteredError(msg)
    return resolve_topic(topic)


class LedgerSnapshotTranscoder(SnapshotTranscoder):
    """The transcoder of the snapshot store (named by ``SNAPSHOT_TRANSCODER_TOPIC``)."""

    def __init__(self) -> None:
        super().__init__()
        for transcoding in ledger_transcoder().types.values():
            self.register(transcoding)


def snapshot_transcoder() -> SnapshotTranscoder:
    return LedgerSnapshotTranscoder()
