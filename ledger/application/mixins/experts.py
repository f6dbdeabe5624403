"""The expert pool (Art. 6.7): experts registered and deactivated by the hub."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.onboarding import expert_view
from ledger.application.store import LedgerCore
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import ExpertExistsError, ExpertNotFoundError
from ledger.domain.expert import Expert


class ExpertCommands(LedgerCore):
    def register_expert(
        self,
        *,
        external_ref: str,
        name: str,
        fields: list[str],
        organisation: str,
        title: str,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def decide(_: Expert | None) -> Expert:
            return Expert.register(
                external_ref=external_ref,
                name=name,
                fields=fields,
                organisation=organisation,
                title=title,
                meta=meta,
            )

        return self.uow.run(
            Write(
                stream_id=ids.expert_id(external_ref),
                aggregate_type=Expert,
                decide=decide,
                resource_type="expert",
                render=expert_view,
                not_found=ExpertNotFoundError,
                exists=ExpertExistsError,
            ),
            meta,
            idempotency,
        )

    def deactivate_expert(
        self,
        expert_id: UUID,
        *,
        reason: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def decide(expert: Expert | None) -> Expert:
            if expert is None:
                raise ExpertNotFoundError(f"No expert with id {expert_id}.", id=str(expert_id))
            expert.deactivate(reason=reason, meta=meta)
            return expert

        return self.uow.run(
            Write(
                stream_id=expert_id,
                aggregate_type=Expert,
                decide=decide,
                resource_type="expert",
                render=expert_view,
                not_found=ExpertNotFoundError,
                expected_version=expected_version,
            ),
            meta,
            idempotency,
        )

    def get_expert(self, expert_id: UUID, version: int | None = None) -> Expert:
        return self.load(expert_id, Expert, ExpertNotFoundError, "expert", version)

    def list_experts(self) -> list[Expert]:
        """Every expert ever registered, in registration order (found through the log)."""
        topic = get_topic(Expert.Registered)
        return [self.get_expert(cast(UUID, n.originator_id)) for n in self.scan([topic])]
