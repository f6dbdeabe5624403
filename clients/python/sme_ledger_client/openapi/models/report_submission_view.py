from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.report_submission_view_figures import ReportSubmissionViewFigures


T = TypeVar("T", bound="ReportSubmissionView")


@_attrs_define
class ReportSubmissionView:
    """One submission of the report: the day, whether it was after the due date, the named
    counts and the SHA-256 of the report file (if one was sent).

    """

    document_sha256: None | str
    figures: ReportSubmissionViewFigures
    late: bool
    submitted_on: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_submission_view_figures import ReportSubmissionViewFigures  # noqa: PLC0415

        document_sha256: None | str
        document_sha256 = self.document_sha256

        figures = self.figures.to_dict()

        late = self.late

        submitted_on = self.submitted_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_sha256": document_sha256,
                "figures": figures,
                "late": late,
                "submitted_on": submitted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_submission_view_figures import ReportSubmissionViewFigures  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_document_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_sha256 = _parse_document_sha256(d.pop("document_sha256"))

        figures = ReportSubmissionViewFigures.from_dict(d.pop("figures"))

        late = d.pop("late")

        submitted_on = d.pop("submitted_on")

        report_submission_view = cls(
            document_sha256=document_sha256,
            figures=figures,
            late=late,
            submitted_on=submitted_on,
        )

        report_submission_view.additional_properties = d
        return report_submission_view

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
