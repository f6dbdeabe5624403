"""The Ningxia SME service alliance (宁夏中小企业服务联盟, Art. 6.8).

The platforms of the network and the cooperating institutions are the alliance's backbone; the
hub brings its members together for exchanges (组织成员单位开展平台网络交流活动). One membership
per member (a platform or an institution), kept by the hub:

    member (from joined_on) ──left (left_on, reasons)──▶ former member ──returned (joined_on)──▶ …

- **On a day.** A member is in the alliance from the day it joined until the day it left, that
  day excluded: ``left_on`` is the first day it is no longer a member. Its periods follow each
  other: it leaves after it joined, and returns no earlier than the day it left.
- **Stream.** The membership's id is derived from the member's, so a member joins once; one
  that left returns on the same membership, which keeps each period.
- Whether an activity is an alliance activity is recorded on the activity
  (``Activity.MarkedAsAllianceActivity``), since the alliance's members organise them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from ledger.domain import ids
from ledger.domain.agreement_terms import PartyKind
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import AllianceMembershipStepOutOfOrderError, InvalidMembershipDateError
from ledger.domain.submission import require_reasons
from ledger.domain.time import check_not_before


@dataclass(frozen=True)
class MembershipPeriod:
    joined_on: date
    left_on: date | None = None
    reasons: str | None = None

    def covers(self, day: date) -> bool:
        return self.joined_on <= day and (self.left_on is None or day < self.left_on)


class AllianceMembership(LedgerAggregate):
    """One platform's or institution's membership of the service alliance, period by period."""

    class Joined(LedgerAggregate.Created):
        member_id: UUID
        member_kind: str
        joined_on: date
        note: str

        def apply(self, aggregate: AllianceMembership) -> None:
            aggregate.member_id = self.member_id
            aggregate.member_kind = PartyKind(self.member_kind)
            aggregate.periods = [MembershipPeriod(self.joined_on)]
            aggregate.note = self.note
            aggregate.last_step_at = self.meta.occurred_at

    class Left(LedgerAggregate.Event):
        left_on: date
        reasons: str

        def apply(self, aggregate: AllianceMembership) -> None:
            current = aggregate.periods[-1]
            aggregate.periods[-1] = MembershipPeriod(current.joined_on, self.left_on, self.reasons)
            aggregate.last_step_at = self.meta.occurred_at

    class Returned(LedgerAggregate.Event):
        joined_on: date
        note: str

        def apply(self, aggregate: AllianceMembership) -> None:
            aggregate.periods.append(MembershipPeriod(self.joined_on))
            aggregate.note = self.note
            aggregate.last_step_at = self.meta.occurred_at

    def __init__(self) -> None:
        self.member_id: UUID | None = None
        self.member_kind = PartyKind.WINDOW
        self.periods: list[MembershipPeriod] = []
        self.note = ""
        self.last_step_at: datetime | None = None

    @property
    def current(self) -> bool:
        """Whether the latest period is still open (no leaving recorded)."""
        return bool(self.periods) and self.periods[-1].left_on is None

    def member_on(self, day: date) -> bool:
        return any(p.covers(day) for p in self.periods)

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def join(
        cls, *, member_id: UUID, member_kind: PartyKind, joined_on: date, note: str, meta: Envelope
    ) -> AllianceMembership:
        return cls._create(
            cls.Joined,
            id=ids.alliance_membership_id(member_id),
            member_id=member_id,
            member_kind=member_kind.value,
            joined_on=joined_on,
            note=note.strip(),
            meta=meta,
        )

    def leave(self, *, left_on: date, reasons: str, meta: Envelope) -> None:
        self._check_step(current=True, action="leave", meta=meta)
        joined_on = self.periods[-1].joined_on
        if left_on <= joined_on:
            raise InvalidMembershipDateError(
                f"left_on {left_on} is not after the day the member joined ({joined_on}).",
                joined_on=joined_on.isoformat(),
            )
        self.trigger_event(
            self.Left, left_on=left_on, reasons=require_reasons(reasons, "Leaving"), meta=meta
        )

    def return_(self, *, joined_on: date, note: str, meta: Envelope) -> None:
        self._check_step(current=False, action="return", meta=meta)
        left_on = self.periods[-1].left_on
        if left_on is not None and joined_on < left_on:
            raise InvalidMembershipDateError(
                f"joined_on {joined_on} is before the day the member left ({left_on}).",
                left_on=left_on.isoformat(),
            )
        self.trigger_event(self.Returned, joined_on=joined_on, note=note.strip(), meta=meta)

    def _check_step(self, *, current: bool, action: str, meta: Envelope) -> None:
        if self.current is not current:
            state = "a member" if self.current else "a former member"
            raise AllianceMembershipStepOutOfOrderError(
                f"{self.member_id} is {state} of the alliance and cannot {action}.",
                member=self.current,
            )
        check_not_before(meta, self.last_step_at, "the membership's previous step")
