"""Period close (关账): the hub closes an ended year or month; afterwards what happened in it is
entered only by a platform the hub allowed to (the unit of work checks every write).

Every principal that reads the network's figures sees which periods are closed.
"""

from __future__ import annotations

from datetime import date

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.periods import AllowPostCloseEntries, ClosePeriod
from ledger.application.interface.periods import period_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    PeriodAlreadyClosedError,
    PeriodNotFoundError,
    PlatformNotFoundError,
    UnknownPartyError,
    WrongPlatformKindError,
)
from ledger.domain.period import Period
from ledger.domain.platform import PlatformKind

_HUB_ONLY = "Periods are closed, and entries after the close allowed, by the hub."


class Periods(Capability[Period]):
    aggregate = Period
    resource_type = "period"
    label = "period"
    not_found = PeriodNotFoundError
    target = "period_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Period, on: date) -> View:
        return period_view(aggregate)

    # --- commands --------------------------------------------------------------------------

    @creates(ClosePeriod, exists=PeriodAlreadyClosedError)
    def close(self, command: ClosePeriod, meta: Envelope) -> Period:
        self._check_hub(meta)
        return Period.close(label=command.period, note=command.note, meta=meta)

    @acts(AllowPostCloseEntries)
    def allow(self, period: Period, command: AllowPostCloseEntries, meta: Envelope) -> None:
        self._check_hub(meta)
        if command.platform_id is not None:
            try:
                self.lookups.platform(command.platform_id)
            except PlatformNotFoundError:
                raise UnknownPartyError(
                    f"No platform with id {command.platform_id}: an allowance is for a "
                    "platform of the network (or for none: the network-wide roles).",
                    platform_id=str(command.platform_id),
                ) from None
        period.allow_entries(
            platform_id=command.platform_id,
            until=command.until,
            reason=command.reason,
            meta=meta,
        )

    def _check_hub(self, meta: Envelope) -> None:
        platform = self.lookups.platform(acting_platform(meta, _HUB_ONLY))
        if platform.kind is not PlatformKind.HUB:
            raise WrongPlatformKindError(_HUB_ONLY)
        platform.check_not_revoked()
