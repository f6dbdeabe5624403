"""Views of publications under content review."""

from __future__ import annotations

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.publication import Publication


class PublicationView(Resource):
    """An item a platform submitted for content review (Art. 6.2), and what became of it;
    times in ISO 8601."""

    platform_id: str
    external_ref: str
    kind: str
    title: str
    body: str
    content_sha256: str | None
    summary: str
    category: str | None
    status: str
    submitted_at: str
    review_note: str | None
    """The hub's note on an approval, or its reasons for a rejection."""
    reviewed_at: str | None
    channel: str | None
    """Where it was published (``null`` until then)."""
    published_at: str | None
    withdrawal_reason: str | None


class PublicationList(PageFields):
    """The publications a key may see, in submission order."""

    publications: list[PublicationView]


def publication_view(publication: Publication) -> PublicationView:
    return {
        **common(publication),
        "platform_id": plain(publication.platform_id),
        "external_ref": publication.external_ref,
        "kind": publication.kind.value,
        "title": publication.title,
        "body": publication.body,
        "content_sha256": publication.content_sha256,
        "summary": publication.summary,
        "category": publication.category,
        "status": publication.status.value,
        "submitted_at": plain(publication.submitted_at),
        "review_note": publication.review_note,
        "reviewed_at": plain(publication.reviewed_at),
        "channel": publication.channel,
        "published_at": plain(publication.published_at),
        "withdrawal_reason": publication.withdrawal_reason,
    }
