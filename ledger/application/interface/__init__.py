"""Plain, JSON-ready views of aggregates and events, for the edges (HTTP, CLI, exports).

Everything returned here is made of ``str``, ``int``, ``bool``, ``None``, lists and dicts, so
the same bytes come out whether a response is fresh or replayed for an idempotent retry.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Literal, NotRequired, cast
from uuid import UUID

from eventsourcing.domain import CanMutateAggregate

# pydantic reads these TypedDicts as the API's response schemas; on Python 3.11 it needs
# typing_extensions' TypedDict, which also gives ReadOnly and the like on every version.
from typing_extensions import TypedDict

from ledger.application.interface.names import (
    CaseStatusName,
    ChannelName,
    DeliveryModeName,
    ErasureGroundName,
    FeeTypeName,
    ProviderKindName,
    RoleName,
    SizeClassName,
)
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


class PageFields(TypedDict):
    """What every page of a list says beside its items: how many it holds, and the cursor that
    reads the next page (``null`` on the last)."""

    count: int
    """How many items this page holds."""
    next_cursor: str | None
    """Passed back as ``cursor``, reads the next page; ``null`` on the last page."""


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


class SizeFrom(TypedDict):
    """The enterprise's size class from a day on (Ningxia date), as an update recorded it."""

    valid_from: str
    size_class: SizeClassName


class ContactRecordedState(TypedDict):
    """A contact person is recorded, by the platform ``recorded_by`` (its content is read only
    at ``GET /v1/enterprises/{uscc}/contact``)."""

    state: Literal["recorded"]
    recorded_by: str | None


class ContactErasedState(TypedDict):
    """The contact person was erased (PIPL Art. 47): on which ground, and when (record time)."""

    state: Literal["erased"]
    ground: ErasureGroundName
    erased_at: str


ContactState = ContactRecordedState | ContactErasedState


class EnterpriseView(Resource):
    """An enterprise, by its USCC: its registered facts and current figures (revenue in 万元,
    a decimal string) and the size class they give."""

    uscc: str
    name: str
    region: str
    industry: str
    employees: int
    revenue_wan: str
    size_class: SizeClassName
    is_sme: bool
    size_history: NotRequired[list[SizeFrom]]
    """Present once the figures were updated: each update's first day and size class."""
    contact: NotRequired[ContactState]
    """Present once a contact person was recorded: its state, never its content."""


def enterprise_view(enterprise: Enterprise) -> EnterpriseView:
    # mypy refuses a ** item beside optional keys (it might hold them); common() holds only
    # Resource's keys, and the optional ones are set below, where they apply.
    view: EnterpriseView = {
        **common(enterprise),  # type: ignore[typeddict-item]
        "uscc": enterprise.uscc,
        "name": enterprise.name,
        "region": enterprise.region,
        "industry": enterprise.industry,
        "employees": enterprise.employees,
        "revenue_wan": str(enterprise.revenue_wan),
        "size_class": enterprise.size_class.value,
        "is_sme": enterprise.is_sme,
    }
    # Shown once the figures were updated (an enterprise never updated answers as before).
    if enterprise.size_history:
        view["size_history"] = [
            {"valid_from": day.isoformat(), "size_class": cast(SizeClassName, size)}
            for day, size in enterprise.size_history
        ]
    # Shown once a contact person was recorded: its state, never its content.
    contact = contact_state(enterprise)
    if contact is not None:
        view["contact"] = contact
    return view


def contact_state(enterprise: Enterprise) -> ContactState | None:
    """Whether the enterprise holds a contact person, and who recorded it or why it was erased;
    the contact itself is read only at ``GET /v1/enterprises/{uscc}/contact``."""
    if enterprise.contact is not None:
        return {"state": "recorded", "recorded_by": plain(enterprise.contact_platform_id)}
    if enterprise.contact_erasure is not None:
        return erasure_state(enterprise.contact_erasure)
    return None


def erasure_state(erasure: tuple[str, str]) -> ContactErasedState:
    """An erasure's ground and record time, as :attr:`Enterprise.contact_erasure` keeps them."""
    ground, erased_at = erasure
    return {"state": "erased", "ground": cast(ErasureGroundName, ground), "erased_at": erased_at}


class CaseAssignment(TypedDict):
    """Who delivers the service: a registered institution (by ``provider_id``) or an expert (by
    name only)."""

    provider_kind: ProviderKindName
    provider_name: str
    provider_id: str | None


class CaseDelivery(TypedDict):
    """The delivery that stands (after any amendment): its day, mode and fee (a decimal
    string in yuan)."""

    delivered_on: str
    mode: DeliveryModeName
    fee_type: FeeTypeName
    fee_amount: str


class CaseFeedback(TypedDict):
    """The enterprise's rating (1 to 5) and comment."""

    satisfaction: int
    comment: str


class ServiceCaseView(Resource):
    """A service case: the enterprise's demand, who was assigned, the delivery, the feedback
    and how it ended; with the trail of a correction where there is one."""

    window_id: str
    external_ref: str
    enterprise_id: str
    uscc: str
    category: str
    channel: ChannelName
    description: str
    status: CaseStatusName
    opened_at: str
    assignment: CaseAssignment | None
    delivery: CaseDelivery | None
    feedback: CaseFeedback | None
    closure_note: str | None
    cancellation_reason: str | None
    void_reason: NotRequired[str]
    """Present on a voided case: why it was voided."""
    replaces: NotRequired[str]
    """Present on a case that records a voided one anew: the voided case's id."""
    replaced_by: NotRequired[str]
    """Present on a voided case recorded anew: the new case's id."""


def service_case_view(case: ServiceCase) -> ServiceCaseView:
    # mypy refuses a ** item beside optional keys (it might hold them); common() holds only
    # Resource's keys, and the optional ones are set below, where they apply.
    view: ServiceCaseView = {
        **common(case),  # type: ignore[typeddict-item]
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
    }
    # The trail of a correction, shown where there is one (other cases answer as before).
    if case.void_reason is not None:
        view["void_reason"] = case.void_reason
    if case.replaces is not None:
        view["replaces"] = str(case.replaces)
    if case.replaced_by is not None:
        view["replaced_by"] = str(case.replaced_by)
    return view


class AccessKeyView(Resource):
    """An access key: its role, the platform it acts for, its name and the hint that tells it
    apart (never its secret or hash)."""

    role: RoleName
    platform_id: str | None
    name: str
    hint: str
    revoked: bool


def access_key_view(key: AccessKey) -> AccessKeyView:
    return {
        **common(key),
        "role": key.role.value,
        "platform_id": plain(key.platform_id),
        "name": key.name,
        "hint": key.hint,
        "revoked": key.revoked,
    }


class KeyIdentity(TypedDict):
    """Who an actor ``key:<id>`` is: the name and role its key was issued with, the platform it
    acts for, and when it was issued (record time)."""

    id: str
    actor: str
    name: str
    role: RoleName
    platform_id: str | None
    issued_at: str
    revoked: bool


def key_identity_view(key: AccessKey) -> KeyIdentity:
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


class EventPage(TypedDict):
    """A page of the log: the events after ``after``, in log order; ``next_after`` is where the
    next page begins (``after`` again on an empty page), ``head`` the log's last position."""

    events: list[EventView]
    after: int
    next_after: int
    head: int


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
