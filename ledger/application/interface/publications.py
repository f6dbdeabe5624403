"""Views of publications under content review."""

from __future__ import annotations

from ledger.application.interface import JSON, common, plain
from ledger.domain.publication import Publication


def publication_view(publication: Publication) -> JSON:
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
