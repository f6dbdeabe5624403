"""The service alliance (Art. 6.8): the connected hub records who joins, leaves and returns.

Every role of the network reads the memberships: the alliance's members are no secret.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.training import JoinAlliance, LeaveAlliance, ReturnToAlliance
from ledger.application.interface.training import membership_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.domain.alliance import AllianceMembership
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AllianceMembershipExistsError,
    AllianceMembershipNotFoundError,
    RevokedError,
)
from ledger.domain.standing import StandingAggregate

_HUB_ONLY = "The hub keeps the alliance's membership."


class Alliance(Capability[AllianceMembership]):
    aggregate = AllianceMembership
    resource_type = "alliance_membership"
    label = "alliance membership"
    not_found = AllianceMembershipNotFoundError
    target = "membership_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: AllianceMembership, on: date) -> View:
        return membership_view(aggregate)

    # --- commands --------------------------------------------------------------------------

    @creates(JoinAlliance, exists=AllianceMembershipExistsError)
    def join(self, command: JoinAlliance, meta: Envelope) -> AllianceMembership:
        self.lookups.connected_hub(acting_platform(meta, _HUB_ONLY))
        kind = self.lookups.network_participant(
            command.member_id, "the alliance's members are the network's platforms and institutions"
        )
        self._not_revoked(command.member_id)
        return AllianceMembership.join(
            member_id=command.member_id,
            member_kind=kind,
            joined_on=command.joined_on,
            note=command.note,
            meta=meta,
        )

    @acts(LeaveAlliance)
    def leave(self, membership: AllianceMembership, command: LeaveAlliance, meta: Envelope) -> None:
        self.lookups.connected_hub(acting_platform(meta, _HUB_ONLY))
        membership.leave(left_on=command.left_on, reasons=command.reasons, meta=meta)

    @acts(ReturnToAlliance)
    def return_(
        self, membership: AllianceMembership, command: ReturnToAlliance, meta: Envelope
    ) -> None:
        self.lookups.connected_hub(acting_platform(meta, _HUB_ONLY))
        if membership.member_id is not None:
            self._not_revoked(membership.member_id)
        membership.return_(joined_on=command.joined_on, note=command.note, meta=meta)

    def _not_revoked(self, member_id: UUID) -> None:
        member = self.lookups.store.find(member_id)
        if isinstance(member, StandingAggregate) and member.is_revoked:
            raise RevokedError(
                f"{member_id} has had its qualification revoked; it cannot be an alliance member.",
                id=str(member_id),
            )
