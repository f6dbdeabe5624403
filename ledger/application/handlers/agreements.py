"""Service agreements: proposed, countersigned, amended and terminated by their two parties.

Every command acts for the party its key is bound to (a key bound to none is refused before
anything is read). A window or an institution is told another pair's agreement does not exist;
the hub reads every agreement, so for it the domain names the rule it breaks (not a party).

The agreements between a pair of parties are found through an :class:`AgreementIndex` stream
saved with each proposal (one read, however large the log), not through a projection: the rule
other capabilities ask of them (:meth:`Lookups.agreement_in_force`) must hold at the moment a
delivery is decided, and a projection may lag.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from ledger.application.capability import Capability, Command, View, acts, handles
from ledger.application.commands.agreements import (
    CountersignAgreement,
    CountersignAmendment,
    ProposeAgreement,
    ProposeAmendment,
    TerminateAgreement,
    WithdrawAmendment,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface.agreements import agreement_view
from ledger.application.lookups import Lookups
from ledger.application.uow import UnitOfWork
from ledger.application.writes import Decision, Outcome, Write
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_index import AgreementIndex
from ledger.domain.agreement_terms import PartyKind
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AgreementExistsError,
    AgreementNotFoundError,
    ConcurrentModificationError,
    NotAPartyError,
    RevokedError,
)
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.standing import StandingAggregate
from ledger.domain.time import CST, business_date

# Two proposals between the same pair, decided at once, race on the pair's index: the loser
# recorded nothing, so it is decided again on the index as it now stands. Each lost race means
# another proposal was recorded, so this many attempts carry that many simultaneous proposals.
INDEX_RACE_ATTEMPTS = 5

PARTY_ROLES = frozenset({Role.WINDOW, Role.INSTITUTION})
"""Roles that act for one participant and so see only that participant's agreements."""


