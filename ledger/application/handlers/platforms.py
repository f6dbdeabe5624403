"""Platforms: registered as connected by an admin (the migration path for today's network),
read by everyone in the network, kept in standing by their supervisor (Art. 13).

A window that joins through onboarding is connected by the onboarding capability; this one
registers the platforms that were connected before the ledger.
"""

from __future__ import annotations

from datetime import date

from ledger.application.capability import Capability, View, creates, handles
from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.application.commands.standing import ChangePlatformStanding
from ledger.application.context import RequestContext
from ledger.application.handlers import standing
from ledger.application.interface.participants import platform_view
from ledger.application.ports import Store
from ledger.application.uow import UnitOfWork
from ledger.application.writes import Outcome
from ledger.domain.envelope import Envelope
from ledger.domain.errors import PlatformExistsError, PlatformNotFoundError
from ledger.domain.platform import Platform


class Platforms(Capability[Platform]):
    aggregate = Platform
    resource_type = "platform"
    label = "platform"
    not_found = PlatformNotFoundError
    target = "platform_id"

    def __init__(self, store: Store, uow: UnitOfWork) -> None:
        self.store = store
        self.uow = uow

    def view(self, aggregate: Platform, on: date) -> View:
        return platform_view(aggregate)

    # The network's platforms are public (公示): everyone in it may read them.

    @creates(RegisterConnectedPlatform, exists=PlatformExistsError)
    def register(self, command: RegisterConnectedPlatform, meta: Envelope) -> Platform:
        return Platform.register_connected(
            kind=command.kind,
            name=command.name,
            uscc=command.uscc,
            region=command.region,
            meta=meta,
        )

    @handles(ChangePlatformStanding)
    def change_standing(self, command: ChangePlatformStanding, context: RequestContext) -> Outcome:
        return standing.change_standing(self, self.store, self.uow, command, context)
