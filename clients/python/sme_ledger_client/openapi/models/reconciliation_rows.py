from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.reconciliation_row import ReconciliationRow


T = TypeVar("T", bound="ReconciliationRows")


@_attrs_define
class ReconciliationRows:
    """The rows read (`reconciliation`) and how many (`count`); each a disbursement paid in the year or with an exception:
    tied to its approval, its line and
    the line's approval (amounts are decimals in yuan, as text).

    """

    count: int
    reconciliation: list[ReconciliationRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reconciliation_row import ReconciliationRow  # noqa: PLC0415

        count = self.count

        reconciliation = []
        for reconciliation_item_data in self.reconciliation:
            reconciliation_item = reconciliation_item_data.to_dict()
            reconciliation.append(reconciliation_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "reconciliation": reconciliation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconciliation_row import ReconciliationRow  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        reconciliation = []
        _reconciliation = d.pop("reconciliation")
        for reconciliation_item_data in _reconciliation:
            reconciliation_item = ReconciliationRow.from_dict(reconciliation_item_data)

            reconciliation.append(reconciliation_item)

        reconciliation_rows = cls(
            count=count,
            reconciliation=reconciliation,
        )

        reconciliation_rows.additional_properties = d
        return reconciliation_rows

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
