"""Orderly entry and exit (Art. 13): changing the standing of a platform or an institution."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.participants import institution_view, platform_view
from ledger.application.store import LedgerCore
from ledger.application.uow import Outcome, Write
from ledger.domain.envelope import Envelope
from ledger.domain.errors import InstitutionNotFoundError, NotFoundError, PlatformNotFoundError
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.standing import StandingAggregate

# Which kinds of participant have a standing, and how each is found and shown.
SUBJECTS: dict[str, tuple[type[StandingAggregate], type[NotFoundError], Callable[[Any], Any]]] = {
    "platform": (Platform, PlatformNotFoundError, platform_view),
    "institution": (Institution, InstitutionNotFoundError, institution_view),
}


class StandingCommands(LedgerCore):
    def change_standing(
        self,
        subject: str,
        subject_id: UUID,
        action: Callable[[StandingAggregate], None],
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Run one standing step (``action``) on the platform or institution ``subject_id``."""
        aggregate_type, not_found, view = SUBJECTS[subject]

        def decide(current: StandingAggregate | None) -> StandingAggregate:
            if current is None:
                raise not_found(f"No {subject} with id {subject_id}.", id=str(subject_id))
            action(current)
            return current

        return self.uow.run(
            Write(
                stream_id=subject_id,
                aggregate_type=aggregate_type,
                decide=decide,
                resource_type=subject,
                render=view,
                not_found=not_found,
                expected_version=expected_version,
            ),
            meta,
            idempotency,
        )
