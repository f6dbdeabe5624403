"""Period close (关账): the hub closes an ended year or month, and allows a platform to enter
what happened in it afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome


@dataclass(frozen=True, kw_only=True)
class ClosePeriod(Command[Outcome]):
    """Close a year (``2025``) or a month (``2025-11``) that has ended (the hub; final)."""

    period: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class AllowPostCloseEntries(Command[Outcome]):
    """Allow a platform (``None``: the network-wide roles) to enter what happened in a closed
    period, until a day, for a reason (the hub)."""

    period_id: UUID
    platform_id: UUID | None
    until: date
    reason: str
