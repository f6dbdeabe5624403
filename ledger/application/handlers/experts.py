"""The expert pool (Art. 6.7): the hub registers experts under its own reference and deactivates
them; an expert is registered once (the stream id is derived from the reference)."""

from __future__ import annotations

from datetime import date

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.experts import DeactivateExpert, RegisterExpert
from ledger.application.interface.onboarding import expert_view
from ledger.domain.envelope import Envelope
from ledger.domain.errors import ExpertExistsError, ExpertNotFoundError
from ledger.domain.expert import Expert


class ExpertPool(Capability[Expert]):
    aggregate = Expert
    resource_type = "expert"
    label = "expert"
    not_found = ExpertNotFoundError
    target = "expert_id"

    def view(self, aggregate: Expert, on: date) -> View:
        return expert_view(aggregate)

    @creates(RegisterExpert, exists=ExpertExistsError)
    def register_expert(self, command: RegisterExpert, meta: Envelope) -> Expert:
        return Expert.register(
            external_ref=command.external_ref,
            name=command.name,
            fields=list(command.fields),
            organisation=command.organisation,
            title=command.title,
            meta=meta,
        )

    @acts(DeactivateExpert)
    def deactivate_expert(self, expert: Expert, command: DeactivateExpert, meta: Envelope) -> None:
        expert.deactivate(reason=command.reason, meta=meta)
