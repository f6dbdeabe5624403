from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID


T = TypeVar("T", bound="ExpertMarksBody")


@_attrs_define
class ExpertMarksBody:
    expert_id: UUID
    """ An active expert of the pool """
    overall_operation: int
    service_performance: int
    use_of_funds: int

    def to_dict(self) -> dict[str, Any]:
        expert_id = str(self.expert_id)

        overall_operation = self.overall_operation

        service_performance = self.service_performance

        use_of_funds = self.use_of_funds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expert_id": expert_id,
                "overall_operation": overall_operation,
                "service_performance": service_performance,
                "use_of_funds": use_of_funds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert_id = UUID(d.pop("expert_id"))

        overall_operation = d.pop("overall_operation")

        service_performance = d.pop("service_performance")

        use_of_funds = d.pop("use_of_funds")

        expert_marks_body = cls(
            expert_id=expert_id,
            overall_operation=overall_operation,
            service_performance=service_performance,
            use_of_funds=use_of_funds,
        )

        return expert_marks_body
