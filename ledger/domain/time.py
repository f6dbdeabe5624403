"""The network's time zone and the business date of an event.

Record time is UTC (the event's ``timestamp``); the Measures count days in Ningxia, so every
date a rule compares (a delivery day, a due date, a notice period) is the China Standard Time
date of the business time.
"""

from __future__ import annotations

from datetime import date, timedelta, timezone

from ledger.domain.envelope import Envelope

CST = timezone(timedelta(hours=8), "CST")
"""China Standard Time (UTC+8, no daylight saving): Ningxia's civil time."""


def business_date(meta: Envelope) -> date:
    """The day in Ningxia on which the thing happened."""
    return meta.occurred_at.astimezone(CST).date()
