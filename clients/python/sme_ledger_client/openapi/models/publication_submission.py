from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.publication_submission_kind import check_publication_submission_kind
from ..models.publication_submission_kind import PublicationSubmissionKind
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="PublicationSubmission")


@_attrs_define
class PublicationSubmission:
    """Submit a text (``body``) or a document (``content_sha256`` and ``summary``) for review."""

    external_ref: str
    """ The platform's own reference; the same one never submits twice """
    kind: PublicationSubmissionKind
    title: str
    body: str | Unset = ""
    category: None | str | Unset = UNSET
    content_sha256: None | str | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future beyond the clock skew, not before the network started, not before what it belongs to (a case, a
    connection). Recorded long after it happened, the entry is accepted and flagged late_entry. """
    summary: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        external_ref = self.external_ref

        kind: str = self.kind

        title = self.title

        body = self.body

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        content_sha256: None | str | Unset
        if isinstance(self.content_sha256, Unset):
            content_sha256 = UNSET
        else:
            content_sha256 = self.content_sha256

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "external_ref": external_ref,
                "kind": kind,
                "title": title,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if category is not UNSET:
            field_dict["category"] = category
        if content_sha256 is not UNSET:
            field_dict["content_sha256"] = content_sha256
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_ref = d.pop("external_ref")

        kind = check_publication_submission_kind(d.pop("kind"))

        title = d.pop("title")

        body = d.pop("body", UNSET)

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_content_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_sha256 = _parse_content_sha256(d.pop("content_sha256", UNSET))

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

        summary = d.pop("summary", UNSET)

        publication_submission = cls(
            external_ref=external_ref,
            kind=kind,
            title=title,
            body=body,
            category=category,
            content_sha256=content_sha256,
            occurred_at=occurred_at,
            summary=summary,
        )

        return publication_submission
