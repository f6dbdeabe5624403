"""Service agreements: proposed, countersigned, amended and terminated by their two parties;
and the rule other capabilities ask of them: is an agreement in force between two parties,
covering a category, on a day?

The agreements between a pair of parties are found through an :class:`AgreementIndex` stream
saved with each proposal (one read, however large the log), not through a projection: the rule
must hold at the moment a delivery is decided, and a projection may lag. Listing agreements by
party, which is rare and not on any write path, scans the log like the other list queries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.agreements import JSON, agreement_view
from ledger.application.mixins.institutions import InstitutionCommands
from ledger.application.mixins.platforms import PlatformCommands
from ledger.application.uow import Decision, Outcome, Write
from ledger.domain import ids
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_index import AgreementIndex
from ledger.domain.agreement_terms import Amendment, Party, PartyKind, Terms
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AgreementExistsError,
    AgreementNotFoundError,
    ConcurrentModificationError,
    NoAgreementInForceError,
    NotAPartyError,
    RevokedError,
    UnknownPartyError,
)
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.standing import StandingAggregate
from ledger.domain.time import business_date

# Two proposals between the same pair, decided at once, race on the pair's index: the loser
# recorded nothing, so it is decided again on the index as it now stands. Each lost race means
# another proposal was recorded, so this many attempts carry that many simultaneous proposals.
INDEX_RACE_ATTEMPTS = 5

Action = Callable[[Agreement], Agreement | Decision[Agreement]]


class AgreementCommands(InstitutionCommands, PlatformCommands):
    def propose_agreement(
        self,
        *,
        counterparty_id: UUID,
        external_ref: str,
        title: str,
        terms: Terms,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """The acting hub or window proposes an agreement to ``counterparty_id``."""
        proposer_id = _acting_party_id(meta)

        def decide(_: Agreement | None) -> Decision[Agreement]:
            proposer, proposer_subject = self._participant(proposer_id)
            counterparty, counterparty_subject = self._participant(counterparty_id)
            _check_not_revoked(proposer_subject, "proposer")
            _check_not_revoked(counterparty_subject, "counterparty")
            agreement = Agreement.propose(
                proposer=proposer,
                counterparty=counterparty,
                external_ref=external_ref,
                title=title,
                terms=terms,
                meta=meta,
            )
            index = self._index(proposer_id, counterparty_id) or AgreementIndex.open(
                proposer_id, counterparty_id, meta
            )
            index.add(agreement.id, meta)
            return Decision(agreement, (index,))

        command = Write(
            stream_id=ids.agreement_id(proposer_id, external_ref),
            aggregate_type=Agreement,
            decide=decide,
            resource_type="agreement",
            render=_render(meta),
            not_found=AgreementNotFoundError,
            exists=AgreementExistsError,
        )
        attempt = 1
        while True:
            try:
                return self.uow.run(command, meta, idempotency)
            except ConcurrentModificationError:
                # The agreement itself is new (a second one with this reference would be
                # AgreementExistsError): the race was on the pair's index, so decide again.
                if attempt == INDEX_RACE_ATTEMPTS:
                    raise ConcurrentModificationError(
                        "Other agreements between these parties were being proposed at the same "
                        "time; nothing was recorded. Retry.",
                    ) from None
                attempt += 1

    def countersign_agreement(
        self,
        agreement_id: UUID,
        *,
        document_sha256: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """The counterparty signs; an institution party joins the network by it, atomically."""

        def action(agreement: Agreement) -> Decision[Agreement]:
            agreement.countersign(document_sha256=document_sha256, meta=meta)
            self._check_parties_not_revoked(agreement)
            joined: list[LedgerAggregate] = []
            for party in agreement.parties:
                if party.kind is PartyKind.INSTITUTION:
                    institution = self.get_institution(party.id)
                    institution.join(agreement.id, meta)
                    joined.append(institution)
            return Decision(agreement, tuple(joined))

        return self._act(agreement_id, action, meta, expected_version, idempotency)

    def propose_amendment(
        self,
        agreement_id: UUID,
        amendment: Amendment,
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def action(agreement: Agreement) -> Agreement:
            agreement.propose_amendment(amendment, meta)
            self._check_parties_not_revoked(agreement)
            return agreement

        return self._act(agreement_id, action, meta, expected_version, idempotency)

    def countersign_amendment(
        self,
        agreement_id: UUID,
        *,
        document_sha256: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def action(agreement: Agreement) -> Agreement:
            agreement.countersign_amendment(document_sha256=document_sha256, meta=meta)
            self._check_parties_not_revoked(agreement)
            return agreement

        return self._act(agreement_id, action, meta, expected_version, idempotency)

    def withdraw_amendment(
        self,
        agreement_id: UUID,
        *,
        reason: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def action(agreement: Agreement) -> Agreement:
            agreement.withdraw_amendment(reason=reason, meta=meta)
            return agreement

        return self._act(agreement_id, action, meta, expected_version, idempotency)

    def terminate_agreement(
        self,
        agreement_id: UUID,
        *,
        reason: str,
        effective_on: date,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Either party ends the agreement. A revoked other party is no obstacle: ending an
        agreement with a participant that left the network is exactly what should happen."""

        def action(agreement: Agreement) -> Agreement:
            agreement.terminate(reason=reason, effective_on=effective_on, meta=meta)
            return agreement

        return self._act(agreement_id, action, meta, expected_version, idempotency)

    # --- queries --------------------------------------------------------------------------

    def get_agreement(self, agreement_id: UUID, version: int | None = None) -> Agreement:
        return self.load(agreement_id, Agreement, AgreementNotFoundError, "agreement", version)

    def agreements_between(self, party_id: UUID, other_party_id: UUID) -> list[Agreement]:
        """Every agreement between the two parties, in the order proposed (one index read)."""
        index = self._index(party_id, other_party_id)
        if index is None:
            return []
        return [self.get_agreement(a) for a in index.agreement_ids]

    def list_agreements(self, party_id: UUID | None = None) -> list[Agreement]:
        """Every agreement (``party_id`` a party to), in the order proposed (through the log)."""
        found: list[Agreement] = []
        for notification in self.scan([get_topic(Agreement.Proposed)]):
            proposed = cast(Agreement.Proposed, self.mapper.to_domain_event(notification))
            if party_id is None or party_id in (proposed.proposer_id, proposed.counterparty_id):
                found.append(self.get_agreement(proposed.originator_id))
        return found

    def agreement_in_force(
        self, party_id: UUID, other_party_id: UUID, category: str, on: date
    ) -> Agreement:
        """An agreement between the two parties in force on ``on`` and covering ``category``."""
        for agreement in self.agreements_between(party_id, other_party_id):
            if agreement.in_force_on(on, category):
                return agreement
        raise NoAgreementInForceError(
            f"No agreement between {party_id} and {other_party_id} covering category "
            f"{category} was in force on {on}. Record the agreement (and its countersignature) "
            "first, or check the date and the agreement's scope and term.",
            party_id=str(party_id),
            other_party_id=str(other_party_id),
            category=category,
            on=on.isoformat(),
        )

    # --- internals ------------------------------------------------------------------------

    def _act(
        self,
        agreement_id: UUID,
        action: Action,
        meta: Envelope,
        expected_version: int | None,
        idempotency: IdempotencyRequest | None,
    ) -> Outcome:
        actor_id = _acting_party_id(meta)

        def visible(agreement: Agreement) -> None:
            # A window or institution is told another pair's agreement does not exist; the hub
            # reads every agreement, so for it the domain names the rule (not a party).
            if agreement.is_party(actor_id):
                return
            _, subject = self._participant(actor_id)
            if not (isinstance(subject, Platform) and subject.kind is PlatformKind.HUB):
                raise AgreementNotFoundError(
                    f"No agreement with id {agreement_id}.", id=str(agreement_id)
                )

        def decide(agreement: Agreement | None) -> Agreement | Decision[Agreement]:
            if agreement is None:
                raise AgreementNotFoundError(f"No agreement with id {agreement_id}.")
            return action(agreement)

        return self.uow.run(
            Write(
                stream_id=agreement_id,
                aggregate_type=Agreement,
                decide=decide,
                resource_type="agreement",
                render=_render(meta),
                not_found=AgreementNotFoundError,
                expected_version=expected_version,
                guard=visible,
            ),
            meta,
            idempotency,
        )

    def _participant(self, participant_id: UUID) -> tuple[Party, StandingAggregate]:
        """The party ``participant_id`` is (a hub, a window or an institution) and its record."""
        unknown = UnknownPartyError(
            f"{participant_id} is neither a platform nor a registered institution; an agreement "
            "is made between platforms of the network and institutions registered by the hub.",
            id=str(participant_id),
        )
        try:
            subject: LedgerAggregate = self.repository.get(participant_id)
        except AggregateNotFoundError:
            raise unknown from None
        if isinstance(subject, Platform):
            return Party(PartyKind(subject.kind.value), subject.id), subject
        if isinstance(subject, Institution):
            return Party(PartyKind.INSTITUTION, subject.id), subject
        raise unknown

    def _check_parties_not_revoked(self, agreement: Agreement) -> None:
        for party in agreement.parties:
            _, subject = self._participant(party.id)
            _check_not_revoked(subject, f"party {party.id}")

    def _index(self, party_id: UUID, other_party_id: UUID) -> AgreementIndex | None:
        try:
            index: LedgerAggregate = self.repository.get(
                ids.agreement_index_id(party_id, other_party_id)
            )
        except AggregateNotFoundError:
            return None
        return index if isinstance(index, AgreementIndex) else None


def _acting_party_id(meta: Envelope) -> UUID:
    if meta.platform_id is None:
        raise NotAPartyError(
            "Agreements are made by the hub, windows and institutions; this key acts for none."
        )
    return meta.platform_id


def _check_not_revoked(subject: StandingAggregate, who: str) -> None:
    if subject.is_revoked:
        raise RevokedError(
            f"The {who} ({subject.id}) has had its qualification revoked; it can no longer "
            "propose or sign agreements.",
            id=str(subject.id),
        )


def _render(meta: Envelope) -> Callable[[Agreement], JSON]:
    """A command's answer shows the agreement as on the command's business date."""
    on = business_date(meta)
    return lambda agreement: agreement_view(agreement, on)
