"""Publications with content review (Art. 6.2): submitted by a window or the hub, reviewed by
the hub, published by the submitter, withdrawn by the submitter or the hub.

A window sees its own publications and published ones; the rest do not exist for it (found
absent, never "someone else's"). A platform whose qualification is revoked does nothing here.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.publications import (
    ApprovePublication,
    PublishPublication,
    RejectPublication,
    SubmitPublication,
    WithdrawPublication,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface.publications import publication_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    NotPublicationOwnerError,
    PlatformNotFoundError,
    PublicationExistsError,
    PublicationNotFoundError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.publication import Publication

_PLATFORMS_ONLY = "Publications are submitted and handled by a platform (a window or the hub)."


class Publications(Capability[Publication]):
    aggregate = Publication
    resource_type = "publication"
    label = "publication"
    not_found = PublicationNotFoundError
    target = "publication_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Publication, on: date) -> View:
        return publication_view(aggregate)

    def visible(self, aggregate: Publication, principal: Principal) -> bool:
        """A window sees its own publications and published ones; other readers see all."""
        if principal.role is not Role.WINDOW:
            return True
        return aggregate.platform_id == principal.platform_id or aggregate.is_public

    def guard(self, aggregate: Publication, command: object, context: RequestContext) -> None:
        platform_id = context.principal.platform_id
        if platform_id is None:
            raise WrongPlatformKindError(_PLATFORMS_ONLY)
        acting = self._actor(platform_id)
        own = aggregate.platform_id == platform_id
        if acting.kind is PlatformKind.WINDOW and not (own or aggregate.is_public):
            raise self.missing(aggregate.id)

    # --- commands --------------------------------------------------------------------------

    @creates(SubmitPublication, exists=PublicationExistsError)
    def submit(self, command: SubmitPublication, meta: Envelope) -> Publication:
        platform_id = acting_platform(meta, _PLATFORMS_ONLY)
        self._actor(platform_id).check_not_revoked()
        return Publication.submit(
            platform_id=platform_id,
            external_ref=command.external_ref,
            kind=command.kind,
            title=command.title,
            body=command.body,
            content_sha256=command.content_sha256,
            summary=command.summary,
            category=command.category,
            meta=meta,
        )

    @acts(ApprovePublication)
    def approve(
        self, publication: Publication, command: ApprovePublication, meta: Envelope
    ) -> None:
        _check_reviewer(self._acting(meta))
        publication.approve(note=command.note, meta=meta)

    @acts(RejectPublication)
    def reject(self, publication: Publication, command: RejectPublication, meta: Envelope) -> None:
        _check_reviewer(self._acting(meta))
        publication.reject(reasons=command.reasons, meta=meta)

    @acts(PublishPublication)
    def publish(
        self, publication: Publication, command: PublishPublication, meta: Envelope
    ) -> None:
        self._acting(meta)
        publication.publish(channel=command.channel, meta=meta)

    @acts(WithdrawPublication)
    def withdraw(
        self, publication: Publication, command: WithdrawPublication, meta: Envelope
    ) -> None:
        acting = self._acting(meta)
        if acting.kind is not PlatformKind.HUB and publication.platform_id != acting.id:
            raise NotPublicationOwnerError(
                "A window withdraws only its own publications; the hub withdraws any."
            )
        publication.withdraw(reason=command.reason, meta=meta)

    # --- internals -------------------------------------------------------------------------

    def _acting(self, meta: Envelope) -> Platform:
        """The platform acting on a publication, refused if its qualification is revoked."""
        acting = self._actor(acting_platform(meta, _PLATFORMS_ONLY))
        acting.check_not_revoked()
        return acting

    def _actor(self, platform_id: UUID) -> Platform:
        try:
            return self.lookups.platform(platform_id)
        except PlatformNotFoundError:
            raise WrongPlatformKindError(
                f"The acting key is bound to {platform_id}, which is not a platform; "
                "publications are handled by a window or the hub."
            ) from None


def _check_reviewer(acting: Platform) -> None:
    if acting.kind is not PlatformKind.HUB:
        raise WrongPlatformKindError("Publications are reviewed by the hub.")
