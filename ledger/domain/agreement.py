"""Service agreements (服务合作协议, Art. 6.5 and 9.6 of the Measures).

The hub signs agreements with windows (Art. 6.5), windows sign with each other (Art. 9.6), and
the hub or a window brings a cooperating institution into the network by agreement (Art. 6.4).
An agreement has two parties and goes:

    proposed ──countersigned by the other party──▶ signed ──terminated──▶ terminated (final)
       │                                            │  ▲
       └──terminated (withdrawn or declined)        │  └ amendment countersigned
                                                    └ amendment proposed (one at a time)

The decisions this aggregate makes, and why, are in docs/domain.md ("Service agreements").
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ledger.domain import ids
from ledger.domain.agreement_terms import (
    ALLOWED_PAIRS,
    AgreementStatus,
    Amendment,
    Party,
    PartyKind,
    PendingAmendment,
    Termination,
    Terms,
    TermsPeriod,
    check_terms,
)
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AgreementPartiesError,
    AgreementStepOutOfOrderError,
    AgreementTerminatedError,
    AmendmentChangesNothingError,
    AmendmentPendingError,
    DocumentDigestMismatchError,
    NoPendingAmendmentError,
    NotAPartyError,
    NotTheCounterpartyError,
    OccurredBeforePreviousStepError,
    TerminationDateError,
)
from ledger.domain.time import business_date, record_date

# Placeholder party of an aggregate before its first event is applied.
_NOBODY = UUID(int=0)


def _terms(categories: list[str], starts_on: date, ends_on: date, digest: str) -> Terms:
    return Terms(tuple(categories), starts_on, ends_on, digest)


class Agreement(LedgerAggregate):
    """An agreement between two parties of the network (see the module docstring)."""

    class Proposed(LedgerAggregate.Created):
        proposer_kind: str
        proposer_id: UUID
        counterparty_kind: str
        counterparty_id: UUID
        external_ref: str
        title: str
        categories: list[str]
        starts_on: date
        ends_on: date
        document_sha256: str

        def apply(self, aggregate: Agreement) -> None:
            aggregate.proposer = Party(PartyKind(self.proposer_kind), self.proposer_id)
            aggregate.counterparty = Party(PartyKind(self.counterparty_kind), self.counterparty_id)
            aggregate.external_ref = self.external_ref
            aggregate.title = self.title
            aggregate.terms = _terms(
                self.categories, self.starts_on, self.ends_on, self.document_sha256
            )
            aggregate.last_occurred_at = self.meta.occurred_at

    class Countersigned(LedgerAggregate.Event):
        signed_by: UUID
        document_sha256: str
        signed_on: date

        def apply(self, aggregate: Agreement) -> None:
            aggregate.signed_on = self.signed_on
            aggregate.periods.append(TermsPeriod(self.signed_on, aggregate.terms))
            aggregate.last_occurred_at = self.meta.occurred_at

    class AmendmentProposed(LedgerAggregate.Event):
        proposed_by: UUID
        categories: list[str]
        starts_on: date
        ends_on: date
        document_sha256: str
        note: str

        def apply(self, aggregate: Agreement) -> None:
            aggregate.pending_amendment = PendingAmendment(
                self.proposed_by,
                _terms(self.categories, self.starts_on, self.ends_on, self.document_sha256),
                self.note,
            )
            aggregate.last_occurred_at = self.meta.occurred_at

    class AmendmentCountersigned(LedgerAggregate.Event):
        signed_by: UUID
        document_sha256: str
        signed_on: date

        def apply(self, aggregate: Agreement) -> None:
            pending = aggregate._pending()
            aggregate.terms = pending.terms
            aggregate.periods.append(TermsPeriod(self.signed_on, pending.terms))
            aggregate.pending_amendment = None
            aggregate.last_occurred_at = self.meta.occurred_at

    class AmendmentWithdrawn(LedgerAggregate.Event):
        withdrawn_by: UUID
        reason: str

        def apply(self, aggregate: Agreement) -> None:
            aggregate.pending_amendment = None
            aggregate.last_occurred_at = self.meta.occurred_at

    class Terminated(LedgerAggregate.Event):
        terminated_by: UUID
        reason: str
        effective_on: date

        def apply(self, aggregate: Agreement) -> None:
            aggregate.termination = Termination(self.terminated_by, self.reason, self.effective_on)
            aggregate.pending_amendment = None
            aggregate.last_occurred_at = self.meta.occurred_at

    def __init__(self) -> None:
        self.proposer = Party(PartyKind.HUB, _NOBODY)
        self.counterparty = Party(PartyKind.WINDOW, _NOBODY)
        self.external_ref = ""
        self.title = ""
        self.terms = Terms((), date.min, date.min, "")
        self.signed_on: date | None = None
        self.periods: list[TermsPeriod] = []
        self.pending_amendment: PendingAmendment | None = None
        self.termination: Termination | None = None
        self.last_occurred_at: datetime | None = None

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def propose(
        cls,
        *,
        proposer: Party,
        counterparty: Party,
        external_ref: str,
        title: str,
        terms: Terms,
        meta: Envelope,
    ) -> Agreement:
        if meta.platform_id != proposer.id:
            raise NotAPartyError("A party proposes agreements only for itself.")
        if proposer.kind is PartyKind.INSTITUTION:
            raise AgreementPartiesError(
                "An institution joins the network at a platform's invitation: the hub or a "
                "window proposes the agreement and the institution countersigns it."
            )
        if proposer.id == counterparty.id:
            raise AgreementPartiesError("An agreement has two different parties.")
        if frozenset({proposer.kind, counterparty.kind}) not in ALLOWED_PAIRS:
            raise AgreementPartiesError(
                f"A {proposer.kind} and a {counterparty.kind} cannot make a service agreement; "
                "the pairs are hub–window, window–window, hub–institution and "
                "window–institution.",
                proposer_kind=proposer.kind.value,
                counterparty_kind=counterparty.kind.value,
            )
        checked = check_terms(
            terms.categories, terms.starts_on, terms.ends_on, terms.document_sha256
        )
        return cls._create(
            cls.Proposed,
            id=ids.agreement_id(proposer.id, external_ref),
            proposer_kind=proposer.kind.value,
            proposer_id=proposer.id,
            counterparty_kind=counterparty.kind.value,
            counterparty_id=counterparty.id,
            external_ref=external_ref,
            title=title.strip(),
            categories=list(checked.categories),
            starts_on=checked.starts_on,
            ends_on=checked.ends_on,
            document_sha256=checked.document_sha256,
            meta=meta,
        )

    def countersign(self, *, document_sha256: str, meta: Envelope) -> None:
        """The counterparty signs the proposed document; the agreement is then signed."""
        signatory = self._check_step(meta)
        if self.signed_on is not None:
            raise AgreementStepOutOfOrderError(
                "This agreement is already countersigned; propose an amendment to change it."
            )
        if signatory == self.proposer.id:
            raise NotTheCounterpartyError(
                "The proposer cannot countersign its own proposal; the other party countersigns."
            )
        self._check_digest(document_sha256, self.terms)
        self.trigger_event(
            self.Countersigned,
            signed_by=signatory,
            document_sha256=self.terms.document_sha256,
            signed_on=business_date(meta),
            meta=meta,
        )

    def propose_amendment(self, amendment: Amendment, meta: Envelope) -> None:
        """Either party proposes new terms; they apply once the other party countersigns."""
        proposed_by = self._check_step(meta)
        self._check_signed("amended")
        if self.pending_amendment is not None:
            raise AmendmentPendingError(
                "An amendment is already pending; it is countersigned or withdrawn before "
                "another is proposed."
            )
        current = self.terms
        terms = check_terms(
            current.categories if amendment.categories is None else amendment.categories,
            amendment.starts_on or current.starts_on,
            amendment.ends_on or current.ends_on,
            amendment.document_sha256 or current.document_sha256,
        )
        if terms == current:
            raise AmendmentChangesNothingError(
                "The amendment proposes the terms already agreed; change the scope, the term "
                "or the document."
            )
        self.trigger_event(
            self.AmendmentProposed,
            categories=list(terms.categories),
            starts_on=terms.starts_on,
            ends_on=terms.ends_on,
            document_sha256=terms.document_sha256,
            proposed_by=proposed_by,
            note=amendment.note,
            meta=meta,
        )

    def countersign_amendment(self, *, document_sha256: str, meta: Envelope) -> None:
        """The other party agrees to the pending amendment; its terms apply from today."""
        signatory = self._check_step(meta)
        pending = self._pending()
        if signatory == pending.proposed_by:
            raise NotTheCounterpartyError(
                "The party that proposed the amendment cannot countersign it; the other party "
                "countersigns."
            )
        self._check_digest(document_sha256, pending.terms)
        self.trigger_event(
            self.AmendmentCountersigned,
            signed_by=signatory,
            document_sha256=pending.terms.document_sha256,
            signed_on=business_date(meta),
            meta=meta,
        )

    def withdraw_amendment(self, *, reason: str, meta: Envelope) -> None:
        """Either party drops the pending amendment: its proposer withdraws, the other declines."""
        withdrawn_by = self._check_step(meta)
        self._pending()
        self.trigger_event(
            self.AmendmentWithdrawn, withdrawn_by=withdrawn_by, reason=reason, meta=meta
        )

    def terminate(self, *, reason: str, effective_on: date, meta: Envelope) -> None:
        """Either party ends the agreement from ``effective_on`` (the first day it no longer
        applies); a proposal not yet countersigned is withdrawn or declined this way."""
        terminated_by = self._check_step(meta)
        today = record_date(meta)  # not business time: a backdated termination would reach back too
        if effective_on < today:
            raise TerminationDateError(
                f"A termination takes effect on or after the day it is made ({today}); "
                f"effective_on {effective_on} would reach back over the past.",
                effective_on=effective_on.isoformat(),
            )
        self.trigger_event(
            self.Terminated,
            terminated_by=terminated_by,
            reason=reason,
            effective_on=effective_on,
            meta=meta,
        )

    # --- queries --------------------------------------------------------------------------

    @property
    def parties(self) -> tuple[Party, Party]:
        return (self.proposer, self.counterparty)

    def is_party(self, participant_id: UUID | None) -> bool:
        return participant_id in (self.proposer.id, self.counterparty.id)

    def other_party(self, participant_id: UUID) -> Party:
        return self.counterparty if participant_id == self.proposer.id else self.proposer

    @property
    def is_terminated(self) -> bool:
        return self.termination is not None

    def terms_on(self, day: date) -> Terms | None:
        """The agreed terms that applied on ``day`` (``None`` before the countersignature)."""
        applying = None
        for period in self.periods:
            if period.effective_from > day:
                break
            applying = period.terms
        return applying

    def in_force_on(self, day: date, category: str | None = None) -> bool:
        """Whether the agreement applied on ``day`` (and covered ``category``, if given)."""
        if self.termination is not None and day >= self.termination.effective_on:
            return False
        terms = self.terms_on(day)
        if terms is None or not terms.runs_on(day):
            return False
        return category is None or terms.covers(category)

    def status_on(self, day: date, party_revoked_on: date | None = None) -> AgreementStatus:
        """The status on ``day``; an agreement still running when either party's qualification
        was revoked (``party_revoked_on``, the earlier if both were) ends that day."""
        status = self._status_on(day)
        if party_revoked_on is None or day < party_revoked_on:
            return status
        ended = {AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}
        return (
            status
            if self._status_on(party_revoked_on) in ended
            else (AgreementStatus.PARTY_REVOKED)
        )

    def _status_on(self, day: date) -> AgreementStatus:
        termination = self.termination
        if termination is not None and (self.signed_on is None or day >= termination.effective_on):
            return AgreementStatus.TERMINATED
        if self.signed_on is None:
            return AgreementStatus.PROPOSED
        terms = self.terms_on(day)
        if terms is None or day < terms.starts_on:
            return AgreementStatus.NOT_YET_IN_FORCE
        if day > terms.ends_on:
            return AgreementStatus.EXPIRED
        return AgreementStatus.IN_FORCE

    # --- rules shared by the commands -----------------------------------------------------

    def _check_step(self, meta: Envelope) -> UUID:
        """The acting party, once it is known to be one, on a live agreement, in time order."""
        actor = meta.platform_id
        if actor is None or not self.is_party(actor):
            raise NotAPartyError("Only the two parties act on an agreement.")
        if self.termination is not None:
            raise AgreementTerminatedError(
                f"This agreement was terminated (from {self.termination.effective_on}); "
                "it accepts nothing more. Propose a new agreement instead.",
            )
        last = self.last_occurred_at
        if last is not None and meta.occurred_at < last:
            raise OccurredBeforePreviousStepError(
                f"occurred_at {meta.occurred_at.isoformat()} is before the agreement's previous "
                f"step ({last.isoformat()}).",
                previous_occurred_at=last.isoformat(),
            )
        return actor

    def _check_signed(self, action: str) -> None:
        if self.signed_on is None:
            raise AgreementStepOutOfOrderError(
                f"Only a countersigned agreement can be {action}; this one is still a proposal."
            )

    def _pending(self) -> PendingAmendment:
        if self.pending_amendment is None:
            raise NoPendingAmendmentError("This agreement has no pending amendment.")
        return self.pending_amendment

    @staticmethod
    def _check_digest(document_sha256: str, terms: Terms) -> None:
        if document_sha256.strip().lower() != terms.document_sha256:
            raise DocumentDigestMismatchError(
                "The document countersigned is not the one proposed: its SHA-256 differs. "
                "Check that both parties hold the same text.",
                proposed_sha256=terms.document_sha256,
            )
