"""Publications with content review (信息发布审核, Art. 6.2).

The hub keeps a content review mechanism so that what the network publishes is lawful and
compliant (建立信息发布内容审核机制，确保发布信息合法、合规):

    submitted ──hub approves──▶ approved ──submitter publishes──▶ published
        │ hub rejects (reasons)                                      │
        ▼                                                            ▼
    rejected (terminal)                 withdrawn (terminal, with a reason; from submitted,
                                        approved or published)

- A window, or the hub itself, submits; the submitting platform is the acting one (from its
  key), with the platform's own reference (``external_ref``) deriving the stream id, so a
  retried submission never creates a second publication.
- The content is the text itself (``body``) or, for a document kept elsewhere, its SHA-256
  (``content_sha256``) with a ``summary``; at least one of ``body`` and ``content_sha256``.
- The hub reviews: approve (with a note) or reject (with reasons). The key that submitted may
  not review its own submission, even a hub key for the hub's own publication: review means a
  second pair of eyes. Rejection is final: a revised text is a new submission, so every text
  that was ever reviewed keeps its own decision.
- The submitting platform publishes what was approved, on its own channel and when it chooses.
- The submitter, or the hub (which is responsible for what the network publishes), withdraws.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    NotPublicationOwnerError,
    PublicationContentMissingError,
    PublicationStepOutOfOrderError,
    SelfReviewError,
)
from ledger.domain.submission import check_not_before_submission, require_reasons
from ledger.domain.values import parse_category, parse_sha256


class PublicationKind(StrEnum):
    POLICY = "policy"
    NEWS = "news"
    NOTICE = "notice"
    SERVICE = "service"


class PublicationStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


WITHDRAWABLE = frozenset(
    {PublicationStatus.SUBMITTED, PublicationStatus.APPROVED, PublicationStatus.PUBLISHED}
)


class Publication(LedgerAggregate):
    """One item of information a platform of the network wants to publish."""

    class Submitted(LedgerAggregate.Created):
        platform_id: UUID
        external_ref: str
        kind: str
        title: str
        body: str
        content_sha256: str | None
        summary: str
        category: str | None

        def apply(self, aggregate: Publication) -> None:
            aggregate.platform_id = self.platform_id
            aggregate.external_ref = self.external_ref
            aggregate.kind = PublicationKind(self.kind)
            aggregate.title = self.title
            aggregate.body = self.body
            aggregate.content_sha256 = self.content_sha256
            aggregate.summary = self.summary
            aggregate.category = self.category
            aggregate.submitted_by = self.meta.actor
            aggregate.submitted_at = self.meta.occurred_at

    class Approved(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: Publication) -> None:
            aggregate.review_note = self.note
            aggregate.reviewed_at = self.meta.occurred_at
            aggregate.status = PublicationStatus.APPROVED

    class Rejected(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: Publication) -> None:
            aggregate.review_note = self.reasons
            aggregate.reviewed_at = self.meta.occurred_at
            aggregate.status = PublicationStatus.REJECTED

    class Published(LedgerAggregate.Event):
        channel: str

        def apply(self, aggregate: Publication) -> None:
            aggregate.channel = self.channel
            aggregate.published_at = self.meta.occurred_at
            aggregate.status = PublicationStatus.PUBLISHED

    class Withdrawn(LedgerAggregate.Event):
        reason: str

        def apply(self, aggregate: Publication) -> None:
            aggregate.withdrawal_reason = self.reason
            aggregate.status = PublicationStatus.WITHDRAWN

    def __init__(self) -> None:
        self.platform_id: UUID | None = None
        self.external_ref = ""
        self.kind = PublicationKind.NEWS
        self.title = ""
        self.body = ""
        self.content_sha256: str | None = None
        self.summary = ""
        self.category: str | None = None
        self.submitted_by = ""
        self.submitted_at: datetime | None = None
        self.status = PublicationStatus.SUBMITTED
        self.review_note: str | None = None
        self.reviewed_at: datetime | None = None
        self.channel: str | None = None
        self.published_at: datetime | None = None
        self.withdrawal_reason: str | None = None

    @property
    def is_public(self) -> bool:
        return self.status is PublicationStatus.PUBLISHED

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def submit(
        cls,
        *,
        platform_id: UUID,
        external_ref: str,
        kind: PublicationKind,
        title: str,
        body: str,
        content_sha256: str | None,
        summary: str,
        category: str | None,
        meta: Envelope,
    ) -> Publication:
        if meta.platform_id != platform_id:
            raise NotPublicationOwnerError("A platform submits publications only for itself.")
        text = body.strip()
        if not text and content_sha256 is None:
            raise PublicationContentMissingError(
                "A publication has content: send its text in `body`, or the SHA-256 of the "
                "document in `content_sha256` with a `summary`."
            )
        return cls._create(
            cls.Submitted,
            id=ids.publication_id(platform_id, external_ref),
            platform_id=platform_id,
            external_ref=external_ref,
            kind=kind.value,
            title=title.strip(),
            body=text,
            content_sha256=None if content_sha256 is None else parse_sha256(content_sha256),
            summary=summary.strip(),
            category=None if category is None else parse_category(category),
            meta=meta,
        )

    def approve(self, *, note: str, meta: Envelope) -> None:
        self._check_review(meta)
        self.trigger_event(self.Approved, note=note.strip(), meta=meta)

    def reject(self, *, reasons: str, meta: Envelope) -> None:
        self._check_review(meta)
        self.trigger_event(
            self.Rejected, reasons=require_reasons(reasons, "A rejection"), meta=meta
        )

    def publish(self, *, channel: str, meta: Envelope) -> None:
        """The submitting platform publishes the approved text (``channel``: where)."""
        self._check_step({PublicationStatus.APPROVED}, "published", meta)
        if meta.platform_id != self.platform_id:
            raise NotPublicationOwnerError(
                "An approved publication is published by the platform that submitted it."
            )
        self.trigger_event(self.Published, channel=channel.strip(), meta=meta)

    def withdraw(self, *, reason: str, meta: Envelope) -> None:
        self._check_step(set(WITHDRAWABLE), "withdrawn", meta)
        self.trigger_event(
            self.Withdrawn, reason=require_reasons(reason, "A withdrawal"), meta=meta
        )

    # --- rules shared by the commands -----------------------------------------------------

    def _check_review(self, meta: Envelope) -> None:
        self._check_step({PublicationStatus.SUBMITTED}, "reviewed", meta)
        if meta.actor == self.submitted_by:
            raise SelfReviewError(
                "The key that submitted a publication cannot review it; another hub key must."
            )

    def _check_step(self, allowed: set[PublicationStatus], action: str, meta: Envelope) -> None:
        if self.status not in allowed:
            raise PublicationStepOutOfOrderError(
                f"A publication that is {self.status} cannot be {action}.",
                status=self.status.value,
            )
        check_not_before_submission(meta, self.submitted_at)
