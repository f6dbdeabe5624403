from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="OnboardingSubmission")


@_attrs_define
class OnboardingSubmission:
    """An application the hub received from an organisation that wants to run a window."""

    applicant_name: str
    categories: list[str]
    external_ref: str
    """ The hub's own reference; the same one never records a second time """
    materials_sha256: str
    """ SHA-256 of the application materials as filed """
    region: str
    """ GB/T 2260 region code within Ningxia, e.g. 640100 """
    uscc: str
    """ Unified Social Credit Code (GB 32100-2015), check character verified """
    coverage: str | Unset = ""
    """ The area and enterprises it will serve """
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future beyond the clock skew, not before the network started, not before what it belongs to (a case, a
    connection). Recorded long after it happened, the entry is accepted and flagged late_entry. """

    def to_dict(self) -> dict[str, Any]:
        applicant_name = self.applicant_name

        categories = self.categories

        external_ref = self.external_ref

        materials_sha256 = self.materials_sha256

        region = self.region

        uscc = self.uscc

        coverage = self.coverage

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applicant_name": applicant_name,
                "categories": categories,
                "external_ref": external_ref,
                "materials_sha256": materials_sha256,
                "region": region,
                "uscc": uscc,
            }
        )
        if coverage is not UNSET:
            field_dict["coverage"] = coverage
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applicant_name = d.pop("applicant_name")

        categories = cast(list[str], d.pop("categories"))

        external_ref = d.pop("external_ref")

        materials_sha256 = d.pop("materials_sha256")

        region = d.pop("region")

        uscc = d.pop("uscc")

        coverage = d.pop("coverage", UNSET)

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

        onboarding_submission = cls(
            applicant_name=applicant_name,
            categories=categories,
            external_ref=external_ref,
            materials_sha256=materials_sha256,
            region=region,
            uscc=uscc,
            coverage=coverage,
            occurred_at=occurred_at,
        )

        return onboarding_submission
