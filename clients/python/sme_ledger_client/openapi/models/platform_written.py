from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.platform_written_kind import check_platform_written_kind
from ..models.platform_written_kind import PlatformWrittenKind
from ..models.platform_written_standing import check_platform_written_standing
from ..models.platform_written_standing import PlatformWrittenStanding
from ..models.platform_written_status import check_platform_written_status
from ..models.platform_written_status import PlatformWrittenStatus
from typing import cast


T = TypeVar("T", bound="PlatformWritten")


@_attrs_define
class PlatformWritten:
    """A hub or window platform of the network, with the onboarding application it came from
    (``null`` for one registered as already connected) and its standing. With the log position of the write.

    """

    application_id: None | str
    categories: list[str]
    created_at: str
    id: str
    kind: PlatformWrittenKind
    modified_at: str
    name: str
    position: int
    priority_support_year: int | None
    recheck_failed: bool
    rectification_deadline: None | str
    rectification_reasons: None | str
    region: str
    standing: PlatformWrittenStanding
    status: PlatformWrittenStatus
    uscc: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id: None | str
        application_id = self.application_id

        categories = self.categories

        created_at = self.created_at

        id = self.id

        kind: str = self.kind

        modified_at = self.modified_at

        name = self.name

        position = self.position

        priority_support_year: int | None
        priority_support_year = self.priority_support_year

        recheck_failed = self.recheck_failed

        rectification_deadline: None | str
        rectification_deadline = self.rectification_deadline

        rectification_reasons: None | str
        rectification_reasons = self.rectification_reasons

        region = self.region

        standing: str = self.standing

        status: str = self.status

        uscc = self.uscc

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "categories": categories,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "modified_at": modified_at,
                "name": name,
                "position": position,
                "priority_support_year": priority_support_year,
                "recheck_failed": recheck_failed,
                "rectification_deadline": rectification_deadline,
                "rectification_reasons": rectification_reasons,
                "region": region,
                "standing": standing,
                "status": status,
                "uscc": uscc,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_application_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        application_id = _parse_application_id(d.pop("application_id"))

        categories = cast(list[str], d.pop("categories"))

        created_at = d.pop("created_at")

        id = d.pop("id")

        kind = check_platform_written_kind(d.pop("kind"))

        modified_at = d.pop("modified_at")

        name = d.pop("name")

        position = d.pop("position")

        def _parse_priority_support_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        priority_support_year = _parse_priority_support_year(
            d.pop("priority_support_year")
        )

        recheck_failed = d.pop("recheck_failed")

        def _parse_rectification_deadline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rectification_deadline = _parse_rectification_deadline(
            d.pop("rectification_deadline")
        )

        def _parse_rectification_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rectification_reasons = _parse_rectification_reasons(
            d.pop("rectification_reasons")
        )

        region = d.pop("region")

        standing = check_platform_written_standing(d.pop("standing"))

        status = check_platform_written_status(d.pop("status"))

        uscc = d.pop("uscc")

        version = d.pop("version")

        platform_written = cls(
            application_id=application_id,
            categories=categories,
            created_at=created_at,
            id=id,
            kind=kind,
            modified_at=modified_at,
            name=name,
            position=position,
            priority_support_year=priority_support_year,
            recheck_failed=recheck_failed,
            rectification_deadline=rectification_deadline,
            rectification_reasons=rectification_reasons,
            region=region,
            standing=standing,
            status=status,
            uscc=uscc,
            version=version,
        )

        platform_written.additional_properties = d
        return platform_written

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
