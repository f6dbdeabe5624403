from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="AllowanceBody")


@_attrs_define
class AllowanceBody:
    """Allow one platform to enter what happened in the closed period, until a day."""

    platform_id: None | UUID
    """ The platform allowed; null for the network-wide roles (the bureau) """
    reason: str
    until: datetime.date
    """ The last day (in Ningxia) the allowance runs """

    def to_dict(self) -> dict[str, Any]:
        platform_id: None | str
        if isinstance(self.platform_id, UUID):
            platform_id = str(self.platform_id)
        else:
            platform_id = self.platform_id

        reason = self.reason

        until = self.until.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "platform_id": platform_id,
                "reason": reason,
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_platform_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                platform_id_type_0 = UUID(data)

                return platform_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        platform_id = _parse_platform_id(d.pop("platform_id"))

        reason = d.pop("reason")

        until = datetime.date.fromisoformat(d.pop("until"))

        allowance_body = cls(
            platform_id=platform_id,
            reason=reason,
            until=until,
        )

        return allowance_body
