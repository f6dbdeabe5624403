from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="PlatformSecurityRow")


@_attrs_define
class PlatformSecurityRow:
    """One platform's security at a glance (``null`` throughout for a platform with no file;
    the grading's fields ``null`` for one not graded).

    """

    kind: str
    level: int | None
    name: str
    next_review_on: None | str
    open_findings: int | None
    open_incidents: int | None
    overdue_findings: int | None
    platform_id: str
    review_overdue: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        level: int | None
        level = self.level

        name = self.name

        next_review_on: None | str
        next_review_on = self.next_review_on

        open_findings: int | None
        open_findings = self.open_findings

        open_incidents: int | None
        open_incidents = self.open_incidents

        overdue_findings: int | None
        overdue_findings = self.overdue_findings

        platform_id = self.platform_id

        review_overdue: bool | None
        review_overdue = self.review_overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "level": level,
                "name": name,
                "next_review_on": next_review_on,
                "open_findings": open_findings,
                "open_incidents": open_incidents,
                "overdue_findings": overdue_findings,
                "platform_id": platform_id,
                "review_overdue": review_overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        def _parse_level(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        level = _parse_level(d.pop("level"))

        name = d.pop("name")

        def _parse_next_review_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_review_on = _parse_next_review_on(d.pop("next_review_on"))

        def _parse_open_findings(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        open_findings = _parse_open_findings(d.pop("open_findings"))

        def _parse_open_incidents(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        open_incidents = _parse_open_incidents(d.pop("open_incidents"))

        def _parse_overdue_findings(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        overdue_findings = _parse_overdue_findings(d.pop("overdue_findings"))

        platform_id = d.pop("platform_id")

        def _parse_review_overdue(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        review_overdue = _parse_review_overdue(d.pop("review_overdue"))

        platform_security_row = cls(
            kind=kind,
            level=level,
            name=name,
            next_review_on=next_review_on,
            open_findings=open_findings,
            open_incidents=open_incidents,
            overdue_findings=overdue_findings,
            platform_id=platform_id,
            review_overdue=review_overdue,
        )

        platform_security_row.additional_properties = d
        return platform_security_row

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
