"""The hub's entrustment of its operating institution (委托运营, Art. 6.1, 12 and 13).

The hub runs its service hall and online platform through an operating institution (运营机构)
under an entrustment agreement (委托运营协议) with a scope and a term. The operator has no key
of its own: the hub records the agreement, the operator's acceptance (the digest of the document
it signed must be the one recorded), the operator's yearly appraisal by a panel of experts, a
renewal and an early termination.

    made ──acceptance──▶ accepted ──renewed (a new term after the current one)──▶ …
      │                    │
      └────terminated──────┴──▶ terminated (final)

Whether it is in force is computed for any day: without a renewal the entrustment lapses after
its last term, with no event. A renewal is earned only by an appraisal of 合格 or 优秀 for the
last year concluded (Art. 13). The decisions, and why, are in docs/domain.md ("Entrustment").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.entrustment_terms import (
    RENEWING_GRADES,
    EntrustmentStatus,
    ExpertMarks,
    OperatorAppraisal,
    Renewal,
    Scope,
    Term,
    Termination,
    check_marks,
    check_term,
    parse_scope,
    total_and_grade,
)
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    BlankFieldError,
    DocumentDigestMismatchError,
    EntrustmentStepOutOfOrderError,
    EntrustmentTermError,
    EntrustmentTerminatedError,
    NotTheEntrustingHubError,
    OperatorAlreadyAppraisedError,
    OperatorAppraisalYearError,
    RenewalNotEarnedError,
    TerminationDateError,
)
from ledger.domain.time import CST, business_date, check_not_before, record_date
from ledger.domain.values import parse_uscc

_NOBODY = UUID(int=0)


class Entrustment(LedgerAggregate):
    """The hub's entrustment of one operating institution (see the module docstring)."""

    class Made(LedgerAggregate.Created):
        hub_id: UUID
        external_ref: str
        operator_name: str
        operator_uscc: str
        scope: str
        starts_on: date
        ends_on: date
        document_sha256: str

        def apply(self, aggregate: Entrustment) -> None:
            aggregate.hub_id = self.hub_id
            aggregate.external_ref = self.external_ref
            aggregate.operator_name = self.operator_name
            aggregate.operator_uscc = self.operator_uscc
            aggregate.scope = Scope(self.scope)
            aggregate.terms = [Term(self.starts_on, self.ends_on, self.document_sha256)]
            aggregate.last_occurred_at = self.meta.occurred_at

    class Accepted(LedgerAggregate.Event):
        document_sha256: str
        accepted_on: date

        def apply(self, aggregate: Entrustment) -> None:
            aggregate.accepted_on = self.accepted_on
            aggregate.last_occurred_at = self.meta.occurred_at

    class OperatorAppraised(LedgerAggregate.Event):
        year: int
        marks: list[dict[str, Any]]
        total: Decimal
        grade: str
        note: str

        def apply(self, aggregate: Entrustment) -> None:
            aggregate.appraisals[self.year] = OperatorAppraisal(
                self.year, tuple(self.marks), self.total, self.grade, self.note,
                self.meta.occurred_at.astimezone(CST).date(),
            )  # fmt: skip
            aggregate.last_occurred_at = self.meta.occurred_at

    class Renewed(LedgerAggregate.Event):
        starts_on: date
        ends_on: date
        document_sha256: str
        appraisal_year: int

        def apply(self, aggregate: Entrustment) -> None:
            term = Term(self.starts_on, self.ends_on, self.document_sha256)
            aggregate.terms.append(term)
            renewed_on = self.meta.occurred_at.astimezone(CST).date()
            aggregate.renewals.append(Renewal(term, self.appraisal_year, renewed_on))
            aggregate.last_occurred_at = self.meta.occurred_at

    class Terminated(LedgerAggregate.Event):
        reason: str
        effective_on: date

        def apply(self, aggregate: Entrustment) -> None:
            aggregate.termination = Termination(self.reason, self.effective_on)
            aggregate.last_occurred_at = self.meta.occurred_at

    def __init__(self) -> None:
        self.hub_id = _NOBODY
        self.external_ref = ""
        self.operator_name = ""
        self.operator_uscc = ""
        self.scope = Scope.BOTH
        self.terms: list[Term] = []
        self.accepted_on: date | None = None
        self.appraisals: dict[int, OperatorAppraisal] = {}
        self.renewals: list[Renewal] = []
        self.termination: Termination | None = None
        self.last_occurred_at: datetime | None = None

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def make(
        cls,
        *,
        hub_id: UUID,
        external_ref: str,
        operator_name: str,
        operator_uscc: str,
        scope: str,
        term: Term,
        meta: Envelope,
    ) -> Entrustment:
        """The hub records the entrustment agreement it offers the operator."""
        if meta.platform_id != hub_id:
            raise NotTheEntrustingHubError("The hub records entrustments only for itself.")
        name = operator_name.strip()
        if not name:
            raise BlankFieldError("operator_name names the operating institution; it is blank.")
        checked = check_term(term.starts_on, term.ends_on, term.document_sha256)
        return cls._create(
            cls.Made,
            id=ids.entrustment_id(hub_id, external_ref),
            hub_id=hub_id,
            external_ref=external_ref,
            operator_name=name,
            operator_uscc=parse_uscc(operator_uscc),
            scope=parse_scope(scope).value,
            starts_on=checked.starts_on,
            ends_on=checked.ends_on,
            document_sha256=checked.document_sha256,
            meta=meta,
        )

    def accept(self, *, document_sha256: str, meta: Envelope) -> None:
        """The hub records that the operator signed the agreement: the digest of the document
        it signed must be the one recorded."""
        self._check_step(meta)
        if self.accepted_on is not None:
            raise EntrustmentStepOutOfOrderError("The operator has already accepted it.")
        first = self.terms[0]
        if document_sha256.strip().lower() != first.document_sha256:
            raise DocumentDigestMismatchError(
                "The document the operator signed is not the one recorded: its SHA-256 differs. "
                "Check that the hub and the operator hold the same text.",
                proposed_sha256=first.document_sha256,
            )
        self.trigger_event(
            self.Accepted,
            document_sha256=first.document_sha256,
            accepted_on=business_date(meta),
            meta=meta,
        )

    def appraise(
        self, *, year: int, marks: Sequence[ExpertMarks], note: str, meta: Envelope
    ) -> None:
        """The hub records the operator's appraisal of ``year`` by a panel of experts."""
        self._check_accepted(meta, "appraised")
        if year >= business_date(meta).year:
            raise OperatorAppraisalYearError(
                f"{year} has not ended; the operator is appraised on a year once it is over.",
                year=year,
            )
        if not self._ran_in(year):
            raise OperatorAppraisalYearError(
                f"The entrustment was not in force in {year}; the operator is appraised on the "
                "years it operated.",
                year=year,
            )
        if year in self.appraisals:
            raise OperatorAlreadyAppraisedError(
                f"The operator's appraisal of {year} is recorded ({self.appraisals[year].grade}).",
                year=year,
            )
        checked = [m.record() for m in check_marks(marks)]
        total, grade = total_and_grade(checked)
        self.trigger_event(
            self.OperatorAppraised,
            year=year, marks=checked, total=total, grade=grade, note=note.strip(), meta=meta,
        )  # fmt: skip

    def renew(self, *, ends_on: date, document_sha256: str, meta: Envelope) -> None:
        """A new term from the day after the current one ends, earned by the operator's
        appraisal of the last year concluded (Art. 13)."""
        self._check_accepted(meta, "renewed")
        year = business_date(meta).year - 1
        current = self.terms[-1]
        if current.starts_on.year > year:
            raise EntrustmentStepOutOfOrderError(
                f"The current term started on {current.starts_on}, after {year}: it is renewed "
                "once the operator is appraised on a year of it (one appraisal, one renewal).",
            )
        appraisal = self.appraisals.get(year)
        if appraisal is None or appraisal.grade not in RENEWING_GRADES:
            found = "no appraisal is recorded" if appraisal is None else f"it was {appraisal.grade}"
            raise RenewalNotEarnedError(
                f"The hub renews the entrustment of an operator appraised 合格 or 优秀 for {year} "
                f"(Art. 13); {found}. Without a renewal it lapses after {current.ends_on}.",
                year=year,
                grade=None if appraisal is None else appraisal.grade,
            )
        starts_on = current.ends_on + timedelta(days=1)
        if ends_on <= starts_on:
            raise EntrustmentTermError(
                f"The renewed term runs from {starts_on} (the day after the current one ends); "
                f"ends_on {ends_on} is not after it.",
                starts_on=starts_on.isoformat(),
                ends_on=ends_on.isoformat(),
            )
        term = check_term(starts_on, ends_on, document_sha256)
        self.trigger_event(
            self.Renewed,
            starts_on=term.starts_on, ends_on=term.ends_on,
            document_sha256=term.document_sha256, appraisal_year=year, meta=meta,
        )  # fmt: skip

    def terminate(self, *, reason: str, effective_on: date, meta: Envelope) -> None:
        """The hub ends the entrustment early from ``effective_on`` (the first day it no longer
        applies); one the operator never accepted is withdrawn this way."""
        self._check_step(meta)
        if not reason.strip():
            raise BlankFieldError("reason says why the entrustment ends early; it is blank.")
        today = record_date(meta)  # not business time: a backdated termination would reach back
        if effective_on < today:
            raise TerminationDateError(
                f"A termination takes effect on or after the day it is made ({today}); "
                f"effective_on {effective_on} would reach back over the past.",
                effective_on=effective_on.isoformat(),
            )
        self.trigger_event(
            self.Terminated, reason=reason.strip(), effective_on=effective_on, meta=meta
        )

    # --- queries --------------------------------------------------------------------------

    def term_on(self, day: date) -> Term | None:
        return next((t for t in self.terms if t.runs_on(day)), None)

    def in_force_on(self, day: date, part: Scope | None = None) -> bool:
        """Whether the operator ran (``part`` of) the hub's service on ``day``."""
        return self.status_on(day) is EntrustmentStatus.IN_FORCE and (
            part is None or self.scope.covers(part)
        )

    def status_on(self, day: date) -> EntrustmentStatus:
        termination = self.termination
        if termination is not None and (
            self.accepted_on is None or day >= termination.effective_on
        ):
            return EntrustmentStatus.TERMINATED
        if self.accepted_on is None:
            return EntrustmentStatus.AWAITING_ACCEPTANCE
        if day < self.terms[0].starts_on:
            return EntrustmentStatus.NOT_YET_IN_FORCE
        if self.term_on(day) is None:
            return EntrustmentStatus.LAPSED
        return EntrustmentStatus.IN_FORCE

    # --- rules shared by the commands -----------------------------------------------------

    def _ran_in(self, year: int) -> bool:
        first_day = date(year, 1, 1)
        ended = self.termination is not None and self.termination.effective_on <= first_day
        return not ended and any(t.overlaps(year) for t in self.terms)

    def _check_step(self, meta: Envelope) -> None:
        if meta.platform_id != self.hub_id:
            raise NotTheEntrustingHubError("Only the hub that made the entrustment acts on it.")
        if self.termination is not None:
            raise EntrustmentTerminatedError(
                f"This entrustment was terminated (from {self.termination.effective_on}); it "
                "accepts nothing more. Record a new entrustment instead.",
            )
        check_not_before(meta, self.last_occurred_at, "the entrustment's previous step")

    def _check_accepted(self, meta: Envelope, action: str) -> None:
        self._check_step(meta)
        if self.accepted_on is None:
            raise EntrustmentStepOutOfOrderError(
                f"Only an entrustment the operator accepted can be {action}; record its "
                "acceptance first."
            )
