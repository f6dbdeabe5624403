from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.grading_view import GradingView
    from ..models.incident_view import IncidentView
    from ..models.inspection_view import InspectionView


T = TypeVar("T", bound="SecurityFileWritten")


@_attrs_define
class SecurityFileWritten:
    """A platform's information security file (Art. 6.2, 9.2) on a day (``on``): its grading,
    inspections and incidents, with the counts that follow from that day. With the log position of the write.

    """

    created_at: str
    grading: GradingView | None
    id: str
    incidents: list[IncidentView]
    inspections: list[InspectionView]
    modified_at: str
    on: str
    open_findings: int
    open_incidents: int
    overdue_findings: int
    platform_id: str
    position: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.grading_view import GradingView  # noqa: PLC0415
        from ..models.incident_view import IncidentView  # noqa: PLC0415
        from ..models.inspection_view import InspectionView  # noqa: PLC0415

        created_at = self.created_at

        grading: dict[str, Any] | None
        if isinstance(self.grading, GradingView):
            grading = self.grading.to_dict()
        else:
            grading = self.grading

        id = self.id

        incidents = []
        for incidents_item_data in self.incidents:
            incidents_item = incidents_item_data.to_dict()
            incidents.append(incidents_item)

        inspections = []
        for inspections_item_data in self.inspections:
            inspections_item = inspections_item_data.to_dict()
            inspections.append(inspections_item)

        modified_at = self.modified_at

        on = self.on

        open_findings = self.open_findings

        open_incidents = self.open_incidents

        overdue_findings = self.overdue_findings

        platform_id = self.platform_id

        position = self.position

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "grading": grading,
                "id": id,
                "incidents": incidents,
                "inspections": inspections,
                "modified_at": modified_at,
                "on": on,
                "open_findings": open_findings,
                "open_incidents": open_incidents,
                "overdue_findings": overdue_findings,
                "platform_id": platform_id,
                "position": position,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grading_view import GradingView  # noqa: PLC0415
        from ..models.incident_view import IncidentView  # noqa: PLC0415
        from ..models.inspection_view import InspectionView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = d.pop("created_at")

        def _parse_grading(data: object) -> GradingView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                grading_type_0 = GradingView.from_dict(data)

                return grading_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GradingView | None, data)

        grading = _parse_grading(d.pop("grading"))

        id = d.pop("id")

        incidents = []
        _incidents = d.pop("incidents")
        for incidents_item_data in _incidents:
            incidents_item = IncidentView.from_dict(incidents_item_data)

            incidents.append(incidents_item)

        inspections = []
        _inspections = d.pop("inspections")
        for inspections_item_data in _inspections:
            inspections_item = InspectionView.from_dict(inspections_item_data)

            inspections.append(inspections_item)

        modified_at = d.pop("modified_at")

        on = d.pop("on")

        open_findings = d.pop("open_findings")

        open_incidents = d.pop("open_incidents")

        overdue_findings = d.pop("overdue_findings")

        platform_id = d.pop("platform_id")

        position = d.pop("position")

        version = d.pop("version")

        security_file_written = cls(
            created_at=created_at,
            grading=grading,
            id=id,
            incidents=incidents,
            inspections=inspections,
            modified_at=modified_at,
            on=on,
            open_findings=open_findings,
            open_incidents=open_incidents,
            overdue_findings=overdue_findings,
            platform_id=platform_id,
            position=position,
            version=version,
        )

        security_file_written.additional_properties = d
        return security_file_written

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
