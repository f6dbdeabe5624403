from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="EnterpriseRegistration")


@_attrs_define
class EnterpriseRegistration:
    employees: int
    industry: str
    """ Size-threshold industry: industry, retail, software_it, wholesale """
    name: str
    region: str
    """ GB/T 2260 region code within Ningxia, e.g. 640100 """
    revenue_wan: str
    """ Annual revenue in 万元 as a string, e.g. "4200.00" """
    uscc: str
    """ Unified Social Credit Code (GB 32100-2015), check character verified """

    def to_dict(self) -> dict[str, Any]:
        employees = self.employees

        industry = self.industry

        name = self.name

        region = self.region

        revenue_wan = self.revenue_wan

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "employees": employees,
                "industry": industry,
                "name": name,
                "region": region,
                "revenue_wan": revenue_wan,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employees = d.pop("employees")

        industry = d.pop("industry")

        name = d.pop("name")

        region = d.pop("region")

        revenue_wan = d.pop("revenue_wan")

        uscc = d.pop("uscc")

        enterprise_registration = cls(
            employees=employees,
            industry=industry,
            name=name,
            region=region,
            revenue_wan=revenue_wan,
            uscc=uscc,
        )

        return enterprise_registration
