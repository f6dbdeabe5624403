"""Access keys: issued and revoked on the record; only their hashes are kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError
from eventsourcing.utils import get_topic

from ledger.application import interface
from ledger.application.mixins.platforms import PlatformCommands
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.access_key import AccessKey, Genesis, Role, hash_secret, new_secret
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AccessKeyExistsError,
    AccessKeyNotFoundError,
    InstitutionNotFoundError,
    KeyPlatformMismatchError,
    LedgerInitialisedError,
)
from ledger.domain.institution import Institution
from ledger.domain.standing import StandingAggregate


@dataclass(frozen=True)
class IssuedKey:
    """A new key: the secret is shown once and never stored."""

    secret: str
    outcome: Outcome


class AccessKeyCommands(PlatformCommands):
    def issue_key(
        self, *, role: Role, platform_id: UUID | None, name: str, meta: Envelope
    ) -> IssuedKey:
        if platform_id is not None:
            self._check_binding(role, platform_id)
        secret = new_secret()

        def decide(_: AccessKey | None) -> AccessKey:
            return AccessKey.issue(
                secret=secret, role=role, platform_id=platform_id, name=name, meta=meta
            )

        outcome = self.uow.run(
            Write(
                stream_id=ids.access_key_id(hash_secret(secret)),
                aggregate_type=AccessKey,
                decide=decide,
                resource_type="access_key",
                render=interface.access_key_view,
                not_found=AccessKeyNotFoundError,
                exists=AccessKeyExistsError,
            ),
            meta,
        )
        return IssuedKey(secret=secret, outcome=outcome)

    def initialise(self, meta: Envelope) -> IssuedKey:
        """Issue the first admin key of an empty ledger, exactly once even if raced."""
        secret = new_secret()
        key = AccessKey.issue(
            secret=secret, role=Role.ADMIN, platform_id=None, name="first admin", meta=meta
        )
        genesis = Genesis.initialise(key.id, meta)
        body = interface.access_key_view(key)
        # Two aggregates in one save, outside the unit of work: the genesis marker's fixed id
        # makes a racing second initialisation fail as a whole, so only one key is ever shown.
        try:
            recordings = self.save(genesis, key)
        except IntegrityError:
            raise LedgerInitialisedError("This ledger already has its first admin key.") from None
        outcome = Outcome(
            resource_type="access_key",
            resource_id=key.id,
            version=key.version,
            body=body,
            position=recordings[-1].notification.id,
            created=True,
        )
        return IssuedKey(secret=secret, outcome=outcome)

    def is_initialised(self) -> bool:
        return ids.GENESIS_ID in self.repository

    def revoke_key(self, key_id: UUID, reason: str, meta: Envelope) -> Outcome:
        def decide(key: AccessKey | None) -> AccessKey:
            if key is None:
                raise AccessKeyNotFoundError(f"No access key with id {key_id}.")
            key.revoke(reason, meta)
            return key

        return self.uow.run(
            Write(
                stream_id=key_id,
                aggregate_type=AccessKey,
                decide=decide,
                resource_type="access_key",
                render=interface.access_key_view,
                not_found=AccessKeyNotFoundError,
            ),
            meta,
        )

    def authenticate(self, secret: str) -> AccessKey | None:
        """The live key for ``secret``; ``None`` if it is unknown or revoked, or if the platform
        or institution it acts for has had its qualification revoked."""
        try:
            key: LedgerAggregate = self.repository.get(ids.access_key_id(hash_secret(secret)))
        except AggregateNotFoundError:
            return None
        if not isinstance(key, AccessKey) or key.revoked:
            return None
        if key.platform_id is not None:
            subject: LedgerAggregate = self.repository.get(key.platform_id)
            if isinstance(subject, StandingAggregate) and subject.is_revoked:
                return None
        return key

    def _check_binding(self, role: Role, subject_id: UUID) -> None:
        """A hub or window key binds to a platform of its kind; an institution key to an
        institution."""
        if role is Role.INSTITUTION:
            self.load(subject_id, Institution, InstitutionNotFoundError, "institution")
            return
        platform = self.get_platform(subject_id)
        if platform.kind.value != role.value:
            raise KeyPlatformMismatchError(
                f"A {role.value} key is bound to a {role.value} platform; "
                f"{subject_id} is a {platform.kind.value} platform."
            )

    def list_keys(self) -> list[AccessKey]:
        """Every key ever issued, in issue order (found through the log, by event type)."""
        topic = get_topic(AccessKey.Issued)
        key_ids = [n.originator_id for n in self.scan(topics=[topic])]
        return [self.load(cast(UUID, k), AccessKey, AccessKeyNotFoundError, "key") for k in key_ids]
