"""Access keys: the first admin key of a ledger, then keys issued and revoked on the record.

A key's secret is drawn when the command is made and travels in it (never shown in its
``repr``); only its hash is recorded. The caller gets the secret back once, with the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.access_key import Role, new_secret


@dataclass(frozen=True)
class IssuedKey:
    """A new key: the secret is shown once and never stored."""

    secret: str
    outcome: Outcome


@dataclass(frozen=True, kw_only=True)
class IssueKey(Command[IssuedKey]):
    """Issue a key for ``role``; a hub, window or institution key is bound to its platform (or
    institution), a network-wide one to none."""

    role: Role
    platform_id: UUID | None
    name: str
    secret: str = field(default_factory=new_secret, repr=False)

    def result(self, outcome: Outcome) -> IssuedKey:
        return IssuedKey(secret=self.secret, outcome=outcome)


@dataclass(frozen=True, kw_only=True)
class InitialiseLedger(Command[IssuedKey]):
    """Issue the first admin key of an empty ledger: exactly once, even if raced."""

    secret: str = field(default_factory=new_secret, repr=False)


@dataclass(frozen=True, kw_only=True)
class RevokeKey(Command[Outcome]):
    """Revoke a key: it stops working at once."""

    key_id: UUID
    reason: str
