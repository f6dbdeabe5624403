"""Platforms of the network: one hub, many windows."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import OccurredBeforeConnectionError
from ledger.domain.standing import StandingAggregate
from ledger.domain.values import parse_category, parse_region, parse_uscc


class PlatformKind(StrEnum):
    HUB = "hub"
    WINDOW = "window"


class PlatformStatus(StrEnum):
    CONNECTED = "connected"
    REVOKED = "revoked"


class Platform(StandingAggregate):
    """A hub or window platform, connected to the network.

    A platform enters the ledger connected, by one of two paths: registered as already connected
    (migrating today's network in), or connected at the end of the onboarding procedure
    (``ledger.domain.onboarding``), which records the application it came from. Its standing
    (Art. 13) is kept by :class:`StandingAggregate`; once revoked it can no longer act.
    """

    class RegisteredAsConnected(StandingAggregate.Created):
        kind: str
        name: str
        uscc: str
        region: str

        def apply(self, aggregate: Platform) -> None:
            aggregate.kind = PlatformKind(self.kind)
            aggregate.name = self.name
            aggregate.uscc = self.uscc
            aggregate.region = self.region
            aggregate.connected_at = self.meta.occurred_at

    class ConnectedAfterOnboarding(StandingAggregate.Created):
        application_id: UUID
        name: str
        uscc: str
        region: str
        categories: list[str]

        def apply(self, aggregate: Platform) -> None:
            aggregate.kind = PlatformKind.WINDOW
            aggregate.name = self.name
            aggregate.uscc = self.uscc
            aggregate.region = self.region
            aggregate.categories = list(self.categories)
            aggregate.application_id = self.application_id
            aggregate.connected_at = self.meta.occurred_at

    connected_at: datetime | None = None
    """When it entered the network (business time); unknown in snapshots older than it."""

    def __init__(self) -> None:
        super().__init__()
        self.kind = PlatformKind.WINDOW
        self.name = ""
        self.uscc = ""
        self.region = ""
        self.categories: list[str] = []
        self.application_id: UUID | None = None

    def check_connected_by(self, occurred_at: datetime) -> None:
        """Nothing is recorded for a platform as having happened before it was connected."""
        if self.connected_at is not None and occurred_at < self.connected_at:
            raise OccurredBeforeConnectionError(
                f"occurred_at {occurred_at.isoformat()} is before platform {self.id} was "
                f"connected ({self.connected_at.isoformat()}).",
                connected_at=self.connected_at.isoformat(),
            )

    @classmethod
    def register_connected(
        cls, *, kind: PlatformKind, name: str, uscc: str, region: str, meta: Envelope
    ) -> Platform:
        code = parse_uscc(uscc)
        return cls._create(
            cls.RegisteredAsConnected,
            id=ids.platform_id(code),
            kind=kind.value,
            name=name.strip(),
            uscc=code,
            region=parse_region(region),
            meta=meta,
        )

    @classmethod
    def connect_after_onboarding(
        cls,
        *,
        application_id: UUID,
        name: str,
        uscc: str,
        region: str,
        categories: list[str],
        meta: Envelope,
    ) -> Platform:
        """A window platform whose application went through review, approval and notice."""
        code = parse_uscc(uscc)
        return cls._create(
            cls.ConnectedAfterOnboarding,
            id=ids.platform_id(code),
            application_id=application_id,
            name=name.strip(),
            uscc=code,
            region=parse_region(region),
            categories=sorted({parse_category(c) for c in categories}),
            meta=meta,
        )

    @property
    def priority_support_is_proposed(self) -> bool:
        """A window's priority support is the bureau's on the hub's proposal; the hub's own is
        the bureau's directly."""
        return self.kind is not PlatformKind.HUB

    @property
    def status(self) -> PlatformStatus:
        return PlatformStatus.REVOKED if self.is_revoked else PlatformStatus.CONNECTED

    @property
    def is_connected(self) -> bool:
        return self.status is PlatformStatus.CONNECTED

    @property
    def platform_id(self) -> UUID:
        return self.id
