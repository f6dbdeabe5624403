"""Orderly entry and exit (Art. 13): the standing of a platform or a service institution.

An appraisal's result drives the subject's standing: an excellent one may bring priority
support; a failing one brings an order to rectify within a deadline. Rectification completed
(re-checked) by the deadline returns the subject to good standing; a missed deadline or a failed
re-check lets the supervising side request revocation, and the bureau revokes. Revoked is
terminal: the subject can no longer act (its keys stop working, its records stay readable).

    good ⇄ priority support
      │ rectification ordered (deadline, reasons, citing the appraisal)
      ▼
    rectifying ──completed by the deadline──▶ good
      │ re-check failed, or deadline missed
      ▼
    revocation requested ──bureau──▶ revoked (terminal)
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    RectificationDeadlineError,
    RevocationNotRequestedError,
    RevokedError,
    StandingTransitionError,
)
from ledger.domain.time import CST


class Standing(StrEnum):
    GOOD = "good"
    PRIORITY_SUPPORT = "priority_support"
    RECTIFYING = "rectifying"
    REVOCATION_REQUESTED = "revocation_requested"
    REVOKED = "revoked"


class StandingAggregate(LedgerAggregate):
    """An aggregate with a standing in the network (platforms and institutions)."""

    class PrioritySupportGranted(LedgerAggregate.Event):
        year: int
        citation: str
        note: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.PRIORITY_SUPPORT
            aggregate.priority_support_year = self.year

    class RectificationOrdered(LedgerAggregate.Event):
        deadline: date
        reasons: str
        citation: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.RECTIFYING
            aggregate.rectification_deadline = self.deadline
            aggregate.rectification_reasons = self.reasons

    class RectificationCompleted(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.GOOD
            aggregate.rectification_deadline = None
            aggregate.recheck_failed = False

    class RecheckFailed(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.recheck_failed = True

    class RevocationRequested(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.REVOCATION_REQUESTED

    class Revoked(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: StandingAggregate) -> None:
            aggregate.standing = Standing.REVOKED

    def __init__(self) -> None:
        self.standing = Standing.GOOD
        self.priority_support_year: int | None = None
        self.rectification_deadline: date | None = None
        self.rectification_reasons = ""
        self.recheck_failed = False

    @property
    def is_revoked(self) -> bool:
        return self.standing is Standing.REVOKED

    # --- commands -------------------------------------------------------------------------

    def grant_priority_support(
        self, *, year: int, citation: str, note: str, meta: Envelope
    ) -> None:
        self._check_standing({Standing.GOOD, Standing.PRIORITY_SUPPORT}, "granted priority support")
        self.trigger_event(
            self.PrioritySupportGranted, year=year, citation=citation, note=note, meta=meta
        )

    def order_rectification(
        self, *, deadline: date, reasons: str, citation: str, meta: Envelope
    ) -> None:
        self._check_standing({Standing.GOOD, Standing.PRIORITY_SUPPORT}, "ordered to rectify")
        if deadline <= _business_date(meta):
            raise RectificationDeadlineError(
                f"The rectification deadline {deadline} must lie after the order "
                f"({_business_date(meta)}).",
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
        self._check_standing({Standing.RECTIFYING}, "found rectified")
        deadline = self.rectification_deadline
        if deadline is not None and _business_date(meta) > deadline:
            raise RectificationDeadlineError(
                f"The deadline ({deadline}) has passed; rectification can no longer be "
                "completed. Request revocation instead.",
                deadline=deadline.isoformat(),
            )
        if self.recheck_failed:
            raise StandingTransitionError(
                "The re-check failed; rectification cannot be completed. Request revocation."
            )
        self.trigger_event(self.RectificationCompleted, note=note, meta=meta)

    def fail_recheck(self, *, reasons: str, meta: Envelope) -> None:
        self._check_standing({Standing.RECTIFYING}, "re-checked")
        self.trigger_event(self.RecheckFailed, reasons=reasons, meta=meta)

    def request_revocation(self, *, reasons: str, meta: Envelope) -> None:
        self._check_standing({Standing.RECTIFYING}, "proposed for revocation")
        deadline = self.rectification_deadline
        missed = deadline is not None and _business_date(meta) > deadline
        if not (missed or self.recheck_failed):
            raise RevocationNotRequestedError(
                "Revocation may be requested only after a failed re-check or a missed "
                f"rectification deadline ({deadline}).",
            )
        self.trigger_event(self.RevocationRequested, reasons=reasons, meta=meta)

    def revoke(self, *, reasons: str, meta: Envelope) -> None:
        if self.standing is Standing.REVOKED:
            raise RevokedError("Already revoked; revocation is final.")
        if self.standing is not Standing.REVOCATION_REQUESTED:
            raise RevocationNotRequestedError(
                "The bureau revokes on the hub's request: request revocation first.",
            )
        self.trigger_event(self.Revoked, reasons=reasons, meta=meta)

    def check_not_revoked(self) -> None:
        if self.is_revoked:
            raise RevokedError("This participant's qualification is revoked; it can no longer act.")

    def _check_standing(self, allowed: set[Standing], action: str) -> None:
        self.check_not_revoked()
        if self.standing not in allowed:
            raise StandingTransitionError(
                f"A participant in standing {self.standing} cannot be {action}.",
                standing=self.standing.value,
            )


def _business_date(meta: Envelope) -> date:
    return meta.occurred_at.astimezone(CST).date()
