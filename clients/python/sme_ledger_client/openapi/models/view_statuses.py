from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.view_status_row import ViewStatusRow


T = TypeVar("T", bound="ViewStatuses")


@_attrs_define
class ViewStatuses:
    """Every view's status."""

    views: list[ViewStatusRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.view_status_row import ViewStatusRow  # noqa: PLC0415

        views = []
        for views_item_data in self.views:
            views_item = views_item_data.to_dict()
            views.append(views_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "views": views,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.view_status_row import ViewStatusRow  # noqa: PLC0415

        d = dict(src_dict)
        views = []
        _views = d.pop("views")
        for views_item_data in _views:
            views_item = ViewStatusRow.from_dict(views_item_data)

            views.append(views_item)

        view_statuses = cls(
            views=views,
        )

        view_statuses.additional_properties = d
        return view_statuses

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
