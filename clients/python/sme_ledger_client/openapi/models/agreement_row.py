from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agreement_row_status import AgreementRowStatus
from ..models.agreement_row_status import check_agreement_row_status
from typing import cast


T = TypeVar("T", bound="AgreementRow")


@_attrs_define
class AgreementRow:
    """A service agreement between a window and an institution (or the hub), and its status on
    the day read as on.

    """

    agreement_id: str
    amended_on: None | str
    categories: list[str]
    counterparty_id: str
    counterparty_kind: str
    ends_on: str
    proposed_on: str
    proposer_id: str
    proposer_kind: str
    signed_on: None | str
    starts_on: str
    status: AgreementRowStatus
    terminated_on: None | str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement_id = self.agreement_id

        amended_on: None | str
        amended_on = self.amended_on

        categories = self.categories

        counterparty_id = self.counterparty_id

        counterparty_kind = self.counterparty_kind

        ends_on = self.ends_on

        proposed_on = self.proposed_on

        proposer_id = self.proposer_id

        proposer_kind = self.proposer_kind

        signed_on: None | str
        signed_on = self.signed_on

        starts_on = self.starts_on

        status: str = self.status

        terminated_on: None | str
        terminated_on = self.terminated_on

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "amended_on": amended_on,
                "categories": categories,
                "counterparty_id": counterparty_id,
                "counterparty_kind": counterparty_kind,
                "ends_on": ends_on,
                "proposed_on": proposed_on,
                "proposer_id": proposer_id,
                "proposer_kind": proposer_kind,
                "signed_on": signed_on,
                "starts_on": starts_on,
                "status": status,
                "terminated_on": terminated_on,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreement_id = d.pop("agreement_id")

        def _parse_amended_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amended_on = _parse_amended_on(d.pop("amended_on"))

        categories = cast(list[str], d.pop("categories"))

        counterparty_id = d.pop("counterparty_id")

        counterparty_kind = d.pop("counterparty_kind")

        ends_on = d.pop("ends_on")

        proposed_on = d.pop("proposed_on")

        proposer_id = d.pop("proposer_id")

        proposer_kind = d.pop("proposer_kind")

        def _parse_signed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signed_on = _parse_signed_on(d.pop("signed_on"))

        starts_on = d.pop("starts_on")

        status = check_agreement_row_status(d.pop("status"))

        def _parse_terminated_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        terminated_on = _parse_terminated_on(d.pop("terminated_on"))

        title = d.pop("title")

        agreement_row = cls(
            agreement_id=agreement_id,
            amended_on=amended_on,
            categories=categories,
            counterparty_id=counterparty_id,
            counterparty_kind=counterparty_kind,
            ends_on=ends_on,
            proposed_on=proposed_on,
            proposer_id=proposer_id,
            proposer_kind=proposer_kind,
            signed_on=signed_on,
            starts_on=starts_on,
            status=status,
            terminated_on=terminated_on,
            title=title,
        )

        agreement_row.additional_properties = d
        return agreement_row

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
