from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="SealingKeyView")


@_attrs_define
class SealingKeyView:
    """A key that has signed checkpoints: its id, and its public key as PEM and as the raw 32
    bytes in hex.

    """

    algorithm: str
    key_id: str
    public_key_pem: str
    raw_hex: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        algorithm = self.algorithm

        key_id = self.key_id

        public_key_pem = self.public_key_pem

        raw_hex = self.raw_hex

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "algorithm": algorithm,
                "key_id": key_id,
                "public_key_pem": public_key_pem,
                "raw_hex": raw_hex,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        algorithm = d.pop("algorithm")

        key_id = d.pop("key_id")

        public_key_pem = d.pop("public_key_pem")

        raw_hex = d.pop("raw_hex")

        sealing_key_view = cls(
            algorithm=algorithm,
            key_id=key_id,
            public_key_pem=public_key_pem,
            raw_hex=raw_hex,
        )

        sealing_key_view.additional_properties = d
        return sealing_key_view

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
