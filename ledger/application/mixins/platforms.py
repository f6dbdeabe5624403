"""Platforms: registration, lookup, and the check that a window may record."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.participants import platform_view
from ledger.application.store import LedgerCore
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    PlatformExistsError,
    PlatformNotConnectedError,
    PlatformNotFoundError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform, PlatformKind


class PlatformCommands(LedgerCore):
    def register_connected_platform(
        self,
        *,
        kind: PlatformKind,
        name: str,
        uscc: str,
        region: str,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def decide(_: Platform | None) -> Platform:
            return Platform.register_connected(
                kind=kind, name=name, uscc=uscc, region=region, meta=meta
            )

        return self.uow.run(
            Write(
                stream_id=ids.platform_id(uscc),
                aggregate_type=Platform,
                decide=decide,
                resource_type="platform",
                render=platform_view,
                not_found=PlatformNotFoundError,
                exists=PlatformExistsError,
            ),
            meta,
            idempotency,
        )

    def get_platform(self, platform_id: UUID, version: int | None = None) -> Platform:
        return self.load(platform_id, Platform, PlatformNotFoundError, "platform", version)

    def connected_window(self, platform_id: UUID) -> Platform:
        """The window platform that is acting, refused unless it is connected."""
        platform = self.get_platform(platform_id)
        if platform.kind is not PlatformKind.WINDOW:
            raise WrongPlatformKindError(
                f"Platform {platform_id} is a {platform.kind} platform; only windows record cases."
            )
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Platform {platform_id} is {platform.status}; only connected platforms record "
                "services."
            )
        return platform

    def list_platforms(self) -> list[Platform]:
        """Every platform, in the order it entered the network (found through the log)."""
        topics = [
            get_topic(Platform.RegisteredAsConnected),
            get_topic(Platform.ConnectedAfterOnboarding),
        ]
        return [self.get_platform(cast(UUID, n.originator_id)) for n in self.scan(topics)]
