"""Who asks, under which request: the context every command is handled in.

A route (or the command line, or the demonstration seed) builds one :class:`RequestContext` per
request and passes it whole with the command; the ledger takes the actor, the platform acted
for and the correlation of every event from it, and the conditions of the write (``If-Match``,
``Idempotency-Key``) too. Nothing of a context comes from a request body.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope


@dataclass(frozen=True)
class Principal:
    """Who is acting: an access key (its role and, for platform roles, its platform), or an
    operator or job of the ledger's own (no key, no role: the command line, the demo seed)."""

    actor: str
    """As recorded on every event: ``key:<uuid>``, ``cli:<user>``, ``system:…``."""
    role: Role | None = None
    platform_id: UUID | None = None
    """The platform (or institution) a key is bound to; ``None`` for network-wide roles."""
    name: str = ""
    key_id: UUID | None = None

    @classmethod
    def of_key(cls, key_id: UUID, role: Role, platform_id: UUID | None, name: str) -> Principal:
        return cls(f"key:{key_id}", role, platform_id, name, key_id)

    @property
    def authority(self) -> frozenset[UUID]:
        """The streams whose revocation takes this principal's right to write away: its key and
        the platform (or institution) it acts for."""
        return frozenset(s for s in (self.key_id, self.platform_id) if s is not None)

    @property
    def role_name(self) -> str:
        """The role as errors name it (an operator acts with no role)."""
        return self.role.value if self.role is not None else "operator"

    def envelope(self, request_id: str, occurred_at: datetime) -> Envelope:
        """The metadata of an event this principal causes in request ``request_id``."""
        return Envelope(
            actor=self.actor,
            platform_id=self.platform_id,
            correlation_id=request_id,
            causation_id=request_id,
            occurred_at=occurred_at,
        )


@dataclass(frozen=True)
class IdempotencyRequest:
    """An ``Idempotency-Key`` and the request it came with."""

    scope: str
    key: str
    fingerprint: str

    @staticmethod
    def fingerprint_of(method: str, route: str, body: bytes) -> str:
        return hashlib.sha256(b"\n".join([method.encode(), route.encode(), body])).hexdigest()

    def part(self, name: str) -> IdempotencyRequest:
        """The key of one write of a request that makes many (a batch import's record ``name``),
        under which that write's answer is kept. A line break cannot be in a header, so no key
        a client sends names a part."""
        return IdempotencyRequest(self.scope, f"{self.key}\n{name}", self.fingerprint)


@dataclass(frozen=True)
class RequestContext:
    """One request: who, which request, and the conditions of its write."""

    principal: Principal
    request_id: str
    expected_version: int | None = None
    """``If-Match``: the command applies only to this version of its aggregate."""
    idempotency: IdempotencyRequest | None = None
    """``Idempotency-Key``: a retry of the same request returns the first answer."""

    def envelope(self, occurred_at: datetime) -> Envelope:
        """The metadata of an event this request causes, at business time ``occurred_at``."""
        return self.principal.envelope(self.request_id, occurred_at)
