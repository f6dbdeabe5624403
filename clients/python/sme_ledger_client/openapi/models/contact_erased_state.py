from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contact_erased_state_ground import check_contact_erased_state_ground
from ..models.contact_erased_state_ground import ContactErasedStateGround
from typing import cast
from typing import Literal, cast


T = TypeVar("T", bound="ContactErasedState")


@_attrs_define
class ContactErasedState:
    """The contact person was erased (PIPL Art. 47): on which ground, and when (record time)."""

    erased_at: str
    ground: ContactErasedStateGround
    state: Literal["erased"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        erased_at = self.erased_at

        ground: str = self.ground

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "erased_at": erased_at,
                "ground": ground,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        erased_at = d.pop("erased_at")

        ground = check_contact_erased_state_ground(d.pop("ground"))

        state = cast(Literal["erased"], d.pop("state"))
        if state != "erased":
            raise ValueError(f"state must match const 'erased', got '{state}'")

        contact_erased_state = cls(
            erased_at=erased_at,
            ground=ground,
            state=state,
        )

        contact_erased_state.additional_properties = d
        return contact_erased_state

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
