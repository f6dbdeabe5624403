from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="InspectionView")


@_attrs_define
class InspectionView:
    """An inspection of the platform, numbered in the file, with its findings and their
    rectification; ``status`` is clear, open, overdue, rectified or rectified_late on the
    view's day.

    """

    deadline: None | str
    findings: list[str]
    inspected_on: str
    inspector_id: None | str
    note: None | str
    number: int
    rectified_on: None | str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deadline: None | str
        deadline = self.deadline

        findings = self.findings

        inspected_on = self.inspected_on

        inspector_id: None | str
        inspector_id = self.inspector_id

        note: None | str
        note = self.note

        number = self.number

        rectified_on: None | str
        rectified_on = self.rectified_on

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deadline": deadline,
                "findings": findings,
                "inspected_on": inspected_on,
                "inspector_id": inspector_id,
                "note": note,
                "number": number,
                "rectified_on": rectified_on,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_deadline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deadline = _parse_deadline(d.pop("deadline"))

        findings = cast(list[str], d.pop("findings"))

        inspected_on = d.pop("inspected_on")

        def _parse_inspector_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        inspector_id = _parse_inspector_id(d.pop("inspector_id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        number = d.pop("number")

        def _parse_rectified_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rectified_on = _parse_rectified_on(d.pop("rectified_on"))

        status = d.pop("status")

        inspection_view = cls(
            deadline=deadline,
            findings=findings,
            inspected_on=inspected_on,
            inspector_id=inspector_id,
            note=note,
            number=number,
            rectified_on=rectified_on,
            status=status,
        )

        inspection_view.additional_properties = d
        return inspection_view

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
