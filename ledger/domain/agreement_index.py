"""The index of the agreements between one pair of parties (see :class:`AgreementIndex`)."""

from __future__ import annotations

from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope


class AgreementIndex(LedgerAggregate):
    """The agreements between one pair of parties, so that a rule can find them in one read.

    Assigning a service case to an institution needs the agreements between the case's window
    and that institution on every delivery; scanning the log for them would grow with the
    network. The index is saved in the same transaction as each proposal, so it is never behind
    the agreements it lists. Its stream id is derived from the two party ids (in either order).
    """

    class Opened(LedgerAggregate.Created):
        party_ids: list[UUID]

        def apply(self, aggregate: AgreementIndex) -> None:
            aggregate.party_ids = list(self.party_ids)

    class AgreementAdded(LedgerAggregate.Event):
        agreement_id: UUID

        def apply(self, aggregate: AgreementIndex) -> None:
            aggregate.agreement_ids.append(self.agreement_id)

    def __init__(self) -> None:
        self.party_ids: list[UUID] = []
        self.agreement_ids: list[UUID] = []

    @classmethod
    def open(cls, first: UUID, second: UUID, meta: Envelope) -> AgreementIndex:
        return cls._create(
            cls.Opened,
            id=ids.agreement_index_id(first, second),
            party_ids=sorted((first, second)),
            meta=meta,
        )

    def add(self, agreement_id: UUID, meta: Envelope) -> None:
        if agreement_id in self.agreement_ids:
            return
        self.trigger_event(self.AgreementAdded, agreement_id=agreement_id, meta=meta)
