"""Platforms as the remaining mixins read them (registration and the standing are the platforms'
capability, ``ledger.application.handlers.platforms``)."""

from __future__ import annotations

from uuid import UUID

from ledger.application.store import LedgerCore
from ledger.domain.errors import (
    PlatformNotConnectedError,
    PlatformNotFoundError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform, PlatformKind


class PlatformCommands(LedgerCore):
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
