from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.violation_counts import ViolationCounts
    from ..models.violation_view import ViolationView


T = TypeVar("T", bound="ViolationList")


@_attrs_define
class ViolationList:
    """The violations a key may see, in the order recorded, with their counts."""

    counts: ViolationCounts
    """ How many were found, by severity, and how many are in each status after ``found`` (the
    appraisal's figures). """
    violations: list[ViolationView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.violation_counts import ViolationCounts  # noqa: PLC0415
        from ..models.violation_view import ViolationView  # noqa: PLC0415

        counts = self.counts.to_dict()

        violations = []
        for violations_item_data in self.violations:
            violations_item = violations_item_data.to_dict()
            violations.append(violations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "violations": violations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.violation_counts import ViolationCounts  # noqa: PLC0415
        from ..models.violation_view import ViolationView  # noqa: PLC0415

        d = dict(src_dict)
        counts = ViolationCounts.from_dict(d.pop("counts"))

        violations = []
        _violations = d.pop("violations")
        for violations_item_data in _violations:
            violations_item = ViolationView.from_dict(violations_item_data)

            violations.append(violations_item)

        violation_list = cls(
            counts=counts,
            violations=violations,
        )

        violation_list.additional_properties = d
        return violation_list

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
