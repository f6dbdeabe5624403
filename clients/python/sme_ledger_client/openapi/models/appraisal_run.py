from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.appraisal_run_subject_kind import AppraisalRunSubjectKind
from ..models.appraisal_run_subject_kind import check_appraisal_run_subject_kind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="AppraisalRun")


@_attrs_define
class AppraisalRun:
    """Compute the appraisals of ``year`` for every subject of a kind (or one subject)."""

    subject_kind: AppraisalRunSubjectKind
    year: int
    as_on: datetime.date | None | Unset = UNSET
    """ The day figures are read as on (reports due by then count); defaults to 31 January of the next year, or
    today if earlier. """
    subject_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject_kind: str = self.subject_kind

        year = self.year

        as_on: None | str | Unset
        if isinstance(self.as_on, Unset):
            as_on = UNSET
        elif isinstance(self.as_on, datetime.date):
            as_on = self.as_on.isoformat()
        else:
            as_on = self.as_on

        subject_id: None | str | Unset
        if isinstance(self.subject_id, Unset):
            subject_id = UNSET
        elif isinstance(self.subject_id, UUID):
            subject_id = str(self.subject_id)
        else:
            subject_id = self.subject_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_kind": subject_kind,
                "year": year,
            }
        )
        if as_on is not UNSET:
            field_dict["as_on"] = as_on
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_kind = check_appraisal_run_subject_kind(d.pop("subject_kind"))

        year = d.pop("year")

        def _parse_as_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_on_type_0 = datetime.date.fromisoformat(data)

                return as_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_on = _parse_as_on(d.pop("as_on", UNSET))

        def _parse_subject_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_id_type_0 = UUID(data)

                return subject_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        subject_id = _parse_subject_id(d.pop("subject_id", UNSET))

        appraisal_run = cls(
            subject_kind=subject_kind,
            year=year,
            as_on=as_on,
            subject_id=subject_id,
        )

        return appraisal_run