class Agreements(Capability[Agreement]):
    aggregate = Agreement
    resource_type = "agreement"
    label = "agreement"
    not_found = AgreementNotFoundError
    target = "agreement_id"
    dated = True

    def __init__(self, lookups: Lookups, uow: UnitOfWork) -> None:
        self.lookups = lookups
        self.uow = uow

    def view(self, aggregate: Agreement, on: date) -> View:
        return agreement_view(aggregate, on, self.party_revoked_on(aggregate, on))

    def views(self, agreements: Sequence[Agreement], on: date) -> list[View]:
        """The views of a page of agreements, reading each party's standing once."""
        revoked: dict[UUID, date | None] = {}
        return [agreement_view(a, on, self.party_revoked_on(a, on, revoked)) for a in agreements]

    def party_revoked_on(
        self, agreement: Agreement, on: date, known: dict[UUID, date | None] | None = None
    ) -> date | None:
        """The day a party's qualification was revoked, by ``on`` (the earlier of the two);
        ``known``: the parties already read (their revocation day, if any)."""
        known = {} if known is None else known
        days = []
        for party in (agreement.proposer, agreement.counterparty):
            if party.id not in known:
                subject = self.lookups.store.find(party.id)
                revoked_at = (
                    subject.standing_at
                    if isinstance(subject, StandingAggregate) and subject.is_revoked
                    else None
                )
                known[party.id] = None if revoked_at is None else revoked_at.astimezone(CST).date()
            day = known[party.id]
            if day is not None and day <= on:
                days.append(day)
        return min(days, default=None)

    def visible(self, aggregate: Agreement, principal: Principal) -> bool:
        return principal.role not in PARTY_ROLES or aggregate.is_party(principal.platform_id)

    def guard(self, aggregate: Agreement, command: object, context: RequestContext) -> None:
        actor_id = _acting_party_id(context.principal.platform_id)
        if aggregate.is_party(actor_id):
            return
        _, subject = self.lookups.participant(actor_id)
        if not (isinstance(subject, Platform) and subject.kind is PlatformKind.HUB):
            raise self.missing(aggregate.id)

    def write(
        self, command: Command[Any], context: RequestContext, meta: Envelope
    ) -> Write[Agreement]:
        # A key that acts for no party is refused before anything is loaded or replayed.
        _acting_party_id(meta.platform_id)
        return super().write(command, context, meta)

    # --- commands --------------------------------------------------------------------------

    @handles(ProposeAgreement)
    def propose(self, command: ProposeAgreement, context: RequestContext) -> Outcome:
        """Decided (and decided again, if it loses a race on the pair's index) and saved with
        the pair's index, so the agreements between two parties are one read away."""
        meta = self.uow.envelope(context, command.occurred_at)
        proposer_id = _acting_party_id(meta.platform_id)
        write = Write(
            stream_id=ids.agreement_id(proposer_id, command.external_ref),
            aggregate_type=Agreement,
            decide=lambda _: self._proposed(proposer_id, command, meta),
            resource_type=self.resource_type,
            render=self._render(meta),
            not_found=self.not_found,
            exists=AgreementExistsError,
        )
        attempt = 1
        while True:
            try:
                return self.uow.run(write, meta, context.idempotency)
            except ConcurrentModificationError:
                # The agreement itself is new (a second one with this reference would be
                # AgreementExistsError): the race was on the pair's index, so decide again.
                if attempt == INDEX_RACE_ATTEMPTS:
                    raise ConcurrentModificationError(
                        "Other agreements between these parties were being proposed at the same "
                        "time; nothing was recorded. Retry.",
                    ) from None
                attempt += 1

    @acts(CountersignAgreement)
    def countersign(
        self, agreement: Agreement, command: CountersignAgreement, meta: Envelope
    ) -> list[LedgerAggregate]:
        """The counterparty signs; an institution party joins the network by it, atomically."""
        agreement.countersign(document_sha256=command.document_sha256, meta=meta)
        self._check_parties_not_revoked(agreement)
        joined: list[LedgerAggregate] = []
        for party in agreement.parties:
            if party.kind is PartyKind.INSTITUTION:
                institution = self.lookups.institution(party.id)
                institution.join(agreement.id, meta)
                joined.append(institution)
        return joined

    @acts(ProposeAmendment)
    def propose_amendment(
        self, agreement: Agreement, command: ProposeAmendment, meta: Envelope
    ) -> None:
        agreement.propose_amendment(command.amendment, meta)
        self._check_parties_not_revoked(agreement)

    @acts(CountersignAmendment)
    def countersign_amendment(
        self, agreement: Agreement, command: CountersignAmendment, meta: Envelope
    ) -> None:
        agreement.countersign_amendment(document_sha256=command.document_sha256, meta=meta)
        self._check_parties_not_revoked(agreement)

    @acts(WithdrawAmendment)
    def withdraw_amendment(
        self, agreement: Agreement, command: WithdrawAmendment, meta: Envelope
    ) -> None:
        agreement.withdraw_amendment(reason=command.reason, meta=meta)

    @acts(TerminateAgreement)
    def terminate(self, agreement: Agreement, command: TerminateAgreement, meta: Envelope) -> None:
        """Either party ends the agreement. A revoked other party is no obstacle: ending an
        agreement with a participant that left the network is exactly what should happen."""
        agreement.terminate(reason=command.reason, effective_on=command.effective_on, meta=meta)

    # --- internals -------------------------------------------------------------------------

    def _proposed(
        self, proposer_id: UUID, command: ProposeAgreement, meta: Envelope
    ) -> Decision[Agreement]:
        """The new agreement, and the pair's index with it added (neither yet saved)."""
        proposer, proposer_subject = self.lookups.participant(proposer_id)
        counterparty, counterparty_subject = self.lookups.participant(command.counterparty_id)
        _check_not_revoked(proposer_subject, "proposer")
        _check_not_revoked(counterparty_subject, "counterparty")
        agreement = Agreement.propose(
            proposer=proposer,
            counterparty=counterparty,
            external_ref=command.external_ref,
            title=command.title,
            terms=command.terms,
            meta=meta,
        )
        index = self.lookups.agreement_index(
            proposer_id, command.counterparty_id
        ) or AgreementIndex.open(proposer_id, command.counterparty_id, meta)
        index.add(agreement.id, meta)
        return Decision(agreement, (index,))

    def _check_parties_not_revoked(self, agreement: Agreement) -> None:
        for party in agreement.parties:
            _, subject = self.lookups.participant(party.id)
            _check_not_revoked(subject, f"party {party.id}")

    def _render(self, meta: Envelope) -> Callable[[Agreement], View]:
        """A command's answer shows the agreement as on the command's business date."""
        on = business_date(meta)
        return lambda agreement: self.view(agreement, on)


def _acting_party_id(platform_id: UUID | None) -> UUID:
    if platform_id is None:
        raise NotAPartyError(
            "Agreements are made by the hub, windows and institutions; this key acts for none."
        )
    return platform_id


def _check_not_revoked(subject: StandingAggregate, who: str) -> None:
    if subject.is_revoked:
        raise RevokedError(
            f"The {who} ({subject.id}) has had its qualification revoked; it can no longer "
            "propose or sign agreements.",
            id=str(subject.id),
        )
