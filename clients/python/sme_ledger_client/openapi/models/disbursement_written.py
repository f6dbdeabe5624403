from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.disbursement_written_status import check_disbursement_written_status
from ..models.disbursement_written_status import DisbursementWrittenStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.approval_signoff import ApprovalSignoff
    from ..models.payment_signoff import PaymentSignoff
    from ..models.rejection_signoff import RejectionSignoff
    from ..models.reversal_signoff import ReversalSignoff
    from ..models.signoff_view import SignoffView


T = TypeVar("T", bound="DisbursementWritten")


@_attrs_define
class DisbursementWritten:
    """A disbursement and its trail: who requested, approved or rejected, paid and reversed
    it, and when (and, once carried over into the next year, until when it is payable). With the log position of the
    write.

    """

    amount: str
    approval: ApprovalSignoff | None
    budget_id: str
    created_at: str
    hub_id: str
    id: str
    line_code: str
    modified_at: str
    net_paid: str
    payee: str
    payment: None | PaymentSignoff
    position: int
    purpose: str
    rejection: None | RejectionSignoff
    request: SignoffView
    """ Who signed off a step (``by``, an actor), when it happened (business time ``at``) and
    when it was recorded (``recorded_at``). """
    reversals: list[ReversalSignoff]
    reversed_amount: str
    status: DisbursementWrittenStatus
    version: int
    voucher_sha256: str
    year: int
    carried_over_until: str | Unset = UNSET
    carry_over_reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.approval_signoff import ApprovalSignoff  # noqa: PLC0415
        from ..models.payment_signoff import PaymentSignoff  # noqa: PLC0415
        from ..models.rejection_signoff import RejectionSignoff  # noqa: PLC0415
        from ..models.reversal_signoff import ReversalSignoff  # noqa: PLC0415
        from ..models.signoff_view import SignoffView  # noqa: PLC0415

        amount = self.amount

        approval: dict[str, Any] | None
        if isinstance(self.approval, ApprovalSignoff):
            approval = self.approval.to_dict()
        else:
            approval = self.approval

        budget_id = self.budget_id

        created_at = self.created_at

        hub_id = self.hub_id

        id = self.id

        line_code = self.line_code

        modified_at = self.modified_at

        net_paid = self.net_paid

        payee = self.payee

        payment: dict[str, Any] | None
        if isinstance(self.payment, PaymentSignoff):
            payment = self.payment.to_dict()
        else:
            payment = self.payment

        position = self.position

        purpose = self.purpose

        rejection: dict[str, Any] | None
        if isinstance(self.rejection, RejectionSignoff):
            rejection = self.rejection.to_dict()
        else:
            rejection = self.rejection

        request = self.request.to_dict()

        reversals = []
        for reversals_item_data in self.reversals:
            reversals_item = reversals_item_data.to_dict()
            reversals.append(reversals_item)

        reversed_amount = self.reversed_amount

        status: str = self.status

        version = self.version

        voucher_sha256 = self.voucher_sha256

        year = self.year

        carried_over_until = self.carried_over_until

        carry_over_reason = self.carry_over_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "approval": approval,
                "budget_id": budget_id,
                "created_at": created_at,
                "hub_id": hub_id,
                "id": id,
                "line_code": line_code,
                "modified_at": modified_at,
                "net_paid": net_paid,
                "payee": payee,
                "payment": payment,
                "position": position,
                "purpose": purpose,
                "rejection": rejection,
                "request": request,
                "reversals": reversals,
                "reversed_amount": reversed_amount,
                "status": status,
                "version": version,
                "voucher_sha256": voucher_sha256,
                "year": year,
            }
        )
        if carried_over_until is not UNSET:
            field_dict["carried_over_until"] = carried_over_until
        if carry_over_reason is not UNSET:
            field_dict["carry_over_reason"] = carry_over_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_signoff import ApprovalSignoff  # noqa: PLC0415
        from ..models.payment_signoff import PaymentSignoff  # noqa: PLC0415
        from ..models.rejection_signoff import RejectionSignoff  # noqa: PLC0415
        from ..models.reversal_signoff import ReversalSignoff  # noqa: PLC0415
        from ..models.signoff_view import SignoffView  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_approval(data: object) -> ApprovalSignoff | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approval_type_0 = ApprovalSignoff.from_dict(data)

                return approval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApprovalSignoff | None, data)

        approval = _parse_approval(d.pop("approval"))

        budget_id = d.pop("budget_id")

        created_at = d.pop("created_at")

        hub_id = d.pop("hub_id")

        id = d.pop("id")

        line_code = d.pop("line_code")

        modified_at = d.pop("modified_at")

        net_paid = d.pop("net_paid")

        payee = d.pop("payee")

        def _parse_payment(data: object) -> None | PaymentSignoff:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_type_0 = PaymentSignoff.from_dict(data)

                return payment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaymentSignoff, data)

        payment = _parse_payment(d.pop("payment"))

        position = d.pop("position")

        purpose = d.pop("purpose")

        def _parse_rejection(data: object) -> None | RejectionSignoff:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rejection_type_0 = RejectionSignoff.from_dict(data)

                return rejection_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RejectionSignoff, data)

        rejection = _parse_rejection(d.pop("rejection"))

        request = SignoffView.from_dict(d.pop("request"))

        reversals = []
        _reversals = d.pop("reversals")
        for reversals_item_data in _reversals:
            reversals_item = ReversalSignoff.from_dict(reversals_item_data)

            reversals.append(reversals_item)

        reversed_amount = d.pop("reversed_amount")

        status = check_disbursement_written_status(d.pop("status"))

        version = d.pop("version")

        voucher_sha256 = d.pop("voucher_sha256")

        year = d.pop("year")

        carried_over_until = d.pop("carried_over_until", UNSET)

        carry_over_reason = d.pop("carry_over_reason", UNSET)

        disbursement_written = cls(
            amount=amount,
            approval=approval,
            budget_id=budget_id,
            created_at=created_at,
            hub_id=hub_id,
            id=id,
            line_code=line_code,
            modified_at=modified_at,
            net_paid=net_paid,
            payee=payee,
            payment=payment,
            position=position,
            purpose=purpose,
            rejection=rejection,
            request=request,
            reversals=reversals,
            reversed_amount=reversed_amount,
            status=status,
            version=version,
            voucher_sha256=voucher_sha256,
            year=year,
            carried_over_until=carried_over_until,
            carry_over_reason=carry_over_reason,
        )

        disbursement_written.additional_properties = d
        return disbursement_written

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
