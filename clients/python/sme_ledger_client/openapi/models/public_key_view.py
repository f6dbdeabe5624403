from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.sealing_key_view import SealingKeyView


T = TypeVar("T", bound="PublicKeyView")


@_attrs_define
class PublicKeyView:
    """The key that signs checkpoints now (that of the latest checkpoint), and every key that
    has signed one, in the order they were registered.

    """

    algorithm: str
    key_id: str
    keys: list[SealingKeyView]
    note: str
    public_key_pem: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sealing_key_view import SealingKeyView  # noqa: PLC0415

        algorithm = self.algorithm

        key_id = self.key_id

        keys = []
        for keys_item_data in self.keys:
            keys_item = keys_item_data.to_dict()
            keys.append(keys_item)

        note = self.note

        public_key_pem = self.public_key_pem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "algorithm": algorithm,
                "key_id": key_id,
                "keys": keys,
                "note": note,
                "public_key_pem": public_key_pem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sealing_key_view import SealingKeyView  # noqa: PLC0415

        d = dict(src_dict)
        algorithm = d.pop("algorithm")

        key_id = d.pop("key_id")

        keys = []
        _keys = d.pop("keys")
        for keys_item_data in _keys:
            keys_item = SealingKeyView.from_dict(keys_item_data)

            keys.append(keys_item)

        note = d.pop("note")

        public_key_pem = d.pop("public_key_pem")

        public_key_view = cls(
            algorithm=algorithm,
            key_id=key_id,
            keys=keys,
            note=note,
            public_key_pem=public_key_pem,
        )

        public_key_view.additional_properties = d
        return public_key_view

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
