from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="DisbursementRow")


@_attrs_define
class DisbursementRow:
    """One disbursement of the trail: its line and the line's approval, its request, approval
    or rejection, payment, refund and clawback, each with who (the actor, and the name and role
    of its key: ``null`` for an actor without one) and when. Amounts are decimals in yuan, as
    text; days are Ningxia days.

    """

    amount: str
    approval_note: None | str
    approved_by: None | str
    approved_by_name: None | str
    approved_by_role: None | str
    approved_on: None | str
    budget_id: str
    clawback_reasons: None | str
    clawed_back: str
    clawed_back_by: None | str
    clawed_back_by_name: None | str
    clawed_back_by_role: None | str
    clawed_back_on: None | str
    disbursement_id: str
    hub_id: str
    line_approved: None | str
    line_approved_by: None | str
    line_approved_by_name: None | str
    line_approved_by_role: None | str
    line_approved_on: None | str
    line_code: str
    net_paid: str
    paid_by: None | str
    paid_by_name: None | str
    paid_by_role: None | str
    paid_on: None | str
    payee: str
    payment_reference: None | str
    purpose: str
    refund_reasons: None | str
    refunded: str
    refunded_by: None | str
    refunded_by_name: None | str
    refunded_by_role: None | str
    refunded_on: None | str
    rejected_by: None | str
    rejected_by_name: None | str
    rejected_by_role: None | str
    rejected_on: None | str
    rejection_reasons: None | str
    requested_by: str
    requested_by_name: None | str
    requested_by_role: None | str
    requested_on: str
    reversed_amount: str
    status: str
    voucher_sha256: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        approval_note: None | str
        approval_note = self.approval_note

        approved_by: None | str
        approved_by = self.approved_by

        approved_by_name: None | str
        approved_by_name = self.approved_by_name

        approved_by_role: None | str
        approved_by_role = self.approved_by_role

        approved_on: None | str
        approved_on = self.approved_on

        budget_id = self.budget_id

        clawback_reasons: None | str
        clawback_reasons = self.clawback_reasons

        clawed_back = self.clawed_back

        clawed_back_by: None | str
        clawed_back_by = self.clawed_back_by

        clawed_back_by_name: None | str
        clawed_back_by_name = self.clawed_back_by_name

        clawed_back_by_role: None | str
        clawed_back_by_role = self.clawed_back_by_role

        clawed_back_on: None | str
        clawed_back_on = self.clawed_back_on

        disbursement_id = self.disbursement_id

        hub_id = self.hub_id

        line_approved: None | str
        line_approved = self.line_approved

        line_approved_by: None | str
        line_approved_by = self.line_approved_by

        line_approved_by_name: None | str
        line_approved_by_name = self.line_approved_by_name

        line_approved_by_role: None | str
        line_approved_by_role = self.line_approved_by_role

        line_approved_on: None | str
        line_approved_on = self.line_approved_on

        line_code = self.line_code

        net_paid = self.net_paid

        paid_by: None | str
        paid_by = self.paid_by

        paid_by_name: None | str
        paid_by_name = self.paid_by_name

        paid_by_role: None | str
        paid_by_role = self.paid_by_role

        paid_on: None | str
        paid_on = self.paid_on

        payee = self.payee

        payment_reference: None | str
        payment_reference = self.payment_reference

        purpose = self.purpose

        refund_reasons: None | str
        refund_reasons = self.refund_reasons

        refunded = self.refunded

        refunded_by: None | str
        refunded_by = self.refunded_by

        refunded_by_name: None | str
        refunded_by_name = self.refunded_by_name

        refunded_by_role: None | str
        refunded_by_role = self.refunded_by_role

        refunded_on: None | str
        refunded_on = self.refunded_on

        rejected_by: None | str
        rejected_by = self.rejected_by

        rejected_by_name: None | str
        rejected_by_name = self.rejected_by_name

        rejected_by_role: None | str
        rejected_by_role = self.rejected_by_role

        rejected_on: None | str
        rejected_on = self.rejected_on

        rejection_reasons: None | str
        rejection_reasons = self.rejection_reasons

        requested_by = self.requested_by

        requested_by_name: None | str
        requested_by_name = self.requested_by_name

        requested_by_role: None | str
        requested_by_role = self.requested_by_role

        requested_on = self.requested_on

        reversed_amount = self.reversed_amount

        status = self.status

        voucher_sha256 = self.voucher_sha256

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "approval_note": approval_note,
                "approved_by": approved_by,
                "approved_by_name": approved_by_name,
                "approved_by_role": approved_by_role,
                "approved_on": approved_on,
                "budget_id": budget_id,
                "clawback_reasons": clawback_reasons,
                "clawed_back": clawed_back,
                "clawed_back_by": clawed_back_by,
                "clawed_back_by_name": clawed_back_by_name,
                "clawed_back_by_role": clawed_back_by_role,
                "clawed_back_on": clawed_back_on,
                "disbursement_id": disbursement_id,
                "hub_id": hub_id,
                "line_approved": line_approved,
                "line_approved_by": line_approved_by,
                "line_approved_by_name": line_approved_by_name,
                "line_approved_by_role": line_approved_by_role,
                "line_approved_on": line_approved_on,
                "line_code": line_code,
                "net_paid": net_paid,
                "paid_by": paid_by,
                "paid_by_name": paid_by_name,
                "paid_by_role": paid_by_role,
                "paid_on": paid_on,
                "payee": payee,
                "payment_reference": payment_reference,
                "purpose": purpose,
                "refund_reasons": refund_reasons,
                "refunded": refunded,
                "refunded_by": refunded_by,
                "refunded_by_name": refunded_by_name,
                "refunded_by_role": refunded_by_role,
                "refunded_on": refunded_on,
                "rejected_by": rejected_by,
                "rejected_by_name": rejected_by_name,
                "rejected_by_role": rejected_by_role,
                "rejected_on": rejected_on,
                "rejection_reasons": rejection_reasons,
                "requested_by": requested_by,
                "requested_by_name": requested_by_name,
                "requested_by_role": requested_by_role,
                "requested_on": requested_on,
                "reversed_amount": reversed_amount,
                "status": status,
                "voucher_sha256": voucher_sha256,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_approval_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approval_note = _parse_approval_note(d.pop("approval_note"))

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        def _parse_approved_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by_name = _parse_approved_by_name(d.pop("approved_by_name"))

        def _parse_approved_by_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by_role = _parse_approved_by_role(d.pop("approved_by_role"))

        def _parse_approved_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))

        budget_id = d.pop("budget_id")

        def _parse_clawback_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clawback_reasons = _parse_clawback_reasons(d.pop("clawback_reasons"))

        clawed_back = d.pop("clawed_back")

        def _parse_clawed_back_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clawed_back_by = _parse_clawed_back_by(d.pop("clawed_back_by"))

        def _parse_clawed_back_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clawed_back_by_name = _parse_clawed_back_by_name(d.pop("clawed_back_by_name"))

        def _parse_clawed_back_by_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clawed_back_by_role = _parse_clawed_back_by_role(d.pop("clawed_back_by_role"))

        def _parse_clawed_back_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clawed_back_on = _parse_clawed_back_on(d.pop("clawed_back_on"))

        disbursement_id = d.pop("disbursement_id")

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

        def _parse_line_approved_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_approved_by_name = _parse_line_approved_by_name(
            d.pop("line_approved_by_name")
        )

        def _parse_line_approved_by_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_approved_by_role = _parse_line_approved_by_role(
            d.pop("line_approved_by_role")
        )

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

        def _parse_paid_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid_by_name = _parse_paid_by_name(d.pop("paid_by_name"))

        def _parse_paid_by_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid_by_role = _parse_paid_by_role(d.pop("paid_by_role"))

        def _parse_paid_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))

        payee = d.pop("payee")

        def _parse_payment_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_reference = _parse_payment_reference(d.pop("payment_reference"))

        purpose = d.pop("purpose")

        def _parse_refund_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refund_reasons = _parse_refund_reasons(d.pop("refund_reasons"))

        refunded = d.pop("refunded")

        def _parse_refunded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refunded_by = _parse_refunded_by(d.pop("refunded_by"))

        def _parse_refunded_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refunded_by_name = _parse_refunded_by_name(d.pop("refunded_by_name"))

        def _parse_refunded_by_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refunded_by_role = _parse_refunded_by_role(d.pop("refunded_by_role"))

        def _parse_refunded_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refunded_on = _parse_refunded_on(d.pop("refunded_on"))

        def _parse_rejected_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejected_by = _parse_rejected_by(d.pop("rejected_by"))

        def _parse_rejected_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejected_by_name = _parse_rejected_by_name(d.pop("rejected_by_name"))

        def _parse_rejected_by_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejected_by_role = _parse_rejected_by_role(d.pop("rejected_by_role"))

        def _parse_rejected_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejected_on = _parse_rejected_on(d.pop("rejected_on"))

        def _parse_rejection_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reasons = _parse_rejection_reasons(d.pop("rejection_reasons"))

        requested_by = d.pop("requested_by")

        def _parse_requested_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requested_by_name = _parse_requested_by_name(d.pop("requested_by_name"))

        def _parse_requested_by_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requested_by_role = _parse_requested_by_role(d.pop("requested_by_role"))

        requested_on = d.pop("requested_on")

        reversed_amount = d.pop("reversed_amount")

        status = d.pop("status")

        voucher_sha256 = d.pop("voucher_sha256")

        year = d.pop("year")

        disbursement_row = cls(
            amount=amount,
            approval_note=approval_note,
            approved_by=approved_by,
            approved_by_name=approved_by_name,
            approved_by_role=approved_by_role,
            approved_on=approved_on,
            budget_id=budget_id,
            clawback_reasons=clawback_reasons,
            clawed_back=clawed_back,
            clawed_back_by=clawed_back_by,
            clawed_back_by_name=clawed_back_by_name,
            clawed_back_by_role=clawed_back_by_role,
            clawed_back_on=clawed_back_on,
            disbursement_id=disbursement_id,
            hub_id=hub_id,
            line_approved=line_approved,
            line_approved_by=line_approved_by,
            line_approved_by_name=line_approved_by_name,
            line_approved_by_role=line_approved_by_role,
            line_approved_on=line_approved_on,
            line_code=line_code,
            net_paid=net_paid,
            paid_by=paid_by,
            paid_by_name=paid_by_name,
            paid_by_role=paid_by_role,
            paid_on=paid_on,
            payee=payee,
            payment_reference=payment_reference,
            purpose=purpose,
            refund_reasons=refund_reasons,
            refunded=refunded,
            refunded_by=refunded_by,
            refunded_by_name=refunded_by_name,
            refunded_by_role=refunded_by_role,
            refunded_on=refunded_on,
            rejected_by=rejected_by,
            rejected_by_name=rejected_by_name,
            rejected_by_role=rejected_by_role,
            rejected_on=rejected_on,
            rejection_reasons=rejection_reasons,
            requested_by=requested_by,
            requested_by_name=requested_by_name,
            requested_by_role=requested_by_role,
            requested_on=requested_on,
            reversed_amount=reversed_amount,
            status=status,
            voucher_sha256=voucher_sha256,
            year=year,
        )

        disbursement_row.additional_properties = d
        return disbursement_row

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
