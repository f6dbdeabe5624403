"""Platforms of the network: one hub, many windows."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.envelope import Envelope
from ledger.values import parse_region, parse_uscc


class PlatformKind(StrEnum):
    HUB = "hub"
    WINDOW = "window"


class PlatformStatus(StrEnum):
    CONNECTED = "connected"


class Platform(LedgerAggregate):
    """A hub or window platform.

    For now platforms enter the ledger already connected: the path used when today's network is
    migrated in. The onboarding lifecycle (application, review, approval, notice) adds events
    before ``Connected`` without changing this one.
    """

    class RegisteredAsConnected(LedgerAggregate.Created):
        kind: str
        name: str
        uscc: str
        region: str

        def apply(self, aggregate: Platform) -> None:
            aggregate.kind = PlatformKind(self.kind)
            aggregate.name = self.name
            aggregate.uscc = self.uscc
            aggregate.region = self.region
            aggregate.status = PlatformStatus.CONNECTED

    def __init__(self) -> None:
        self.kind = PlatformKind.WINDOW
        self.name = ""
        self.uscc = ""
        self.region = ""
        self.status = PlatformStatus.CONNECTED

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

    @property
    def is_connected(self) -> bool:
        return self.status is PlatformStatus.CONNECTED

    @property
    def platform_id(self) -> UUID:
        return self.id
