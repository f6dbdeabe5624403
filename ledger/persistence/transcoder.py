"""Event state transcoded with orjson, with exact types back.

orjson serialises UUID, datetime and dataclasses natively, but then they come back as strings
and dicts. So objects are first walked: exact built-in JSON types pass through, everything else
must have a registered :class:`Transcoding` and is written as ``{"_type_": name, "_data_": ...}``
(the same tagged form as the library's ``JSONTranscoder``, so stored state stays readable by it).
Only exact types are matched: a ``str`` subclass is not a ``str``.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, cast
from uuid import UUID

import orjson
from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import (
    Cipher,
    Compressor,
    Mapper,
    MapperDeserialisationError,
    StoredEvent,
    Transcoder,
    Transcoding,
    TranscodingNotRegisteredError,
)
from eventsourcing.utils import resolve_topic

from ledger.domain.envelope import Envelope

_PLAIN = frozenset((str, int, float, bool, type(None)))
_CONTAINERS = (dict, list)


class OrjsonTranscoder(Transcoder):
    """A registry-based transcoder that encodes with orjson."""

    def __init__(self) -> None:
        self.types: dict[type, Transcoding] = {}
        self.names: dict[str, Transcoding] = {}

    def register(self, transcoding: Transcoding) -> None:
        self.types[transcoding.type] = transcoding
        self.names[transcoding.name] = transcoding

    def encode(self, obj: Any) -> bytes:
        return orjson.dumps(self._tag(obj))

    def decode(self, data: bytes) -> Any:
        return self._untag(orjson.loads(data))

    def _tag(self, o: Any) -> Any:
        # Hot on every write: plain values inside containers are passed through without a call.
        t = type(o)
        if t in _PLAIN:
            return o
        if t is dict:
            return {k: v if type(v) in _PLAIN else self._tag(v) for k, v in o.items()}
        if t is list:
            return [v if type(v) in _PLAIN else self._tag(v) for v in o]
        transcoding = self.types.get(t)
        if transcoding is None:
            msg = (
                f"Object of type {t} is not serializable. Please define and register "
                "a custom transcoding for this type."
            )
            raise TranscodingNotRegisteredError(msg)
        return {"_type_": transcoding.name, "_data_": self._tag(transcoding.encode(o))}

    def _untag(self, o: Any) -> Any:
        # Hot on every read of the log (projection rebuilds decode every event): containers
        # fresh from orjson are updated in place, and plain values are never visited by a call.
        t = type(o)
        if t is dict:
            if len(o) == 2 and "_type_" in o and "_data_" in o:
                return self._decode_tagged(o)
            for k, v in o.items():
                tv = type(v)
                if tv is dict:
                    o[k] = (
                        self._decode_tagged(v)
                        if len(v) == 2 and "_type_" in v and "_data_" in v
                        else self._untag(v)
                    )
                elif tv is list:
                    o[k] = self._untag(v)
            return o
        if t is list:
            for i, v in enumerate(o):
                if type(v) in _CONTAINERS:
                    o[i] = self._untag(v)
        return o

    def _decode_tagged(self, o: dict[str, Any]) -> Any:
        name = o["_type_"]
        transcoding = self.names.get(name)
        if transcoding is None:
            msg = (
                f"Data serialized with name '{name}' is not deserializable. "
                "Please register a custom transcoding for this type."
            )
            raise TranscodingNotRegisteredError(msg)
        data = o["_data_"]
        return transcoding.decode(self._untag(data) if type(data) in _CONTAINERS else data)


class UUIDAsHex(Transcoding):
    type = UUID
    name = "uuid_hex"

    def encode(self, obj: UUID) -> str:
        return obj.hex

    def decode(self, data: str) -> UUID:
        return UUID(int=int(data, 16))


class DecimalAsStr(Transcoding):
    type = Decimal
    name = "decimal_str"

    def encode(self, obj: Decimal) -> str:
        return str(obj)

    def decode(self, data: str) -> Decimal:
        return Decimal(data)


class DatetimeAsISO(Transcoding):
    type = datetime
    name = "datetime_iso"

    def encode(self, obj: datetime) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> datetime:
        return datetime.fromisoformat(data)


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class TupleAsList(Transcoding):
    type = tuple
    name = "tuple_as_list"

    def encode(self, obj: tuple[Any, ...]) -> list[Any]:
        return list(obj)

    def decode(self, data: list[Any]) -> tuple[Any, ...]:
        return tuple(data)


_FLAGS = ("late_entry", "post_close")
"""The envelope's flags: the ledger's judgments of an entry, stored only when set."""


class EnvelopeAsDict(Transcoding):
    type = Envelope
    name = "envelope"
    _fields: ClassVar[tuple[str, ...]] = tuple(
        f.name for f in fields(Envelope) if f.name not in _FLAGS
    )

    def encode(self, obj: Envelope) -> dict[str, Any]:
        # Its fields are plain values: dataclasses.asdict would deep-copy each of them, which
        # made encoding the envelope most of the cost of writing an event.
        encoded = {name: getattr(obj, name) for name in self._fields}
        for flag in _FLAGS:
            if getattr(obj, flag):
                # Stored only when set, so every other envelope keeps the bytes it always had.
                encoded[flag] = True
        return encoded

    def decode(self, data: dict[str, Any]) -> Envelope:
        return Envelope(
            data["actor"], data["platform_id"], data["correlation_id"], data["causation_id"],
            data["occurred_at"], bool(data.get("late_entry", False)),
            bool(data.get("post_close", False)),
        )  # fmt: skip


LEDGER_TRANSCODINGS = (
    UUIDAsHex,
    DecimalAsStr,
    DatetimeAsISO,
    DateAsISO,
    TupleAsList,
    EnvelopeAsDict,
)


class LedgerTranscoder(OrjsonTranscoder):
    """The transcoder every ledger event store uses (named by ``TRANSCODER_TOPIC``)."""

    def __init__(self) -> None:
        super().__init__()
        for transcoding in LEDGER_TRANSCODINGS:
            self.register(transcoding())


def ledger_transcoder() -> OrjsonTranscoder:
    """The transcoder every ledger event store uses."""
    return LedgerTranscoder()


class LedgerMapper(Mapper[UUID]):
    """The library's mapper, with the per-event work of decoding done once per event class.

    Reading the log (projection rebuilds, audits) decodes every event; resolving the topic, the
    class version and the id type is the same for every event of a class, so it is cached.
    Upcasting works exactly as in the library. With a cipher or a compressor configured, the
    library's own path is used unchanged.
    """

    def __init__(
        self,
        transcoder: Transcoder,
        compressor: Compressor | None = None,
        cipher: Cipher | None = None,
    ) -> None:
        super().__init__(transcoder, compressor=compressor, cipher=cipher)
        self._classes: dict[str, tuple[type, int]] = {}

    def to_domain_event(self, stored_event: StoredEvent) -> DomainEventProtocol[UUID]:
        if self.cipher or self.compressor:
            return super().to_domain_event(stored_event)
        entry = self._classes.get(stored_event.topic)
        if entry is None:
            cls = resolve_topic(stored_event.topic)
            entry = self._classes[stored_event.topic] = (cls, getattr(cls, "class_version", 1))
        cls, class_version = entry
        try:
            state: dict[str, Any] = self.transcoder.decode(stored_event.state)
        except Exception as e:
            msg = (
                f"Failed to deserialise state of stored event with topic '{stored_event.topic}', "
                f"originator_id '{stored_event.originator_id}' and originator_version "
                f"{stored_event.originator_version}: {e}"
            )
            raise MapperDeserialisationError(msg) from e
        originator_id = stored_event.originator_id
        state["originator_id"] = (
            originator_id if isinstance(originator_id, UUID) else UUID(originator_id)
        )
        state["originator_version"] = stored_event.originator_version
        from_version = state.pop("class_version", 1)
        while from_version < class_version:
            getattr(cls, f"upcast_v{from_version}_v{from_version + 1}")(state)
            from_version += 1
        event: Any = object.__new__(cls)
        object.__setattr__(event, "__dict__", state)
        return cast("DomainEventProtocol[UUID]", event)
