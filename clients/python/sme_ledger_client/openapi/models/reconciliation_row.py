from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ReconciliationRow")


@_attrs_define
class ReconciliationRow:
    """A disbursement paid in the year or with an exception: tied to its approval, its line and
    the line's approval (amounts are decimals in yuan, as text).

    """

    amount: str
    approved_by: None | str
    approved_on: None | str
    disbursement_id: str
    exceptions: str
    hub_id: str
    line_approved: None | str
    line_approved_by: None | str
    line_approved_on: None | str
    line_code: str
    net_paid: str
    paid_by: None | str
    paid_on: None | str
    payment_reference: None | str
    requested_by: str
    requested_on: str
    resource_status: None | str
    reversed_amount: str
    status: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        approved_by: None | str
        approved_by = self.approved_by

        approved_on: None | str
        approved_on = self.approved_on

        disbursement_id = self.disbursement_id

        exceptions = self.exceptions

        hub_id = self.hub_id

        line_approved: None | str
        line_approved = self.line_approved

        line_approved_by: None | str
        line_approved_by = self.line_approved_by

        line_approved_on: None | str
        line_approved_on = self.line_approved_on

        line_code = self.line_code

        net_paid = self.net_paid

        paid_by: None | str
        paid_by = self.paid_by

        paid_on: None | str
        paid_on = self.paid_on

        payment_reference: None | str
        payment_reference = self.payment_reference

        requested_by = self.requested_by

        requested_on = self.requested_on

        resource_status: None | str
        resource_status = self.resource_status

        reversed_amount = self.reversed_amount

        status = self.status

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "approved_by": approved_by,
                "approved_on": approved_on,
                "disbursement_id": disbursement_id,
                "exceptions": exceptions,
                "hub_id": hub_id,
                "line_approved": line_approved,
                "line_approved_by": line_approved_by,
                "line_approved_on": line_approved_on,
                "line_code": line_code,
                "net_paid": net_paid,
                "paid_by": paid_by,
                "paid_on": paid_on,
                "payment_reference": payment_reference,
                "requested_by": requested_by,
                "requested_on": requested_on,
                "resource_status": resource_status,
                "reversed_amount": reversed_amount,
                "status": status,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        def _parse_approved_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))

        disbursement_id = d.pop("disbursement_id")

        exceptions = d.pop("exceptions")

        hub_id = d.pop("hub_id")

        def _parse_line_approved(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_approved = _parse_line_approved(d.pop("line_approved"))

        def _parse_line_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_approved_by = _parse_line_approved_by(d.pop("line_approved_by"))

        def _parse_line_approved_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_approved_on = _parse_line_approved_on(d.pop("line_approved_on"))

        line_code = d.pop("line_code")

        net_paid = d.pop("net_paid")

        def _parse_paid_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid_by = _parse_paid_by(d.pop("paid_by"))

        def _parse_paid_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))

        def _parse_payment_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_reference = _parse_payment_reference(d.pop("payment_reference"))

        requested_by = d.pop("requested_by")

        requested_on = d.pop("requested_on")

        def _parse_resource_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_status = _parse_resource_status(d.pop("resource_status"))

        reversed_amount = d.pop("reversed_amount")

        status = d.pop("status")

        year = d.pop("year")

        reconciliation_row = cls(
            amount=amount,
            approved_by=approved_by,
            approved_on=approved_on,
            disbursement_id=disbursement_id,
            exceptions=exceptions,
            hub_id=hub_id,
            line_approved=line_approved,
            line_approved_by=line_approved_by,
            line_approved_on=line_approved_on,
            line_code=line_code,
            net_paid=net_paid,
            paid_by=paid_by,
            paid_on=paid_on,
            payment_reference=payment_reference,
            requested_by=requested_by,
            requested_on=requested_on,
            resource_status=resource_status,
            reversed_amount=reversed_amount,
            status=status,
            year=year,
        )

        reconciliation_row.additional_properties = d
        return reconciliation_row

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
