from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.training_counts import TrainingCounts
    from ..models.training_view import TrainingView


T = TypeVar("T", bound="TrainingList")


@_attrs_define
class TrainingList:
    """The trainings a key may see, in the order planned, with the figures of those held."""

    counts: TrainingCounts
    """ The figures of the trainings held: how many, how many trainees, the hours they attended
    (a decimal string) and how many passed, failed or were absent. """
    trainings: list[TrainingView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.training_counts import TrainingCounts  # noqa: PLC0415
        from ..models.training_view import TrainingView  # noqa: PLC0415

        counts = self.counts.to_dict()

        trainings = []
        for trainings_item_data in self.trainings:
            trainings_item = trainings_item_data.to_dict()
            trainings.append(trainings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "trainings": trainings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.training_counts import TrainingCounts  # noqa: PLC0415
        from ..models.training_view import TrainingView  # noqa: PLC0415

        d = dict(src_dict)
        counts = TrainingCounts.from_dict(d.pop("counts"))

        trainings = []
        _trainings = d.pop("trainings")
        for trainings_item_data in _trainings:
            trainings_item = TrainingView.from_dict(trainings_item_data)

            trainings.append(trainings_item)

        training_list = cls(
            counts=counts,
            trainings=trainings,
        )

        training_list.additional_properties = d
        return training_list

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
