from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.platform_registration_kind import check_platform_registration_kind
from ..models.platform_registration_kind import PlatformRegistrationKind
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="PlatformRegistration")


@_attrs_define
class PlatformRegistration:
    """Register an existing, already-connected platform (migrating today's network in)."""

    kind: PlatformRegistrationKind
    name: str
    region: str
    """ GB/T 2260 region code within Ningxia, e.g. 640100 """
    uscc: str
    """ Unified Social Credit Code (GB 32100-2015), check character verified """
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When the platform entered the network, if not now: migrating a window in, its real connection date, so its
    history can be recorded after it """

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        name = self.name

        region = self.region

        uscc = self.uscc

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "region": region,
                "uscc": uscc,
            }
        )
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_platform_registration_kind(d.pop("kind"))

        name = d.pop("name")

        region = d.pop("region")

        uscc = d.pop("uscc")

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        platform_registration = cls(
            kind=kind,
            name=name,
            region=region,
            uscc=uscc,
            occurred_at=occurred_at,
        )

        return platform_registration
