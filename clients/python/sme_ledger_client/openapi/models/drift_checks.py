from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.drift_check_view import DriftCheckView


T = TypeVar("T", bound="DriftChecks")


@_attrs_define
class DriftChecks:
    """What the drift checks found: the views whose latest check found drift, each view's
    latest check, and the recorded checks asked for (the latest first) with their count.

    """

    checks: list[DriftCheckView]
    count: int
    drifting: list[str]
    latest: list[DriftCheckView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.drift_check_view import DriftCheckView  # noqa: PLC0415

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        count = self.count

        drifting = self.drifting

        latest = []
        for latest_item_data in self.latest:
            latest_item = latest_item_data.to_dict()
            latest.append(latest_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checks": checks,
                "count": count,
                "drifting": drifting,
                "latest": latest,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drift_check_view import DriftCheckView  # noqa: PLC0415

        d = dict(src_dict)
        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = DriftCheckView.from_dict(checks_item_data)

            checks.append(checks_item)

        count = d.pop("count")

        drifting = cast(list[str], d.pop("drifting"))

        latest = []
        _latest = d.pop("latest")
        for latest_item_data in _latest:
            latest_item = DriftCheckView.from_dict(latest_item_data)

            latest.append(latest_item)

        drift_checks = cls(
            checks=checks,
            count=count,
            drifting=drifting,
            latest=latest,
        )

        drift_checks.additional_properties = d
        return drift_checks

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
