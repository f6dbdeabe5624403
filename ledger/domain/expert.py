"""The expert pool (专家库, Art. 6.7): experts the hub gathers to review and appraise.

The hub registers each expert under its own pool reference (``external_ref``, e.g. the number
on the expert's record in the hub's files). The stream id is derived from that reference, so
registering the same expert twice fails atomically instead of creating a second record, and a
retried registration is recognised.

An expert may be deactivated (left the pool, conflict of interest, no longer available). A
deactivated expert keeps the reviews already recorded but cannot be given new ones.
Deactivation is final for that record: an expert who returns is registered again under a new
reference, so the record of who was in the pool when stays unambiguous.

An expert's name is personal information (PIPL). The pool records only what reviews need to be
traceable: name, fields, organisation and title; no contact details.
"""

from __future__ import annotations

from datetime import datetime

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import ExpertAlreadyDeactivatedError
from ledger.domain.submission import parse_categories, require_reasons


class Expert(LedgerAggregate):
    """One expert of the pool, registered by the hub."""

    class Registered(LedgerAggregate.Created):
        external_ref: str
        name: str
        fields: list[str]
        organisation: str
        title: str

        def apply(self, aggregate: Expert) -> None:
            aggregate.external_ref = self.external_ref
            aggregate.name = self.name
            aggregate.fields = list(self.fields)
            aggregate.organisation = self.organisation
            aggregate.title = self.title
            aggregate.registered_at = self.meta.occurred_at

    class Deactivated(LedgerAggregate.Event):
        reason: str

        def apply(self, aggregate: Expert) -> None:
            aggregate.active = False
            aggregate.deactivation_reason = self.reason

    def __init__(self) -> None:
        self.external_ref = ""
        self.name = ""
        self.fields: list[str] = []
        self.organisation = ""
        self.title = ""
        self.registered_at: datetime | None = None
        self.active = True
        self.deactivation_reason: str | None = None

    @classmethod
    def register(
        cls,
        *,
        external_ref: str,
        name: str,
        fields: list[str],
        organisation: str,
        title: str,
        meta: Envelope,
    ) -> Expert:
        """Register an expert; ``fields`` are the service categories of their expertise."""
        return cls._create(
            cls.Registered,
            id=ids.expert_id(external_ref),
            external_ref=external_ref,
            name=name.strip(),
            fields=parse_categories(fields, "An expert is registered with"),
            organisation=organisation.strip(),
            title=title.strip(),
            meta=meta,
        )

    def deactivate(self, *, reason: str, meta: Envelope) -> None:
        if not self.active:
            raise ExpertAlreadyDeactivatedError(
                f"Expert {self.id} is already deactivated; register them again under a new "
                "reference if they return to the pool."
            )
        self.trigger_event(
            self.Deactivated,
            reason=require_reasons(reason, "Deactivating an expert"),
            meta=meta,
        )
