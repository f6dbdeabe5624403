from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.enterprise_written_size_class import check_enterprise_written_size_class
from ..models.enterprise_written_size_class import EnterpriseWrittenSizeClass
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.contact_erased_state import ContactErasedState
    from ..models.contact_recorded_state import ContactRecordedState
    from ..models.size_from import SizeFrom


T = TypeVar("T", bound="EnterpriseWritten")


@_attrs_define
class EnterpriseWritten:
    """An enterprise, by its USCC: its registered facts and current figures (revenue in 万元,
    a decimal string) and the size class they give. With the log position of the write.

    """

    created_at: str
    employees: int
    id: str
    industry: str
    is_sme: bool
    modified_at: str
    name: str
    position: int
    region: str
    revenue_wan: str
    size_class: EnterpriseWrittenSizeClass
    uscc: str
    version: int
    contact: ContactErasedState | ContactRecordedState | Unset = UNSET
    size_history: list[SizeFrom] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_erased_state import ContactErasedState  # noqa: PLC0415
        from ..models.contact_recorded_state import ContactRecordedState  # noqa: PLC0415
        from ..models.size_from import SizeFrom  # noqa: PLC0415

        created_at = self.created_at

        employees = self.employees

        id = self.id

        industry = self.industry

        is_sme = self.is_sme

        modified_at = self.modified_at

        name = self.name

        position = self.position

        region = self.region

        revenue_wan = self.revenue_wan

        size_class: str = self.size_class

        uscc = self.uscc

        version = self.version

        contact: dict[str, Any] | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ContactRecordedState):
            contact = self.contact.to_dict()
        else:
            contact = self.contact.to_dict()

        size_history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.size_history, Unset):
            size_history = []
            for size_history_item_data in self.size_history:
                size_history_item = size_history_item_data.to_dict()
                size_history.append(size_history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "employees": employees,
                "id": id,
                "industry": industry,
                "is_sme": is_sme,
                "modified_at": modified_at,
                "name": name,
                "position": position,
                "region": region,
                "revenue_wan": revenue_wan,
                "size_class": size_class,
                "uscc": uscc,
                "version": version,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact
        if size_history is not UNSET:
            field_dict["size_history"] = size_history

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_erased_state import ContactErasedState  # noqa: PLC0415
        from ..models.contact_recorded_state import ContactRecordedState  # noqa: PLC0415
        from ..models.size_from import SizeFrom  # noqa: PLC0415

        d = dict(src_dict)
        created_at = d.pop("created_at")

        employees = d.pop("employees")

        id = d.pop("id")

        industry = d.pop("industry")

        is_sme = d.pop("is_sme")

        modified_at = d.pop("modified_at")

        name = d.pop("name")

        position = d.pop("position")

        region = d.pop("region")

        revenue_wan = d.pop("revenue_wan")

        size_class = check_enterprise_written_size_class(d.pop("size_class"))

        uscc = d.pop("uscc")

        version = d.pop("version")

        def _parse_contact(
            data: object,
        ) -> ContactErasedState | ContactRecordedState | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ContactRecordedState.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            contact_type_1 = ContactErasedState.from_dict(data)

            return contact_type_1

        contact = _parse_contact(d.pop("contact", UNSET))

        _size_history = d.pop("size_history", UNSET)
        size_history: list[SizeFrom] | Unset = UNSET
        if _size_history is not UNSET:
            size_history = []
            for size_history_item_data in _size_history:
                size_history_item = SizeFrom.from_dict(size_history_item_data)

                size_history.append(size_history_item)

        enterprise_written = cls(
            created_at=created_at,
            employees=employees,
            id=id,
            industry=industry,
            is_sme=is_sme,
            modified_at=modified_at,
            name=name,
            position=position,
            region=region,
            revenue_wan=revenue_wan,
            size_class=size_class,
            uscc=uscc,
            version=version,
            contact=contact,
            size_history=size_history,
        )

        enterprise_written.additional_properties = d
        return enterprise_written

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
