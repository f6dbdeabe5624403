from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.submission_body_figures import SubmissionBodyFigures


T = TypeVar("T", bound="SubmissionBody")


@_attrs_define
class SubmissionBody:
    """The window's report: named counts, the SHA-256 of the report file, or both."""

    document_sha256: None | str | Unset = UNSET
    """ SHA-256 of the submitted report file, 64 hexadecimal characters """
    figures: SubmissionBodyFigures | Unset = UNSET
    """ Up to 32 counts by snake_case name (e.g. enterprises_served), each a whole number from 0 """
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Its date
    in China Standard Time decides lateness. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.submission_body_figures import SubmissionBodyFigures  # noqa: PLC0415

        document_sha256: None | str | Unset
        if isinstance(self.document_sha256, Unset):
            document_sha256 = UNSET
        else:
            document_sha256 = self.document_sha256

        figures: dict[str, Any] | Unset = UNSET
        if not isinstance(self.figures, Unset):
            figures = self.figures.to_dict()

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if document_sha256 is not UNSET:
            field_dict["document_sha256"] = document_sha256
        if figures is not UNSET:
            field_dict["figures"] = figures
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submission_body_figures import SubmissionBodyFigures  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_document_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_sha256 = _parse_document_sha256(d.pop("document_sha256", UNSET))

        _figures = d.pop("figures", UNSET)
        figures: SubmissionBodyFigures | Unset
        if isinstance(_figures, Unset):
            figures = UNSET
        else:
            figures = SubmissionBodyFigures.from_dict(_figures)

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

        submission_body = cls(
            document_sha256=document_sha256,
            figures=figures,
            occurred_at=occurred_at,
        )

        return submission_body
