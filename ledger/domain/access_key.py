"""API access keys. Issuing and revoking a key is itself part of the record.

Only the SHA-256 of a key is stored: keys are 256-bit random secrets, so a fast hash is enough
(there is nothing to brute-force), and the stream id is derived from the hash so a presented key
is found with one primary-key read.
"""

from __future__ import annotations

import hashlib
import secrets
from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import KeyAlreadyRevokedError, KeyPlatformMismatchError

KEY_PREFIX = "sml_"


class Role(StrEnum):
    ADMIN = "admin"
    HUB = "hub"
    BUREAU = "bureau"
    WINDOW = "window"
    INSTITUTION = "institution"
    AUDITOR = "auditor"


# Roles that act for one platform (or institution) and must be bound to it.
PLATFORM_BOUND_ROLES = frozenset({Role.HUB, Role.WINDOW, Role.INSTITUTION})


def new_secret() -> str:
    """A fresh key as shown to its holder once."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class AccessKey(LedgerAggregate):
    class Issued(LedgerAggregate.Created):
        role: str
        platform_id: UUID | None
        name: str
        secret_hash: str
        hint: str

        def apply(self, aggregate: AccessKey) -> None:
            aggregate.role = Role(self.role)
            aggregate.platform_id = self.platform_id
            aggregate.name = self.name
            aggregate.secret_hash = self.secret_hash
            aggregate.hint = self.hint
            aggregate.issued_at = self.timestamp.isoformat()

    class Revoked(LedgerAggregate.Event):
        reason: str

        def apply(self, aggregate: AccessKey) -> None:
            aggregate.revoked = True
            aggregate.revocation_reason = self.reason

    def __init__(self) -> None:
        self.role = Role.AUDITOR
        self.platform_id: UUID | None = None
        self.name = ""
        self.secret_hash = ""
        self.hint = ""
        self.issued_at = ""
        self.revoked = False
        self.revocation_reason = ""

    @classmethod
    def issue(
        cls, *, secret: str, role: Role, platform_id: UUID | None, name: str, meta: Envelope
    ) -> AccessKey:
        if role in PLATFORM_BOUND_ROLES and platform_id is None:
            raise KeyPlatformMismatchError(
                f"A {role} key acts for one platform: give its id (platform_id; --platform on the "
                "command line)."
            )
        if role not in PLATFORM_BOUND_ROLES and platform_id is not None:
            raise KeyPlatformMismatchError(
                f"A {role} key acts for the whole network and takes no platform."
            )
        secret_hash = hash_secret(secret)
        return cls._create(
            cls.Issued,
            id=ids.access_key_id(secret_hash),
            role=role.value,
            platform_id=platform_id,
            name=name,
            secret_hash=secret_hash,
            # Enough of the key to recognise it in a list, not enough to use it.
            hint=secret[: len(KEY_PREFIX) + 4] + "…",
            meta=meta,
        )

    def revoke(self, reason: str, meta: Envelope) -> None:
        if self.revoked:
            raise KeyAlreadyRevokedError("This key is already revoked.")
        self.trigger_event(self.Revoked, reason=reason, meta=meta)


class Genesis(LedgerAggregate):
    """The first event of a ledger: recorded with its first admin key, exactly once."""

    class Initialised(LedgerAggregate.Created):
        first_admin_key_id: UUID

        def apply(self, aggregate: Genesis) -> None:
            aggregate.first_admin_key_id = self.first_admin_key_id

    def __init__(self) -> None:
        self.first_admin_key_id: UUID | None = None

    @classmethod
    def initialise(cls, first_admin_key_id: UUID, meta: Envelope) -> Genesis:
        return cls._create(
            cls.Initialised, id=ids.GENESIS_ID, first_admin_key_id=first_admin_key_id, meta=meta
        )
