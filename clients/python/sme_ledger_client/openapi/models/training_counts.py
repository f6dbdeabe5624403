from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="TrainingCounts")


@_attrs_define
class TrainingCounts:
    """The figures of the trainings held: how many, how many trainees, the hours they attended
    (a decimal string) and how many passed, failed or were absent.

    """

    absent: int
    failed: int
    hours: str
    passed: int
    trainees: int
    trainings: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        absent = self.absent

        failed = self.failed

        hours = self.hours

        passed = self.passed

        trainees = self.trainees

        trainings = self.trainings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "absent": absent,
                "failed": failed,
                "hours": hours,
                "passed": passed,
                "trainees": trainees,
                "trainings": trainings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        absent = d.pop("absent")

        failed = d.pop("failed")

        hours = d.pop("hours")

        passed = d.pop("passed")

        trainees = d.pop("trainees")

        trainings = d.pop("trainings")

        training_counts = cls(
            absent=absent,
            failed=failed,
            hours=hours,
            passed=passed,
            trainees=trainees,
            trainings=trainings,
        )

        training_counts.additional_properties = d
        return training_counts

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
