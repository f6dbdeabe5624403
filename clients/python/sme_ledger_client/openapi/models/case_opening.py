from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.case_opening_channel import CaseOpeningChannel
from ..models.case_opening_channel import check_case_opening_channel
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.assignment_body import AssignmentBody
    from ..models.closure_body import ClosureBody
    from ..models.delivery_body import DeliveryBody
    from ..models.feedback_body import FeedbackBody


T = TypeVar("T", bound="CaseOpening")


@_attrs_define
class CaseOpening:
    """Open a case from an enterprise's demand; add assignment and delivery (and feedback, and
    closure) to record an already-delivered service in one call, each step with its own
    ``occurred_at`` if it happened later than the opening.

    """

    category: str
    """ Service category code: 10-17, 99, or a six-digit item such as 100200 """
    channel: CaseOpeningChannel
    external_ref: str
    """ The window's own reference; the same one never creates a second case """
    uscc: str
    """ Unified Social Credit Code (GB 32100-2015), check character verified """
    assignment: AssignmentBody | None | Unset = UNSET
    closure: ClosureBody | None | Unset = UNSET
    delivery: DeliveryBody | None | Unset = UNSET
    description: str | Unset = ""
    feedback: FeedbackBody | None | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future beyond the clock skew, not before the network started, not before what it belongs to (a case, a
    connection). Recorded long after it happened, the entry is accepted and flagged late_entry. """
    replaces: None | Unset | UUID = UNSET
    """ A voided case of this window with the same external_ref, which this one records anew (each voided case is
    replaced once) """

    def to_dict(self) -> dict[str, Any]:
        from ..models.assignment_body import AssignmentBody  # noqa: PLC0415
        from ..models.closure_body import ClosureBody  # noqa: PLC0415
        from ..models.delivery_body import DeliveryBody  # noqa: PLC0415
        from ..models.feedback_body import FeedbackBody  # noqa: PLC0415

        category = self.category

        channel: str = self.channel

        external_ref = self.external_ref

        uscc = self.uscc

        assignment: dict[str, Any] | None | Unset
        if isinstance(self.assignment, Unset):
            assignment = UNSET
        elif isinstance(self.assignment, AssignmentBody):
            assignment = self.assignment.to_dict()
        else:
            assignment = self.assignment

        closure: dict[str, Any] | None | Unset
        if isinstance(self.closure, Unset):
            closure = UNSET
        elif isinstance(self.closure, ClosureBody):
            closure = self.closure.to_dict()
        else:
            closure = self.closure

        delivery: dict[str, Any] | None | Unset
        if isinstance(self.delivery, Unset):
            delivery = UNSET
        elif isinstance(self.delivery, DeliveryBody):
            delivery = self.delivery.to_dict()
        else:
            delivery = self.delivery

        description = self.description

        feedback: dict[str, Any] | None | Unset
        if isinstance(self.feedback, Unset):
            feedback = UNSET
        elif isinstance(self.feedback, FeedbackBody):
            feedback = self.feedback.to_dict()
        else:
            feedback = self.feedback

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        replaces: None | str | Unset
        if isinstance(self.replaces, Unset):
            replaces = UNSET
        elif isinstance(self.replaces, UUID):
            replaces = str(self.replaces)
        else:
            replaces = self.replaces

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "channel": channel,
                "external_ref": external_ref,
                "uscc": uscc,
            }
        )
        if assignment is not UNSET:
            field_dict["assignment"] = assignment
        if closure is not UNSET:
            field_dict["closure"] = closure
        if delivery is not UNSET:
            field_dict["delivery"] = delivery
        if description is not UNSET:
            field_dict["description"] = description
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if replaces is not UNSET:
            field_dict["replaces"] = replaces

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_body import AssignmentBody  # noqa: PLC0415
        from ..models.closure_body import ClosureBody  # noqa: PLC0415
        from ..models.delivery_body import DeliveryBody  # noqa: PLC0415
        from ..models.feedback_body import FeedbackBody  # noqa: PLC0415

        d = dict(src_dict)
        category = d.pop("category")

        channel = check_case_opening_channel(d.pop("channel"))

        external_ref = d.pop("external_ref")

        uscc = d.pop("uscc")

        def _parse_assignment(data: object) -> AssignmentBody | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assignment_type_0 = AssignmentBody.from_dict(data)

                return assignment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssignmentBody | None | Unset, data)

        assignment = _parse_assignment(d.pop("assignment", UNSET))

        def _parse_closure(data: object) -> ClosureBody | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                closure_type_0 = ClosureBody.from_dict(data)

                return closure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClosureBody | None | Unset, data)

        closure = _parse_closure(d.pop("closure", UNSET))

        def _parse_delivery(data: object) -> DeliveryBody | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                delivery_type_0 = DeliveryBody.from_dict(data)

                return delivery_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeliveryBody | None | Unset, data)

        delivery = _parse_delivery(d.pop("delivery", UNSET))

        description = d.pop("description", UNSET)

        def _parse_feedback(data: object) -> FeedbackBody | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                feedback_type_0 = FeedbackBody.from_dict(data)

                return feedback_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FeedbackBody | None | Unset, data)

        feedback = _parse_feedback(d.pop("feedback", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        def _parse_replaces(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaces_type_0 = UUID(data)

                return replaces_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        replaces = _parse_replaces(d.pop("replaces", UNSET))

        case_opening = cls(
            category=category,
            channel=channel,
            external_ref=external_ref,
            uscc=uscc,
            assignment=assignment,
            closure=closure,
            delivery=delivery,
            description=description,
            feedback=feedback,
            occurred_at=occurred_at,
            replaces=replaces,
        )

        return case_opening
