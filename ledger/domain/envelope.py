"""The metadata envelope every event carries.

Record time is the event's own ``timestamp`` (set when the event is created); the envelope adds
who acted, for which platform, under which request, and when the thing happened in the world.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True)
class Envelope:
    """Who did what for whom, and when it happened in the world."""

    actor: str
    """The principal that issued the command (e.g. ``key:<uuid>``, ``system:bootstrap``)."""
    platform_id: UUID | None
    """The platform the actor acted for; ``None`` for network-wide roles."""
    correlation_id: str
    """Ties together everything one request (or one job) caused."""
    causation_id: str | None
    """The message that directly caused this event (a request id, or an event id for policies)."""
    occurred_at: datetime
    """Business time: when it happened in the world (timezone-aware)."""
    late_entry: bool = False
    """Recorded longer after ``occurred_at`` than the ledger's tolerance: set by the ledger when
    it records the event, never by the caller (see ``ledger.domain.time``)."""
    post_close: bool = False
    """Entered for a period the hub had closed, under the hub's approval: set by the ledger
    when it records the event (see ``ledger.domain.period``)."""

    def at(self, occurred_at: datetime) -> Envelope:
        """The same envelope with another business time."""
        return replace(self, occurred_at=occurred_at)

    def as_dict(self) -> dict[str, object]:
        shown: dict[str, object] = {
            "actor": self.actor,
            "platform_id": self.platform_id,
            "correlation_id": self.correlation_id,
            "causation_id": self.causation_id,
            "occurred_at": self.occurred_at,
        }
        # Only the flagged entries say so: the envelope of any other is unchanged.
        if self.late_entry:
            shown["late_entry"] = True
        if self.post_close:
            shown["post_close"] = True
        return shown
