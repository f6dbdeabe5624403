from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="EnterpriseServiceRow")


@_attrs_define
class EnterpriseServiceRow:
    """One service case of the enterprise: who served it, how, what it cost, how it ended."""

    cancelled_on: None | str
    case_id: str
    category: str
    channel: str
    closed_on: None | str
    delivered_on: None | str
    delivery_mode: None | str
    external_ref: str
    fee_amount: None | str
    fee_type: None | str
    opened_on: str
    provider_kind: None | str
    provider_name: None | str
    satisfaction: int | None
    status: str
    window_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancelled_on: None | str
        cancelled_on = self.cancelled_on

        case_id = self.case_id

        category = self.category

        channel = self.channel

        closed_on: None | str
        closed_on = self.closed_on

        delivered_on: None | str
        delivered_on = self.delivered_on

        delivery_mode: None | str
        delivery_mode = self.delivery_mode

        external_ref = self.external_ref

        fee_amount: None | str
        fee_amount = self.fee_amount

        fee_type: None | str
        fee_type = self.fee_type

        opened_on = self.opened_on

        provider_kind: None | str
        provider_kind = self.provider_kind

        provider_name: None | str
        provider_name = self.provider_name

        satisfaction: int | None
        satisfaction = self.satisfaction

        status = self.status

        window_id = self.window_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancelled_on": cancelled_on,
                "case_id": case_id,
                "category": category,
                "channel": channel,
                "closed_on": closed_on,
                "delivered_on": delivered_on,
                "delivery_mode": delivery_mode,
                "external_ref": external_ref,
                "fee_amount": fee_amount,
                "fee_type": fee_type,
                "opened_on": opened_on,
                "provider_kind": provider_kind,
                "provider_name": provider_name,
                "satisfaction": satisfaction,
                "status": status,
                "window_id": window_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_cancelled_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancelled_on = _parse_cancelled_on(d.pop("cancelled_on"))

        case_id = d.pop("case_id")

        category = d.pop("category")

        channel = d.pop("channel")

        def _parse_closed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_delivered_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivered_on = _parse_delivered_on(d.pop("delivered_on"))

        def _parse_delivery_mode(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivery_mode = _parse_delivery_mode(d.pop("delivery_mode"))

        external_ref = d.pop("external_ref")

        def _parse_fee_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fee_amount = _parse_fee_amount(d.pop("fee_amount"))

        def _parse_fee_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fee_type = _parse_fee_type(d.pop("fee_type"))

        opened_on = d.pop("opened_on")

        def _parse_provider_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_kind = _parse_provider_kind(d.pop("provider_kind"))

        def _parse_provider_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_name = _parse_provider_name(d.pop("provider_name"))

        def _parse_satisfaction(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        satisfaction = _parse_satisfaction(d.pop("satisfaction"))

        status = d.pop("status")

        window_id = d.pop("window_id")

        enterprise_service_row = cls(
            cancelled_on=cancelled_on,
            case_id=case_id,
            category=category,
            channel=channel,
            closed_on=closed_on,
            delivered_on=delivered_on,
            delivery_mode=delivery_mode,
            external_ref=external_ref,
            fee_amount=fee_amount,
            fee_type=fee_type,
            opened_on=opened_on,
            provider_kind=provider_kind,
            provider_name=provider_name,
            satisfaction=satisfaction,
            status=status,
            window_id=window_id,
        )

        enterprise_service_row.additional_properties = d
        return enterprise_service_row

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
