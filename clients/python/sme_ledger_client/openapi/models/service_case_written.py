from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.service_case_written_channel import check_service_case_written_channel
from ..models.service_case_written_channel import ServiceCaseWrittenChannel
from ..models.service_case_written_status import check_service_case_written_status
from ..models.service_case_written_status import ServiceCaseWrittenStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.case_assignment import CaseAssignment
    from ..models.case_delivery import CaseDelivery
    from ..models.case_feedback import CaseFeedback


T = TypeVar("T", bound="ServiceCaseWritten")


@_attrs_define
class ServiceCaseWritten:
    """A service case: the enterprise's demand, who was assigned, the delivery, the feedback
    and how it ended; with the trail of a correction where there is one. With the log position of the write.

    """

    assignment: CaseAssignment | None
    cancellation_reason: None | str
    category: str
    channel: ServiceCaseWrittenChannel
    closure_note: None | str
    created_at: str
    delivery: CaseDelivery | None
    description: str
    enterprise_id: str
    external_ref: str
    feedback: CaseFeedback | None
    id: str
    modified_at: str
    opened_at: str
    position: int
    status: ServiceCaseWrittenStatus
    uscc: str
    version: int
    window_id: str
    replaced_by: str | Unset = UNSET
    replaces: str | Unset = UNSET
    void_reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_assignment import CaseAssignment  # noqa: PLC0415
        from ..models.case_delivery import CaseDelivery  # noqa: PLC0415
        from ..models.case_feedback import CaseFeedback  # noqa: PLC0415

        assignment: dict[str, Any] | None
        if isinstance(self.assignment, CaseAssignment):
            assignment = self.assignment.to_dict()
        else:
            assignment = self.assignment

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        category = self.category

        channel: str = self.channel

        closure_note: None | str
        closure_note = self.closure_note

        created_at = self.created_at

        delivery: dict[str, Any] | None
        if isinstance(self.delivery, CaseDelivery):
            delivery = self.delivery.to_dict()
        else:
            delivery = self.delivery

        description = self.description

        enterprise_id = self.enterprise_id

        external_ref = self.external_ref

        feedback: dict[str, Any] | None
        if isinstance(self.feedback, CaseFeedback):
            feedback = self.feedback.to_dict()
        else:
            feedback = self.feedback

        id = self.id

        modified_at = self.modified_at

        opened_at = self.opened_at

        position = self.position

        status: str = self.status

        uscc = self.uscc

        version = self.version

        window_id = self.window_id

        replaced_by = self.replaced_by

        replaces = self.replaces

        void_reason = self.void_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignment": assignment,
                "cancellation_reason": cancellation_reason,
                "category": category,
                "channel": channel,
                "closure_note": closure_note,
                "created_at": created_at,
                "delivery": delivery,
                "description": description,
                "enterprise_id": enterprise_id,
                "external_ref": external_ref,
                "feedback": feedback,
                "id": id,
                "modified_at": modified_at,
                "opened_at": opened_at,
                "position": position,
                "status": status,
                "uscc": uscc,
                "version": version,
                "window_id": window_id,
            }
        )
        if replaced_by is not UNSET:
            field_dict["replaced_by"] = replaced_by
        if replaces is not UNSET:
            field_dict["replaces"] = replaces
        if void_reason is not UNSET:
            field_dict["void_reason"] = void_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_assignment import CaseAssignment  # noqa: PLC0415
        from ..models.case_delivery import CaseDelivery  # noqa: PLC0415
        from ..models.case_feedback import CaseFeedback  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_assignment(data: object) -> CaseAssignment | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assignment_type_0 = CaseAssignment.from_dict(data)

                return assignment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseAssignment | None, data)

        assignment = _parse_assignment(d.pop("assignment"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        category = d.pop("category")

        channel = check_service_case_written_channel(d.pop("channel"))

        def _parse_closure_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closure_note = _parse_closure_note(d.pop("closure_note"))

        created_at = d.pop("created_at")

        def _parse_delivery(data: object) -> CaseDelivery | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                delivery_type_0 = CaseDelivery.from_dict(data)

                return delivery_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseDelivery | None, data)

        delivery = _parse_delivery(d.pop("delivery"))

        description = d.pop("description")

        enterprise_id = d.pop("enterprise_id")

        external_ref = d.pop("external_ref")

        def _parse_feedback(data: object) -> CaseFeedback | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                feedback_type_0 = CaseFeedback.from_dict(data)

                return feedback_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseFeedback | None, data)

        feedback = _parse_feedback(d.pop("feedback"))

        id = d.pop("id")

        modified_at = d.pop("modified_at")

        opened_at = d.pop("opened_at")

        position = d.pop("position")

        status = check_service_case_written_status(d.pop("status"))

        uscc = d.pop("uscc")

        version = d.pop("version")

        window_id = d.pop("window_id")

        replaced_by = d.pop("replaced_by", UNSET)

        replaces = d.pop("replaces", UNSET)

        void_reason = d.pop("void_reason", UNSET)

        service_case_written = cls(
            assignment=assignment,
            cancellation_reason=cancellation_reason,
            category=category,
            channel=channel,
            closure_note=closure_note,
            created_at=created_at,
            delivery=delivery,
            description=description,
            enterprise_id=enterprise_id,
            external_ref=external_ref,
            feedback=feedback,
            id=id,
            modified_at=modified_at,
            opened_at=opened_at,
            position=position,
            status=status,
            uscc=uscc,
            version=version,
            window_id=window_id,
            replaced_by=replaced_by,
            replaces=replaces,
            void_reason=void_reason,
        )

        service_case_written.additional_properties = d
        return service_case_written

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
