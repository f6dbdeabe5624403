from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.onboarding_application_view import OnboardingApplicationView


T = TypeVar("T", bound="OnboardingApplicationList")


@_attrs_define
class OnboardingApplicationList:
    """Every onboarding application, in filing order."""

    applications: list[OnboardingApplicationView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.onboarding_application_view import OnboardingApplicationView  # noqa: PLC0415

        applications = []
        for applications_item_data in self.applications:
            applications_item = applications_item_data.to_dict()
            applications.append(applications_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applications": applications,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.onboarding_application_view import OnboardingApplicationView  # noqa: PLC0415

        d = dict(src_dict)
        applications = []
        _applications = d.pop("applications")
        for applications_item_data in _applications:
            applications_item = OnboardingApplicationView.from_dict(
                applications_item_data
            )

            applications.append(applications_item)

        onboarding_application_list = cls(
            applications=applications,
        )

        onboarding_application_list.additional_properties = d
        return onboarding_application_list

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
