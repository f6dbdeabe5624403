"""Access keys: issued and revoked on the record; only their hashes are kept.

The first admin key is recorded with the ledger's genesis marker in one save of its own, outside
the unit of work: the marker's fixed id makes a racing second initialisation fail as a whole, so
only one first key is ever shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from eventsourcing.persistence import IntegrityError, Recording

from ledger.application.capability import Capability, View, acts, creates, handles
from ledger.application.commands.access_keys import InitialiseLedger, IssuedKey, IssueKey, RevokeKey
from ledger.application.context import RequestContext
from ledger.application.interface import access_key_view
from ledger.application.lookups import Lookups
from ledger.application.ports import Clock
from ledger.application.writes import Outcome
from ledger.domain.access_key import AccessKey, Genesis, Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AccessKeyExistsError,
    AccessKeyNotFoundError,
    KeyPlatformMismatchError,
    LedgerInitialisedError,
)
from ledger.domain.time import recording

Save = Callable[..., list[Recording[UUID]]]
"""Saves aggregates together, in one transaction (the ledger's own ``save``)."""


class AccessKeys(Capability[AccessKey]):
    aggregate = AccessKey
    resource_type = "access_key"
    label = "access key"
    not_found = AccessKeyNotFoundError
    target = "key_id"

    def __init__(self, lookups: Lookups, clock: Clock, save: Save) -> None:
        self.lookups = lookups
        self.clock = clock
        self.save = save

    def view(self, aggregate: AccessKey, on: date) -> View:
        return access_key_view(aggregate)

    @creates(IssueKey, exists=AccessKeyExistsError)
    def issue_key(self, command: IssueKey, meta: Envelope) -> AccessKey:
        if command.platform_id is not None:
            self._check_binding(command.role, command.platform_id)
        return AccessKey.issue(
            secret=command.secret,
            role=command.role,
            platform_id=command.platform_id,
            name=command.name,
            meta=meta,
        )

    @acts(RevokeKey)
    def revoke_key(self, key: AccessKey, command: RevokeKey, meta: Envelope) -> None:
        key.revoke(command.reason, meta)

    @handles(InitialiseLedger)
    def initialise(self, command: InitialiseLedger, context: RequestContext) -> IssuedKey:
        now = self.clock()
        meta = context.envelope(command.occurred_at or now)
        with recording(now):  # saved here, not by the unit of work: the first write of all
            key = AccessKey.issue(
                secret=command.secret,
                role=Role.ADMIN,
                platform_id=None,
                name="first admin",
                meta=meta,
            )
            genesis = Genesis.initialise(key.id, meta)
        body = access_key_view(key)
        try:
            recordings = self.save(genesis, key)
        except IntegrityError:
            raise LedgerInitialisedError("This ledger already has its first admin key.") from None
        outcome = Outcome(
            resource_type=self.resource_type,
            resource_id=key.id,
            version=key.version,
            body=body,
            position=recordings[-1].notification.id,
            created=True,
        )
        return IssuedKey(secret=command.secret, outcome=outcome)

    def _check_binding(self, role: Role, subject_id: UUID) -> None:
        """A hub or window key binds to a platform of its kind; an institution key to an
        institution."""
        if role is Role.INSTITUTION:
            self.lookups.institution(subject_id)
            return
        platform = self.lookups.platform(subject_id)
        if platform.kind.value != role.value:
            raise KeyPlatformMismatchError(
                f"A {role.value} key is bound to a {role.value} platform; "
                f"{subject_id} is a {platform.kind.value} platform."
            )
