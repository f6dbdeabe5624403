from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.report_return_view import ReportReturnView
    from ..models.report_submission_view import ReportSubmissionView


T = TypeVar("T", bound="DataReportView")


@_attrs_define
class DataReportView:
    """A window's data report for one period, from the hub's request to its acceptance; dates
    and times in ISO 8601.

    """

    acceptance_note: None | str
    created_at: str
    due_on: str
    hub_id: str
    id: str
    kind: str
    late: bool | None
    modified_at: str
    period: str
    period_ends_on: str
    period_starts_on: str
    requested_at: str
    returns: list[ReportReturnView]
    status: str
    submissions: list[ReportSubmissionView]
    version: int
    window_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_return_view import ReportReturnView  # noqa: PLC0415
        from ..models.report_submission_view import ReportSubmissionView  # noqa: PLC0415

        acceptance_note: None | str
        acceptance_note = self.acceptance_note

        created_at = self.created_at

        due_on = self.due_on

        hub_id = self.hub_id

        id = self.id

        kind = self.kind

        late: bool | None
        late = self.late

        modified_at = self.modified_at

        period = self.period

        period_ends_on = self.period_ends_on

        period_starts_on = self.period_starts_on

        requested_at = self.requested_at

        returns = []
        for returns_item_data in self.returns:
            returns_item = returns_item_data.to_dict()
            returns.append(returns_item)

        status = self.status

        submissions = []
        for submissions_item_data in self.submissions:
            submissions_item = submissions_item_data.to_dict()
            submissions.append(submissions_item)

        version = self.version

        window_id = self.window_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acceptance_note": acceptance_note,
                "created_at": created_at,
                "due_on": due_on,
                "hub_id": hub_id,
                "id": id,
                "kind": kind,
                "late": late,
                "modified_at": modified_at,
                "period": period,
                "period_ends_on": period_ends_on,
                "period_starts_on": period_starts_on,
                "requested_at": requested_at,
                "returns": returns,
                "status": status,
                "submissions": submissions,
                "version": version,
                "window_id": window_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_return_view import ReportReturnView  # noqa: PLC0415
        from ..models.report_submission_view import ReportSubmissionView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_acceptance_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acceptance_note = _parse_acceptance_note(d.pop("acceptance_note"))

        created_at = d.pop("created_at")

        due_on = d.pop("due_on")

        hub_id = d.pop("hub_id")

        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_late(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        late = _parse_late(d.pop("late"))

        modified_at = d.pop("modified_at")

        period = d.pop("period")

        period_ends_on = d.pop("period_ends_on")

        period_starts_on = d.pop("period_starts_on")

        requested_at = d.pop("requested_at")

        returns = []
        _returns = d.pop("returns")
        for returns_item_data in _returns:
            returns_item = ReportReturnView.from_dict(returns_item_data)

            returns.append(returns_item)

        status = d.pop("status")

        submissions = []
        _submissions = d.pop("submissions")
        for submissions_item_data in _submissions:
            submissions_item = ReportSubmissionView.from_dict(submissions_item_data)

            submissions.append(submissions_item)

        version = d.pop("version")

        window_id = d.pop("window_id")

        data_report_view = cls(
            acceptance_note=acceptance_note,
            created_at=created_at,
            due_on=due_on,
            hub_id=hub_id,
            id=id,
            kind=kind,
            late=late,
            modified_at=modified_at,
            period=period,
            period_ends_on=period_ends_on,
            period_starts_on=period_starts_on,
            requested_at=requested_at,
            returns=returns,
            status=status,
            submissions=submissions,
            version=version,
            window_id=window_id,
        )

        data_report_view.additional_properties = d
        return data_report_view

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
