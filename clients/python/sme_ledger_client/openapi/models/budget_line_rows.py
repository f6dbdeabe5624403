from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.budget_line_row import BudgetLineRow


T = TypeVar("T", bound="BudgetLineRows")


@_attrs_define
class BudgetLineRows:
    """The rows read (`lines`) and how many (`count`); each a budget line's money (decimal amounts in yuan, as text), and
    what lapsed after its
    year.

    """

    count: int
    lines: list[BudgetLineRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_line_row import BudgetLineRow  # noqa: PLC0415

        count = self.count

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_line_row import BudgetLineRow  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = BudgetLineRow.from_dict(lines_item_data)

            lines.append(lines_item)

        budget_line_rows = cls(
            count=count,
            lines=lines,
        )

        budget_line_rows.additional_properties = d
        return budget_line_rows

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
