from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.alliance_marking_view import AllianceMarkingView
    from ..models.evaluation_view import EvaluationView
    from ..models.holding_view import HoldingView


T = TypeVar("T", bound="ActivityWritten")


@_attrs_define
class ActivityWritten:
    """A public service activity as the API shows it: its plan, then what became of it; dates
    and times in ISO 8601. With the log position of the write.

    """

    alliance: AllianceMarkingView | None
    cancellation_reason: None | str
    category: str
    created_at: str
    ends_on: str
    evaluation: EvaluationView | None
    expected_attendance: int
    external_ref: str
    holding: HoldingView | None
    id: str
    kind: str
    mode: str
    modified_at: str
    organiser_id: str
    organiser_kind: str
    planned_at: str
    position: int
    starts_on: str
    status: str
    title: str
    venue: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.alliance_marking_view import AllianceMarkingView  # noqa: PLC0415
        from ..models.evaluation_view import EvaluationView  # noqa: PLC0415
        from ..models.holding_view import HoldingView  # noqa: PLC0415

        alliance: dict[str, Any] | None
        if isinstance(self.alliance, AllianceMarkingView):
            alliance = self.alliance.to_dict()
        else:
            alliance = self.alliance

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        category = self.category

        created_at = self.created_at

        ends_on = self.ends_on

        evaluation: dict[str, Any] | None
        if isinstance(self.evaluation, EvaluationView):
            evaluation = self.evaluation.to_dict()
        else:
            evaluation = self.evaluation

        expected_attendance = self.expected_attendance

        external_ref = self.external_ref

        holding: dict[str, Any] | None
        if isinstance(self.holding, HoldingView):
            holding = self.holding.to_dict()
        else:
            holding = self.holding

        id = self.id

        kind = self.kind

        mode = self.mode

        modified_at = self.modified_at

        organiser_id = self.organiser_id

        organiser_kind = self.organiser_kind

        planned_at = self.planned_at

        position = self.position

        starts_on = self.starts_on

        status = self.status

        title = self.title

        venue = self.venue

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alliance": alliance,
                "cancellation_reason": cancellation_reason,
                "category": category,
                "created_at": created_at,
                "ends_on": ends_on,
                "evaluation": evaluation,
                "expected_attendance": expected_attendance,
                "external_ref": external_ref,
                "holding": holding,
                "id": id,
                "kind": kind,
                "mode": mode,
                "modified_at": modified_at,
                "organiser_id": organiser_id,
                "organiser_kind": organiser_kind,
                "planned_at": planned_at,
                "position": position,
                "starts_on": starts_on,
                "status": status,
                "title": title,
                "venue": venue,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alliance_marking_view import AllianceMarkingView  # noqa: PLC0415
        from ..models.evaluation_view import EvaluationView  # noqa: PLC0415
        from ..models.holding_view import HoldingView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_alliance(data: object) -> AllianceMarkingView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                alliance_type_0 = AllianceMarkingView.from_dict(data)

                return alliance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AllianceMarkingView | None, data)

        alliance = _parse_alliance(d.pop("alliance"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        category = d.pop("category")

        created_at = d.pop("created_at")

        ends_on = d.pop("ends_on")

        def _parse_evaluation(data: object) -> EvaluationView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evaluation_type_0 = EvaluationView.from_dict(data)

                return evaluation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluationView | None, data)

        evaluation = _parse_evaluation(d.pop("evaluation"))

        expected_attendance = d.pop("expected_attendance")

        external_ref = d.pop("external_ref")

        def _parse_holding(data: object) -> HoldingView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                holding_type_0 = HoldingView.from_dict(data)

                return holding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HoldingView | None, data)

        holding = _parse_holding(d.pop("holding"))

        id = d.pop("id")

        kind = d.pop("kind")

        mode = d.pop("mode")

        modified_at = d.pop("modified_at")

        organiser_id = d.pop("organiser_id")

        organiser_kind = d.pop("organiser_kind")

        planned_at = d.pop("planned_at")

        position = d.pop("position")

        starts_on = d.pop("starts_on")

        status = d.pop("status")

        title = d.pop("title")

        venue = d.pop("venue")

        version = d.pop("version")

        activity_written = cls(
            alliance=alliance,
            cancellation_reason=cancellation_reason,
            category=category,
            created_at=created_at,
            ends_on=ends_on,
            evaluation=evaluation,
            expected_attendance=expected_attendance,
            external_ref=external_ref,
            holding=holding,
            id=id,
            kind=kind,
            mode=mode,
            modified_at=modified_at,
            organiser_id=organiser_id,
            organiser_kind=organiser_kind,
            planned_at=planned_at,
            position=position,
            starts_on=starts_on,
            status=status,
            title=title,
            venue=venue,
            version=version,
        )

        activity_written.additional_properties = d
        return activity_written

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
