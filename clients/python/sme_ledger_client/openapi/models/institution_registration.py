from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="InstitutionRegistration")


@_attrs_define
class InstitutionRegistration:
    categories: list[str]
    name: str
    region: str
    """ GB/T 2260 region code within Ningxia, e.g. 640100 """
    uscc: str
    """ Unified Social Credit Code (GB 32100-2015), check character verified """

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories

        name = self.name

        region = self.region

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "categories": categories,
                "name": name,
                "region": region,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        categories = cast(list[str], d.pop("categories"))

        name = d.pop("name")

        region = d.pop("region")

        uscc = d.pop("uscc")

        institution_registration = cls(
            categories=categories,
            name=name,
            region=region,
            uscc=uscc,
        )

        return institution_registration
