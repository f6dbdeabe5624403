from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="CheckpointView")


@_attrs_define
class CheckpointView:
    """A signed checkpoint: the tree size, its root (lowercase hex), the log position of its
    last leaf and when it was sealed; the id of the key that signed it, the Ed25519 signature
    (hex), and the message signed, which these fields spell out (docs/audit.md).

    """

    key_id: str
    last_position: int
    root_hash: str
    sealed_at: str
    signature: str
    signed_message: str
    tree_size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key_id = self.key_id

        last_position = self.last_position

        root_hash = self.root_hash

        sealed_at = self.sealed_at

        signature = self.signature

        signed_message = self.signed_message

        tree_size = self.tree_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key_id": key_id,
                "last_position": last_position,
                "root_hash": root_hash,
                "sealed_at": sealed_at,
                "signature": signature,
                "signed_message": signed_message,
                "tree_size": tree_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key_id = d.pop("key_id")

        last_position = d.pop("last_position")

        root_hash = d.pop("root_hash")

        sealed_at = d.pop("sealed_at")

        signature = d.pop("signature")

        signed_message = d.pop("signed_message")

        tree_size = d.pop("tree_size")

        checkpoint_view = cls(
            key_id=key_id,
            last_position=last_position,
            root_hash=root_hash,
            sealed_at=sealed_at,
            signature=signature,
            signed_message=signed_message,
            tree_size=tree_size,
        )

        checkpoint_view.additional_properties = d
        return checkpoint_view

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
