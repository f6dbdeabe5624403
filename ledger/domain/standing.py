"""Orderly entry and exit (Art. 13): the standing of a platform or a service institution.

An appraisal's result drives the subject's standing: an excellent one may bring priority
support; a failing one brings an order to rectify within a deadline. Priority support for a
window or an institution is the bureau's to decide on the hub's proposal (提请): the hub
proposes, citing the appraisal, and the bureau grants or declines it, once per year; the hub's
own is granted by the bureau, which appraises it, with no proposal. Rectification completed
(re-checked) by the deadline returns the subject to good standing; a missed deadline or a failed
re-check lets the supervising side request revocation, and the bureau revokes. Revoked is
terminal: the subject can no longer act (its keys stop working, its records stay readable).

    good ⇄ priority support         (a window's or institution's: proposed ──bureau──▶ granted
      │                                                                    or declined)
      │ rectification ordered (deadline, reasons, citing the appraisal)
      ▼
    rectifying ──completed by the deadline──▶ good
      │ re-check failed, or deadline missed
      ▼
    revocation requested ──bureau──▶ revoked (terminal)
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    OccurredBeforePreviousStepError,
    PrioritySupportNotProposedError,
    RectificationDeadlineError,
    RevocationNotRequestedError,
    RevokedError,
    StandingTransitionError,
)
from ledger.domain.time import record_date


class Standing(StrEnum):
    GOOD = "good"
    PRIORITY_SUPPORT = "priority_support"
    RECTIFYING = "rectifying"
    REVOCATION_REQUESTED = "revocation_requested"
    REVOKED = "revoked"


class StandingAggregate(LedgerAggregate):
    """An aggregate with a standing in the network (platforms and institutions)."""

    # Version 2 holds the proposals and refusals of priority support, which older snapshots lack.
    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, object]) -> None:
        state.update(priority_support_proposed={}, priority_support_declined=set())

    class PrioritySupportProposed(LedgerAggregate.Event):
        year: int
        citation: str
        note: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.priority_support_proposed[self.year] = self.citation

    class PrioritySupportDeclined(LedgerAggregate.Event):
        year: int
        reasons: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.priority_support_declined.add(self.year)

    class PrioritySupportGranted(LedgerAggregate.Event):
        year: int
        citation: str
        note: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.PRIORITY_SUPPORT
            aggregate.standing_at = self.meta.occurred_at
            aggregate.priority_support_year = self.year

    class RectificationOrdered(LedgerAggregate.Event):
        deadline: date
        reasons: str
        citation: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.RECTIFYING
            aggregate.standing_at = self.meta.occurred_at
            aggregate.rectification_deadline = self.deadline
            aggregate.rectification_reasons = self.reasons

    class RectificationCompleted(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.GOOD
            aggregate.standing_at = self.meta.occurred_at
            aggregate.rectification_deadline = None
            aggregate.recheck_failed = False

    class RecheckFailed(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.recheck_failed = True
            aggregate.standing_at = self.meta.occurred_at

    class RevocationRequested(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.REVOCATION_REQUESTED
            aggregate.standing_at = self.meta.occurred_at

    class Revoked(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.REVOKED
            aggregate.standing_at = self.meta.occurred_at

    def __init__(self) -> None:
        self.standing = Standing.GOOD
        self.priority_support_year: int | None = None
        self.rectification_deadline: date | None = None
        self.rectification_reasons = ""
        self.recheck_failed = False
        self.standing_at: datetime | None = None
        """The business time of the last change of standing: the next is not before it."""
        self.priority_support_proposed: dict[int, str] = {}
        """The hub's proposals of priority support: the year, and the appraisal cited."""
        self.priority_support_declined: set[int] = set()
        """The years for which the bureau declined the hub's proposal."""

    @property
    def is_revoked(self) -> bool:
        return self.standing is Standing.REVOKED

    @property
    def priority_support_is_proposed(self) -> bool:
        """Whether the bureau grants this participant priority support on the hub's proposal
        (windows and institutions), rather than directly (the hub)."""
        return True

    # --- commands -------------------------------------------------------------------------

    def propose_priority_support(
        self, *, year: int, citation: str, note: str, meta: Envelope
    ) -> None:
        self._check_priority_support(year, "proposed for priority support", meta)
        if not self.priority_support_is_proposed:
            raise StandingTransitionError(
                "The bureau grants the hub priority support directly; nobody proposes it.",
                standing=self.standing.value,
            )
        if year in self.priority_support_proposed:
            raise StandingTransitionError(
                f"Priority support for {year} is already proposed: one proposal per year.",
                standing=self.standing.value,
            )
        self.trigger_event(
            self.PrioritySupportProposed, year=year, citation=citation, note=note, meta=meta
        )

    def grant_priority_support(
        self, *, year: int, citation: str, note: str, meta: Envelope
    ) -> None:
        self._check_priority_support(year, "granted priority support", meta)
        self._check_proposed(year, citation)
        self.trigger_event(
            self.PrioritySupportGranted, year=year, citation=citation, note=note, meta=meta
        )

    def decline_priority_support(self, *, year: int, reasons: str, meta: Envelope) -> None:
        self._check_priority_support(year, "declined priority support", meta)
        if not self.priority_support_is_proposed:
            raise StandingTransitionError(
                "The hub's priority support is not proposed, so there is nothing to decline.",
                standing=self.standing.value,
            )
        self._check_proposed(year, None)
        self.trigger_event(self.PrioritySupportDeclined, year=year, reasons=reasons, meta=meta)

    def _check_priority_support(self, year: int, action: str, meta: Envelope) -> None:
        """Priority support is decided once per year, for a participant in good standing."""
        self._check_standing({Standing.GOOD, Standing.PRIORITY_SUPPORT}, action, meta)
        if self.priority_support_year == year:
            raise StandingTransitionError(
                f"Priority support for {year} is already granted: one consequence per year.",
                standing=self.standing.value,
            )
        if year in self.priority_support_declined:
            raise StandingTransitionError(
                f"Priority support for {year} was declined: one decision per year.",
                standing=self.standing.value,
            )

    def _check_proposed(self, year: int, citation: str | None) -> None:
        """The bureau decides on the hub's proposal, citing the appraisal it cited."""
        if not self.priority_support_is_proposed:
            return
        proposed = self.priority_support_proposed.get(year)
        if proposed is None:
            raise PrioritySupportNotProposedError(
                f"The hub has not proposed priority support for {year}; the bureau decides on "
                "its proposal (Art. 13).",
                year=year,
            )
        if citation is not None and citation.strip() != proposed:
            raise PrioritySupportNotProposedError(
                f"The hub proposed priority support for {year} citing {proposed}; the grant "
                "cites the same appraisal.",
                year=year,
            )

    def order_rectification(
        self, *, deadline: date, reasons: str, citation: str, meta: Envelope
    ) -> None:
        self._check_standing({Standing.GOOD, Standing.PRIORITY_SUPPORT}, "ordered to rectify", meta)
        # Deadlines are judged by record time: an order backdated in business time would
        # otherwise leave less time than it says, or none.
        if deadline <= record_date(meta):
            raise RectificationDeadlineError(
                f"The rectification deadline {deadline} must lie after the day the order is "
                f"recorded ({record_date(meta)}).",
                deadline=deadline.isoformat(),
            )
        self.trigger_event(
            self.RectificationOrdered,
            deadline=deadline,
            reasons=reasons,
            citation=citation,
            meta=meta,
        )

    def complete_rectification(self, *, note: str, meta: Envelope) -> None:
        self._check_standing({Standing.RECTIFYING}, "found rectified", meta)
        deadline = self.rectification_deadline
        if deadline is not None and record_date(meta) > deadline:
            raise RectificationDeadlineError(
                f"The deadline ({deadline}) has passed (this is recorded on {record_date(meta)}, "
                "whatever its business time); rectification can no longer be completed. "
                "Request revocation instead.",
                deadline=deadline.isoformat(),
            )
        if self.recheck_failed:
            raise StandingTransitionError(
                "The re-check failed; rectification cannot be completed. Request revocation."
            )
        self.trigger_event(self.RectificationCompleted, note=note, meta=meta)

    def fail_recheck(self, *, reasons: str, meta: Envelope) -> None:
        self._check_standing({Standing.RECTIFYING}, "re-checked", meta)
        self.trigger_event(self.RecheckFailed, reasons=reasons, meta=meta)

    def request_revocation(self, *, reasons: str, meta: Envelope) -> None:
        self._check_standing({Standing.RECTIFYING}, "proposed for revocation", meta)
        deadline = self.rectification_deadline
        missed = deadline is not None and record_date(meta) > deadline
        if not (missed or self.recheck_failed):
            raise RevocationNotRequestedError(
                "Revocation may be requested only after a failed re-check or a missed "
                f"rectification deadline ({deadline}).",
            )
        self.trigger_event(self.RevocationRequested, reasons=reasons, meta=meta)

    def revoke(self, *, reasons: str, meta: Envelope) -> None:
        if self.standing is Standing.REVOKED:
            raise RevokedError("Already revoked; revocation is final.")
        self._check_standing(set(Standing), "revoked", meta)
        if self.standing is not Standing.REVOCATION_REQUESTED:
            raise RevocationNotRequestedError(
                "The bureau revokes on the hub's request: request revocation first.",
            )
        self.trigger_event(self.Revoked, reasons=reasons, meta=meta)

    def check_not_revoked(self) -> None:
        if self.is_revoked:
            raise RevokedError("This participant's qualification is revoked; it can no longer act.")

    def _check_standing(self, allowed: set[Standing], action: str, meta: Envelope) -> None:
        self.check_not_revoked()
        last = self.standing_at
        if last is not None and meta.occurred_at < last:
            raise OccurredBeforePreviousStepError(
                f"occurred_at {meta.occurred_at.isoformat()} is before the participant's last "
                f"change of standing ({last.isoformat()}); standing moves forward in "
                "business time.",
                previous_step_at=last.isoformat(),
            )
        if self.standing not in allowed:
            raise StandingTransitionError(
                f"A participant in standing {self.standing} cannot be {action}.",
                standing=self.standing.value,
            )
