"""Publications with content review (Art. 6.2): submitted, reviewed by the hub, published."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.publications import publication_view
from ledger.application.mixins.platforms import PlatformCommands
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    NotPublicationOwnerError,
    PlatformNotFoundError,
    PublicationExistsError,
    PublicationNotFoundError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.publication import Publication, PublicationKind

Step = Callable[[Publication, Platform], None]


class PublicationCommands(PlatformCommands):
    def submit_publication(
        self,
        *,
        external_ref: str,
        kind: PublicationKind,
        title: str,
        body: str,
        content_sha256: str | None,
        summary: str,
        category: str | None,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Submit a publication for review, for the acting platform (a window or the hub)."""
        platform_id = self._publication_platform_id(meta)

        def decide(_: Publication | None) -> Publication:
            self._publication_actor(meta).check_not_revoked()
            return Publication.submit(
                platform_id=platform_id,
                external_ref=external_ref,
                kind=kind,
                title=title,
                body=body,
                content_sha256=content_sha256,
                summary=summary,
                category=category,
                meta=meta,
            )

        return self.uow.run(
            Write(
                stream_id=ids.publication_id(platform_id, external_ref),
                aggregate_type=Publication,
                decide=decide,
                resource_type="publication",
                render=publication_view,
                not_found=PublicationNotFoundError,
                exists=PublicationExistsError,
            ),
            meta,
            idempotency,
        )

    def approve_publication(
        self,
        publication_id: UUID,
        *,
        note: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(publication: Publication, acting: Platform) -> None:
            _check_reviewer(acting)
            publication.approve(note=note, meta=meta)

        return self._act_on_publication(publication_id, step, meta, expected_version, idempotency)

    def reject_publication(
        self,
        publication_id: UUID,
        *,
        reasons: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(publication: Publication, acting: Platform) -> None:
            _check_reviewer(acting)
            publication.reject(reasons=reasons, meta=meta)

        return self._act_on_publication(publication_id, step, meta, expected_version, idempotency)

    def publish_publication(
        self,
        publication_id: UUID,
        *,
        channel: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def step(publication: Publication, _acting: Platform) -> None:
            publication.publish(channel=channel, meta=meta)

        return self._act_on_publication(publication_id, step, meta, expected_version, idempotency)

    def withdraw_publication(
        self,
        publication_id: UUID,
        *,
        reason: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Withdraw a publication: its submitter may, and so may the hub, for any."""

        def step(publication: Publication, acting: Platform) -> None:
            if acting.kind is not PlatformKind.HUB and publication.platform_id != acting.id:
                raise NotPublicationOwnerError(
                    "A window withdraws only its own publications; the hub withdraws any."
                )
            publication.withdraw(reason=reason, meta=meta)

        return self._act_on_publication(publication_id, step, meta, expected_version, idempotency)

    def get_publication(self, publication_id: UUID, version: int | None = None) -> Publication:
        return self.load(
            publication_id, Publication, PublicationNotFoundError, "publication", version
        )

    def list_publications(self) -> list[Publication]:
        """Every publication ever submitted, in submission order (found through the log)."""
        topic = get_topic(Publication.Submitted)
        return [self.get_publication(cast(UUID, n.originator_id)) for n in self.scan([topic])]

    # --- internals ------------------------------------------------------------------------

    def _act_on_publication(
        self,
        publication_id: UUID,
        step: Step,
        meta: Envelope,
        expected_version: int | None,
        idempotency: IdempotencyRequest | None,
    ) -> Outcome:
        acting_id = self._publication_platform_id(meta)

        def visible(publication: Publication) -> None:
            # A window sees its own publications and published ones; the rest do not exist
            # for it (found absent, never "someone else's").
            acting = self._publication_actor(meta)
            own = publication.platform_id == acting_id
            if acting.kind is PlatformKind.WINDOW and not (own or publication.is_public):
                raise PublicationNotFoundError(
                    f"No publication with id {publication_id}.", id=str(publication_id)
                )

        def decide(publication: Publication | None) -> Publication:
            if publication is None:
                raise PublicationNotFoundError(
                    f"No publication with id {publication_id}.", id=str(publication_id)
                )
            acting = self._publication_actor(meta)
            acting.check_not_revoked()
            step(publication, acting)
            return publication

        return self.uow.run(
            Write(
                stream_id=publication_id,
                aggregate_type=Publication,
                decide=decide,
                resource_type="publication",
                render=publication_view,
                not_found=PublicationNotFoundError,
                expected_version=expected_version,
                guard=visible,
            ),
            meta,
            idempotency,
        )

    def _publication_platform_id(self, meta: Envelope) -> UUID:
        if meta.platform_id is None:
            raise WrongPlatformKindError(
                "Publications are submitted and handled by a platform (a window or the hub)."
            )
        return meta.platform_id

    def _publication_actor(self, meta: Envelope) -> Platform:
        platform_id = self._publication_platform_id(meta)
        try:
            return self.get_platform(platform_id)
        except PlatformNotFoundError:
            raise WrongPlatformKindError(
                f"The acting key is bound to {platform_id}, which is not a platform; "
                "publications are handled by a window or the hub."
            ) from None


def _check_reviewer(acting: Platform) -> None:
    if acting.kind is not PlatformKind.HUB:
        raise WrongPlatformKindError("Publications are reviewed by the hub.")
