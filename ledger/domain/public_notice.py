"""The public notice (公示): a period of Ningxia business dates during which objections are made.

The period runs from ``starts_on`` to ``ends_on``, both included, for at least
:data:`MIN_NOTICE_DAYS` days, and cannot start before the day it is published (nobody could
have objected before then). An objection counts when it is made on a day inside the period.
What was noticed can go ahead from the day after ``ends_on``, once every objection is resolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ledger.domain.errors import (
    InvalidNoticePeriodError,
    NoticeNotEndedError,
    OutsideNoticePeriodError,
    UnresolvedObjectionsError,
)

MIN_NOTICE_DAYS = 5
"""The shortest public notice, in calendar days, both ends included."""


class ObjectionOutcome(StrEnum):
    UPHELD = "upheld"
    DISMISSED = "dismissed"


@dataclass(frozen=True)
class Notice:
    starts_on: date
    ends_on: date
    channel: str
    """Where the notice is published (a web address or a board), so it can be checked."""

    def check_objection_day(self, day: date) -> None:
        if not self.starts_on <= day <= self.ends_on:
            raise OutsideNoticePeriodError(
                f"Objections are made while the notice runs ({self.starts_on} to "
                f"{self.ends_on}); {day} is outside it.",
                starts_on=self.starts_on.isoformat(),
                ends_on=self.ends_on.isoformat(),
            )

    def check_over(self, today: date) -> None:
        if today <= self.ends_on:
            raise NoticeNotEndedError(
                f"The public notice runs until {self.ends_on}; what it announced can go ahead "
                f"from {self.ends_on + timedelta(days=1)}.",
                ends_on=self.ends_on.isoformat(),
            )


@dataclass(frozen=True)
class Objection:
    number: int
    """1, 2, ... in the order objections were made."""
    objector: str
    grounds: str
    evidence_sha256: str | None
    filed_on: date
    outcome: ObjectionOutcome | None = None
    resolution_reasons: str | None = None

    @property
    def resolved(self) -> bool:
        return self.outcome is not None


def check_period(starts_on: date, ends_on: date, published_on: date) -> None:
    """A notice published on ``published_on`` may run from ``starts_on`` to ``ends_on``."""
    if starts_on < published_on:
        raise InvalidNoticePeriodError(
            f"The notice cannot start ({starts_on}) before the day it is published "
            f"({published_on}): objections could not have been made before then.",
            starts_on=starts_on.isoformat(),
        )
    days = (ends_on - starts_on).days + 1
    if days < MIN_NOTICE_DAYS:
        raise InvalidNoticePeriodError(
            f"A public notice runs at least {MIN_NOTICE_DAYS} days, both ends included; "
            f"{starts_on} to {ends_on} is {max(days, 0)}. Choose a later end date.",
            starts_on=starts_on.isoformat(),
            ends_on=ends_on.isoformat(),
        )


def check_all_resolved(objections: Sequence[Objection]) -> None:
    pending = [o.number for o in objections if not o.resolved]
    if pending:
        raise UnresolvedObjectionsError(
            f"Objection(s) {', '.join(map(str, pending))} are not resolved; resolve each "
            "(upheld or dismissed) first.",
            pending=len(pending),
        )
