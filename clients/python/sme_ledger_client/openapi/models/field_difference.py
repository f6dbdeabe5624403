from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.case_assignment import CaseAssignment
    from ..models.case_delivery import CaseDelivery
    from ..models.case_feedback import CaseFeedback


T = TypeVar("T", bound="FieldDifference")


@_attrs_define
class FieldDifference:
    """A field that a re-sent record says otherwise than the recorded case: as recorded, and
    as sent.

    """

    field: str
    recorded: CaseAssignment | CaseDelivery | CaseFeedback | None | str
    sent: CaseAssignment | CaseDelivery | CaseFeedback | None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_assignment import CaseAssignment  # noqa: PLC0415
        from ..models.case_delivery import CaseDelivery  # noqa: PLC0415
        from ..models.case_feedback import CaseFeedback  # noqa: PLC0415

        field = self.field

        recorded: dict[str, Any] | None | str
        if isinstance(self.recorded, CaseAssignment):
            recorded = self.recorded.to_dict()
        elif isinstance(self.recorded, CaseDelivery):
            recorded = self.recorded.to_dict()
        elif isinstance(self.recorded, CaseFeedback):
            recorded = self.recorded.to_dict()
        else:
            recorded = self.recorded

        sent: dict[str, Any] | None | str
        if isinstance(self.sent, CaseAssignment):
            sent = self.sent.to_dict()
        elif isinstance(self.sent, CaseDelivery):
            sent = self.sent.to_dict()
        elif isinstance(self.sent, CaseFeedback):
            sent = self.sent.to_dict()
        else:
            sent = self.sent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "recorded": recorded,
                "sent": sent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_assignment import CaseAssignment  # noqa: PLC0415
        from ..models.case_delivery import CaseDelivery  # noqa: PLC0415
        from ..models.case_feedback import CaseFeedback  # noqa: PLC0415

        d = dict(src_dict)
        field = d.pop("field")

        def _parse_recorded(
            data: object,
        ) -> CaseAssignment | CaseDelivery | CaseFeedback | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recorded_type_1 = CaseAssignment.from_dict(data)

                return recorded_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recorded_type_2 = CaseDelivery.from_dict(data)

                return recorded_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recorded_type_3 = CaseFeedback.from_dict(data)

                return recorded_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseAssignment | CaseDelivery | CaseFeedback | None | str, data)

        recorded = _parse_recorded(d.pop("recorded"))

        def _parse_sent(
            data: object,
        ) -> CaseAssignment | CaseDelivery | CaseFeedback | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sent_type_1 = CaseAssignment.from_dict(data)

                return sent_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sent_type_2 = CaseDelivery.from_dict(data)

                return sent_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sent_type_3 = CaseFeedback.from_dict(data)

                return sent_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseAssignment | CaseDelivery | CaseFeedback | None | str, data)

        sent = _parse_sent(d.pop("sent"))

        field_difference = cls(
            field=field,
            recorded=recorded,
            sent=sent,
        )

        field_difference.additional_properties = d
        return field_difference

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
