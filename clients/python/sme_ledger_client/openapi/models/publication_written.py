from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="PublicationWritten")


@_attrs_define
class PublicationWritten:
    """An item a platform submitted for content review (Art. 6.2), and what became of it;
    times in ISO 8601. With the log position of the write.

    """

    body: str
    category: None | str
    channel: None | str
    content_sha256: None | str
    created_at: str
    external_ref: str
    id: str
    kind: str
    modified_at: str
    platform_id: str
    position: int
    published_at: None | str
    review_note: None | str
    reviewed_at: None | str
    status: str
    submitted_at: str
    summary: str
    title: str
    version: int
    withdrawal_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        category: None | str
        category = self.category

        channel: None | str
        channel = self.channel

        content_sha256: None | str
        content_sha256 = self.content_sha256

        created_at = self.created_at

        external_ref = self.external_ref

        id = self.id

        kind = self.kind

        modified_at = self.modified_at

        platform_id = self.platform_id

        position = self.position

        published_at: None | str
        published_at = self.published_at

        review_note: None | str
        review_note = self.review_note

        reviewed_at: None | str
        reviewed_at = self.reviewed_at

        status = self.status

        submitted_at = self.submitted_at

        summary = self.summary

        title = self.title

        version = self.version

        withdrawal_reason: None | str
        withdrawal_reason = self.withdrawal_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "category": category,
                "channel": channel,
                "content_sha256": content_sha256,
                "created_at": created_at,
                "external_ref": external_ref,
                "id": id,
                "kind": kind,
                "modified_at": modified_at,
                "platform_id": platform_id,
                "position": position,
                "published_at": published_at,
                "review_note": review_note,
                "reviewed_at": reviewed_at,
                "status": status,
                "submitted_at": submitted_at,
                "summary": summary,
                "title": title,
                "version": version,
                "withdrawal_reason": withdrawal_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        def _parse_content_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        content_sha256 = _parse_content_sha256(d.pop("content_sha256"))

        created_at = d.pop("created_at")

        external_ref = d.pop("external_ref")

        id = d.pop("id")

        kind = d.pop("kind")

        modified_at = d.pop("modified_at")

        platform_id = d.pop("platform_id")

        position = d.pop("position")

        def _parse_published_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        published_at = _parse_published_at(d.pop("published_at"))

        def _parse_review_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        review_note = _parse_review_note(d.pop("review_note"))

        def _parse_reviewed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at"))

        status = d.pop("status")

        submitted_at = d.pop("submitted_at")

        summary = d.pop("summary")

        title = d.pop("title")

        version = d.pop("version")

        def _parse_withdrawal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withdrawal_reason = _parse_withdrawal_reason(d.pop("withdrawal_reason"))

        publication_written = cls(
            body=body,
            category=category,
            channel=channel,
            content_sha256=content_sha256,
            created_at=created_at,
            external_ref=external_ref,
            id=id,
            kind=kind,
            modified_at=modified_at,
            platform_id=platform_id,
            position=position,
            published_at=published_at,
            review_note=review_note,
            reviewed_at=reviewed_at,
            status=status,
            submitted_at=submitted_at,
            summary=summary,
            title=title,
            version=version,
            withdrawal_reason=withdrawal_reason,
        )

        publication_written.additional_properties = d
        return publication_written

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
