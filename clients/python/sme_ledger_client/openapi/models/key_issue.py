from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.key_issue_role import check_key_issue_role
from ..models.key_issue_role import KeyIssueRole
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="KeyIssue")


@_attrs_define
class KeyIssue:
    """A key for a role: a hub, window or institution key acts for one platform (or
    institution); a network-wide key (admin, bureau, auditor) for none. The secret is in the
    answer once; only its hash is recorded.

    """

    name: str
    """ Who holds the key, for the record """
    role: KeyIssueRole
    platform_id: None | Unset | UUID = UNSET
    """ The platform (or institution) a hub, window or institution key is for """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role: str = self.role

        platform_id: None | str | Unset
        if isinstance(self.platform_id, Unset):
            platform_id = UNSET
        elif isinstance(self.platform_id, UUID):
            platform_id = str(self.platform_id)
        else:
            platform_id = self.platform_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "role": role,
            }
        )
        if platform_id is not UNSET:
            field_dict["platform_id"] = platform_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        role = check_key_issue_role(d.pop("role"))

        def _parse_platform_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                platform_id_type_0 = UUID(data)

                return platform_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        platform_id = _parse_platform_id(d.pop("platform_id", UNSET))

        key_issue = cls(
            name=name,
            role=role,
            platform_id=platform_id,
        )

        return key_issue
