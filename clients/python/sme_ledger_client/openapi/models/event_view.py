from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.envelope_view import EnvelopeView
    from ..models.event_view_data import EventViewData


T = TypeVar("T", bound="EventView")


@_attrs_define
class EventView:
    """One event of the log: where it sits, its envelope (``null`` for the library's own
    snapshots and the like) and its data, whose fields are the event type's own.

    """

    data: EventViewData
    meta: EnvelopeView | None
    position: int
    recorded_at: str
    stream_id: str
    type_: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.envelope_view import EnvelopeView  # noqa: PLC0415
        from ..models.event_view_data import EventViewData  # noqa: PLC0415

        data = self.data.to_dict()

        meta: dict[str, Any] | None
        if isinstance(self.meta, EnvelopeView):
            meta = self.meta.to_dict()
        else:
            meta = self.meta

        position = self.position

        recorded_at = self.recorded_at

        stream_id = self.stream_id

        type_ = self.type_

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "meta": meta,
                "position": position,
                "recorded_at": recorded_at,
                "stream_id": stream_id,
                "type": type_,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.envelope_view import EnvelopeView  # noqa: PLC0415
        from ..models.event_view_data import EventViewData  # noqa: PLC0415

        d = dict(src_dict)
        data = EventViewData.from_dict(d.pop("data"))

        def _parse_meta(data: object) -> EnvelopeView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meta_type_0 = EnvelopeView.from_dict(data)

                return meta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnvelopeView | None, data)

        meta = _parse_meta(d.pop("meta"))

        position = d.pop("position")

        recorded_at = d.pop("recorded_at")

        stream_id = d.pop("stream_id")

        type_ = d.pop("type")

        version = d.pop("version")

        event_view = cls(
            data=data,
            meta=meta,
            position=position,
            recorded_at=recorded_at,
            stream_id=stream_id,
            type_=type_,
            version=version,
        )

        event_view.additional_properties = d
        return event_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
