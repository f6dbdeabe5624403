"""Plain, JSON-ready views of aggregates and events, for the edges (HTTP, CLI, exports).

Everything returned here is made of ``str``, ``int``, ``bool``, ``None``, lists and dicts, so
the same bytes come out whether a response is fresh or replayed for an idempotent retry.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, NotRequired
from uuid import UUID

from eventsourcing.domain import CanMutateAggregate

# pydantic reads these TypedDicts as the API's response schemas; on Python 3.11 it needs
# typing_extensions' TypedDict, which also gives ReadOnly and the like on every version.
from typing_extensions import TypedDict

from ledger.domain.access_key import AccessKey
from ledger.domain.enterprise import Enterprise
from ledger.domain.service_case import ServiceCase

JSON = dict[str, Any]

# Attributes every event has; the rest is the event's own data.
_EVENT_BASE_FIELDS = frozenset(
    {"originator_id", "originator_version", "timestamp", "meta", "originator_topic"}
)


def plain(value: Any) -> Any:
    """``value`` with every UUID, Decimal, date, enum and dataclass turned into JSON types."""
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    msg = f"No plain form for {type(value).__name__}"
    raise TypeError(msg)


class Resource(TypedDict):
    """The fields every resource has: id, version, and when it was created and last changed
    (timestamps in ISO 8601 with offset)."""

    id: str
    version: int
    created_at: str
    modified_at: str


def common(aggregate: Any) -> Resource:
    """The fields every resource has: id, version, and when it was created and last changed."""
    return {
        "id": str(aggregate.id),
        "version": aggregate.version,
        "created_at": aggregate.created_on.isoformat(),
        "modified_at": aggregate.modified_on.isoformat(),
    }


def enterprise_view(enterprise: Enterprise) -> JSON:
    return {
        **common(enterprise),
        "uscc": enterprise.uscc,
        "name": enterprise.name,
        "region": enterprise.region,
        "industry": enterprise.industry,
        "employees": enterprise.employees,
        "revenue_wan": str(enterprise.revenue_wan),
        "size_class": enterprise.size_class.value,
        "is_sme": enterprise.is_sme,
        # Shown once the figures were updated (an enterprise never updated answers as before).
        **(
            {
                "size_history": [
                    {"valid_from": day.isoformat(), "size_class": size}
                    for day, size in enterprise.size_history
                ]
            }
            if enterprise.size_history
            else {}
        ),
        # Shown once a contact person was recorded: its state, never its content.
        **({"contact": contact_state(enterprise)} if contact_state(enterprise) else {}),
    }


def contact_state(enterprise: Enterprise) -> JSON | None:
    """Whether the enterprise holds a contact person, and who recorded it or why it was erased;
    the contact itself is read only at ``GET /v1/enterprises/{uscc}/contact``."""
    if enterprise.contact is not None:
        return {"state": "recorded", "recorded_by": plain(enterprise.contact_platform_id)}
    if enterprise.contact_erasure is not None:
        ground, erased_at = enterprise.contact_erasure
        return {"state": "erased", "ground": ground, "erased_at": erased_at}
    return None


def service_case_view(case: ServiceCase) -> JSON:
    return {
        **common(case),
        "window_id": plain(case.window_id),
        "external_ref": case.external_ref,
        "enterprise_id": plain(case.enterprise_id),
        "uscc": case.uscc,
        "category": case.category,
        "channel": case.channel.value,
        "description": case.description,
        "status": case.status.value,
        "opened_at": plain(case.opened_at),
        "assignment": plain(case.assignment),
        "delivery": plain(case.delivery),
        "feedback": plain(case.feedback),
        "closure_note": case.closure_note,
        "cancellation_reason": case.cancellation_reason,
        # The trail of a correction, shown where there is one (other cases answer as before).
        **({"void_reason": case.void_reason} if case.void_reason is not None else {}),
        **({"replaces": str(case.replaces)} if case.replaces is not None else {}),
        **({"replaced_by": str(case.replaced_by)} if case.replaced_by is not None else {}),
    }


def access_key_view(key: AccessKey) -> JSON:
    return {
        **common(key),
        "role": key.role.value,
        "platform_id": plain(key.platform_id),
        "name": key.name,
        "hint": key.hint,
        "revoked": key.revoked,
    }


def key_identity_view(key: AccessKey) -> JSON:
    """Who an actor ``key:<id>`` is: the name and role the key was issued with, and the platform
    it acts for (never its secret or hash)."""
    return {
        "id": str(key.id),
        "actor": f"key:{key.id}",
        "name": key.name,
        "role": key.role.value,
        "platform_id": plain(key.platform_id),
        "issued_at": key.issued_at,
        "revoked": key.revoked,
    }


def event_type(topic: str) -> str:
    """``ServiceCase.Delivered`` from ``ledger.domain.service_case:ServiceCase.Delivered``."""
    return topic.rpartition(":")[2]


WITHHELD = frozenset({"secret_hash"})
"""Event fields never served: an access key's secret hash stays in the log (and in evidence
packs, which carry the stored bytes), not in what the API shows."""


class EnvelopeView(TypedDict):
    """Who recorded an event, for which platform, in which request, and when it happened."""

    actor: str
    platform_id: str | None
    correlation_id: str
    causation_id: str | None
    occurred_at: str
    late_entry: NotRequired[bool]
    """Present (true) only on an entry recorded long after it happened."""
    post_close: NotRequired[bool]
    """Present (true) only on an entry for a closed period, under the hub's allowance."""


class EventView(TypedDict):
    """One event of the log: where it sits, its envelope (``null`` for the library's own
    snapshots and the like) and its data, whose fields are the event type's own."""

    position: int
    stream_id: str
    version: int
    type: str
    recorded_at: str
    meta: EnvelopeView | None
    data: dict[str, Any]


class History(TypedDict):
    """Every event of one stream, in order."""

    stream_id: str
    events: list[EventView]


def event_view(event: CanMutateAggregate[UUID], position: int, topic: str) -> EventView:
    """One event as auditors read it: where it sits in the log, its envelope, and its data
    (less the :data:`WITHHELD` fields)."""
    state = vars(event)
    meta = state.get("meta")
    return {
        "position": position,
        "stream_id": str(event.originator_id),
        "version": event.originator_version,
        "type": event_type(topic),
        "recorded_at": event.timestamp.isoformat(),
        "meta": plain(meta.as_dict()) if meta is not None else None,
        "data": {
            k: plain(v)
            for k, v in state.items()
            if k not in _EVENT_BASE_FIELDS and k not in WITHHELD
        },
    }
