"""Cooperating service institutions: registered by the hub, read by the network, kept in
standing by the hub (Art. 13)."""

from __future__ import annotations

from datetime import date

from ledger.application.capability import Capability, View, creates, handles
from ledger.application.commands.participants import RegisterInstitution
from ledger.application.commands.standing import ChangeInstitutionStanding
from ledger.application.context import RequestContext
from ledger.application.handlers import standing
from ledger.application.interface.participants import institution_view
from ledger.application.ports import Store
from ledger.application.uow import UnitOfWork
from ledger.application.writes import Outcome
from ledger.domain.envelope import Envelope
from ledger.domain.errors import InstitutionExistsError, InstitutionNotFoundError
from ledger.domain.institution import Institution


class Institutions(Capability[Institution]):
    aggregate = Institution
    resource_type = "institution"
    label = "institution"
    not_found = InstitutionNotFoundError
    target = "institution_id"

    def __init__(self, store: Store, uow: UnitOfWork) -> None:
        self.store = store
        self.uow = uow

    def view(self, aggregate: Institution, on: date) -> View:
        return institution_view(aggregate)

    @creates(RegisterInstitution, exists=InstitutionExistsError)
    def register(self, command: RegisterInstitution, meta: Envelope) -> Institution:
        return Institution.register(
            uscc=command.uscc,
            name=command.name,
            region=command.region,
            categories=list(command.categories),
            meta=meta,
        )

    @handles(ChangeInstitutionStanding)
    def change_standing(
        self, command: ChangeInstitutionStanding, context: RequestContext
    ) -> Outcome:
        return standing.change_standing(self, self.store, self.uow, command, context)
