"""Cooperating service institutions: registered by the hub, read by the network."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.participants import institution_view
from ledger.application.store import LedgerCore
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import InstitutionExistsError, InstitutionNotFoundError
from ledger.domain.institution import Institution


class InstitutionCommands(LedgerCore):
    def register_institution(
        self,
        *,
        uscc: str,
        name: str,
        region: str,
        categories: list[str],
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def decide(_: Institution | None) -> Institution:
            return Institution.register(
                uscc=uscc, name=name, region=region, categories=categories, meta=meta
            )

        return self.uow.run(
            Write(
                stream_id=ids.institution_id(uscc.strip().upper()),
                aggregate_type=Institution,
                decide=decide,
                resource_type="institution",
                render=institution_view,
                not_found=InstitutionNotFoundError,
                exists=InstitutionExistsError,
            ),
            meta,
            idempotency,
        )

    def get_institution(self, institution_id: UUID, version: int | None = None) -> Institution:
        return self.load(
            institution_id, Institution, InstitutionNotFoundError, "institution", version
        )

    def list_institutions(self) -> list[Institution]:
        """Every institution, in registration order (found through the log)."""
        topic = get_topic(Institution.Registered)
        return [self.get_institution(cast(UUID, n.originator_id)) for n in self.scan([topic])]
