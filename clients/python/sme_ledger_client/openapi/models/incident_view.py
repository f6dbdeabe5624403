from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="IncidentView")


@_attrs_define
class IncidentView:
    """A security incident the platform reported, numbered in the file, and its closure;
    ``status`` is open or closed.

    """

    closed_on: None | str
    measures: None | str
    number: int
    occurred_on: str
    personal_data_involved: bool
    reported_to: None | str
    severity: str
    status: str
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed_on: None | str
        closed_on = self.closed_on

        measures: None | str
        measures = self.measures

        number = self.number

        occurred_on = self.occurred_on

        personal_data_involved = self.personal_data_involved

        reported_to: None | str
        reported_to = self.reported_to

        severity = self.severity

        status = self.status

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed_on": closed_on,
                "measures": measures,
                "number": number,
                "occurred_on": occurred_on,
                "personal_data_involved": personal_data_involved,
                "reported_to": reported_to,
                "severity": severity,
                "status": status,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_closed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_measures(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        measures = _parse_measures(d.pop("measures"))

        number = d.pop("number")

        occurred_on = d.pop("occurred_on")

        personal_data_involved = d.pop("personal_data_involved")

        def _parse_reported_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reported_to = _parse_reported_to(d.pop("reported_to"))

        severity = d.pop("severity")

        status = d.pop("status")

        summary = d.pop("summary")

        incident_view = cls(
            closed_on=closed_on,
            measures=measures,
            number=number,
            occurred_on=occurred_on,
            personal_data_involved=personal_data_involved,
            reported_to=reported_to,
            severity=severity,
            status=status,
            summary=summary,
        )

        incident_view.additional_properties = d
        return incident_view

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
