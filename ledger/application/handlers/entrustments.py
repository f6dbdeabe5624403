"""The hub's entrustment of its operating institution: made, accepted, appraised, renewed and
terminated by the hub (Art. 6.1, 12, 13); read by the hub, the bureau and auditors.

The operator holds no key: the hub records its acceptance with the digest of the document it
signed. The operator's appraisal is scored by experts of the pool (active, and not of the
operator's own organisation); the renewal rule is the aggregate's, so it holds however the
command arrives.
"""

from __future__ import annotations

from datetime import date

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.entrustments import (
    AcceptEntrustment,
    AppraiseOperator,
    MakeEntrustment,
    RenewEntrustment,
    TerminateEntrustment,
)
from ledger.application.context import Principal
from ledger.application.interface.entrustments import entrustment_view
from ledger.application.lookups import Lookups
from ledger.domain.access_key import Role
from ledger.domain.entrustment import Entrustment
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    EntrustmentExistsError,
    EntrustmentNotFoundError,
    ExpertConflictOfInterestError,
    ExpertInactiveError,
    WrongPlatformKindError,
)
from ledger.domain.platform import PlatformKind

READERS = frozenset({Role.HUB, Role.BUREAU, Role.AUDITOR})


def _plain(text: str) -> str:
    return "".join(text.split()).casefold()


class Entrustments(Capability[Entrustment]):
    aggregate = Entrustment
    resource_type = "entrustment"
    label = "entrustment"
    not_found = EntrustmentNotFoundError
    target = "entrustment_id"
    dated = True  # in force and lapsed follow from the day

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Entrustment, on: date) -> View:
        return entrustment_view(aggregate, on)

    def visible(self, aggregate: Entrustment, principal: Principal) -> bool:
        """The hub, the bureau and auditors (and an operator acting with no role, as the
        demonstration and the command line do); the routes admit no other role."""
        return principal.role is None or principal.role in READERS

    # --- commands --------------------------------------------------------------------------

    @creates(MakeEntrustment, exists=EntrustmentExistsError)
    def make(self, command: MakeEntrustment, meta: Envelope) -> Entrustment:
        acting = meta.platform_id
        if acting is None or self.lookups.platform(acting).kind is not PlatformKind.HUB:
            raise WrongPlatformKindError(
                "The hub entrusts the operation of its service hall and online platform "
                "(Art. 6.1); use the hub's key."
            )
        return Entrustment.make(
            hub_id=acting,
            external_ref=command.external_ref,
            operator_name=command.operator_name,
            operator_uscc=command.operator_uscc,
            scope=command.scope,
            term=command.term,
            meta=meta,
        )

    @acts(AcceptEntrustment)
    def accept(self, entrustment: Entrustment, command: AcceptEntrustment, meta: Envelope) -> None:
        entrustment.accept(document_sha256=command.document_sha256, meta=meta)

    @acts(AppraiseOperator)
    def appraise(self, entrustment: Entrustment, command: AppraiseOperator, meta: Envelope) -> None:
        for mark in command.marks:
            expert = self.lookups.expert(mark.expert_id)
            if not expert.active:
                raise ExpertInactiveError(f"Expert {mark.expert_id} is no longer in the pool.")
            if _plain(expert.organisation) == _plain(entrustment.operator_name):
                raise ExpertConflictOfInterestError(
                    f"Expert {expert.id} works for {expert.organisation}, the operator appraised; "
                    "another expert of the pool scores it.",
                    expert_id=str(expert.id),
                )
        entrustment.appraise(year=command.year, marks=command.marks, note=command.note, meta=meta)

    @acts(RenewEntrustment)
    def renew(self, entrustment: Entrustment, command: RenewEntrustment, meta: Envelope) -> None:
        entrustment.renew(
            ends_on=command.ends_on, document_sha256=command.document_sha256, meta=meta
        )

    @acts(TerminateEntrustment)
    def terminate(
        self, entrustment: Entrustment, command: TerminateEntrustment, meta: Envelope
    ) -> None:
        entrustment.terminate(reason=command.reason, effective_on=command.effective_on, meta=meta)
