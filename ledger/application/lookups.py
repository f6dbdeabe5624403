"""The reads one capability makes of another's aggregates, each with the rule it checks.

A case is recorded only by a connected window, delivered only under an agreement in force; a
budget is proposed only by a connected hub; a report is requested only from a connected window.
These rules read aggregates other than the one a command changes, and several capabilities share
them, so they live here, once, over the :class:`~ledger.application.ports.Store` port.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ledger.application.ports import Store
from ledger.domain import ids
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_index import AgreementIndex
from ledger.domain.agreement_terms import Party, PartyKind
from ledger.domain.alliance import AllianceMembership
from ledger.domain.budget import Budget
from ledger.domain.claim import Claim, ClaimKind, claim_stream
from ledger.domain.enterprise import Enterprise
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AgreementNotFoundError,
    BudgetNotFoundError,
    EnterpriseNotFoundError,
    ExpertNotFoundError,
    InstitutionNotFoundError,
    NoAgreementInForceError,
    NotFoundError,
    PeriodNotFoundError,
    PlatformNotConnectedError,
    PlatformNotFoundError,
    RevokedError,
    UnknownEnterpriseError,
    UnknownInstitutionError,
    UnknownParticipantError,
    UnknownPartyError,
    UnknownSubjectError,
    UnknownWindowError,
    WrongPlatformKindError,
    YearNotClosedError,
)
from ledger.domain.expert import Expert
from ledger.domain.institution import Institution
from ledger.domain.period import Period, PeriodLabel
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.standing import StandingAggregate


def acting_platform(meta: Envelope, detail: str) -> UUID:
    """The platform a command acts for, refused (``detail`` says who acts) when there is none."""
    if meta.platform_id is None:
        raise WrongPlatformKindError(detail)
    return meta.platform_id


class Lookups:
    """Reads of participants and agreements, each refusing what the network rules refuse."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- platforms -------------------------------------------------------------------------

    def platform(self, platform_id: UUID) -> Platform:
        return self.store.load(platform_id, Platform, PlatformNotFoundError, "platform")

    def connected_window(self, platform_id: UUID) -> Platform:
        """The window platform that is acting, refused unless it is connected."""
        platform = self.platform(platform_id)
        if platform.kind is not PlatformKind.WINDOW:
            raise WrongPlatformKindError(
                f"Platform {platform_id} is a {platform.kind} platform; only windows record cases."
            )
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Platform {platform_id} is {platform.status}; only connected platforms record "
                "services."
            )
        return platform

    def connected_hub(self, platform_id: UUID) -> Platform:
        """The hub platform that is acting, refused unless it is a connected hub."""
        platform = self.platform(platform_id)
        if platform.kind is not PlatformKind.HUB:
            raise WrongPlatformKindError(
                f"Platform {platform_id} is a {platform.kind} platform; only the hub proposes "
                "budgets and requests disbursements."
            )
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Platform {platform_id} is {platform.status}; only a connected hub acts on "
                "budgets."
            )
        return platform

    def hub_or_network_actor(self, meta: Envelope) -> None:
        """A principal acting for a platform must be a connected hub (the bureau acts for none)."""
        if meta.platform_id is not None:
            self.connected_hub(meta.platform_id)

    def organising_platform(self, platform_id: UUID) -> Platform:
        """The hub or window that organises activities, refused unless it is connected."""
        platform = self.platform(platform_id)
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Platform {platform_id} is {platform.status}; only connected platforms organise "
                "activities."
            )
        return platform

    def reporting_window(self, window_id: UUID) -> Platform:
        """The window a data report is requested from, refused unless it is a connected window."""
        try:
            platform = self.platform(window_id)
        except PlatformNotFoundError:
            raise UnknownWindowError(
                f"No window platform with id {window_id}; data reports are requested from "
                "registered windows.",
                window_id=str(window_id),
            ) from None
        if platform.kind is not PlatformKind.WINDOW:
            raise UnknownWindowError(
                f"Platform {window_id} is a {platform.kind} platform; data reports are requested "
                "from windows.",
                window_id=str(window_id),
            )
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Window {window_id} is {platform.status}; only connected windows report."
            )
        return platform

    # --- periods ---------------------------------------------------------------------------

    def closed_year(self, year: int) -> Period:
        """The year ``year``, refused unless the hub has closed it."""
        try:
            return self.store.load(
                PeriodLabel(year).stream_id, Period, PeriodNotFoundError, "period"
            )
        except PeriodNotFoundError:
            raise YearNotClosedError(
                f"{year} is not closed: an appraisal reads a closed year, whose figures no "
                f"longer change. The hub closes it (POST /v1/periods) once it has ended.",
                year=year,
            ) from None

    # --- budgets ---------------------------------------------------------------------------

    def budget(self, budget_id: UUID) -> Budget:
        """The budget ``budget_id`` as it is now (a disbursement's steps move money on it)."""
        return self.store.load(budget_id, Budget, BudgetNotFoundError, "budget")

    # --- enterprises, institutions, experts ------------------------------------------------

    def enterprise(self, uscc: str) -> Enterprise:
        return self.store.load(
            ids.enterprise_id(uscc.strip().upper()),
            Enterprise,
            EnterpriseNotFoundError,
            "enterprise",
        )

    def registered_enterprise(self, uscc: str) -> Enterprise:
        """The enterprise a record names, refused (with what to do) if it is not registered."""
        try:
            return self.enterprise(uscc)
        except EnterpriseNotFoundError:
            raise UnknownEnterpriseError(
                f"No enterprise with USCC {uscc} is registered; register it first "
                "(POST /v1/enterprises).",
                uscc=uscc,
            ) from None

    def institution(self, institution_id: UUID) -> Institution:
        return self.store.load(institution_id, Institution, InstitutionNotFoundError, "institution")

    def assignable_institution(self, institution_id: UUID) -> Institution:
        """An institution a case may be assigned to: registered, qualification not revoked."""
        try:
            institution = self.institution(institution_id)
        except InstitutionNotFoundError:
            raise UnknownInstitutionError(
                f"No institution with id {institution_id} is registered; the hub registers "
                "institutions (POST /v1/institutions).",
                id=str(institution_id),
            ) from None
        if institution.is_revoked:
            raise RevokedError(
                f"Institution {institution.name} ({institution_id}) has had its qualification "
                "revoked; assign the case to another institution.",
                id=str(institution_id),
            )
        return institution

    def expert(self, expert_id: UUID) -> Expert:
        return self.store.load(expert_id, Expert, ExpertNotFoundError, "expert")

    # --- participants and agreements -------------------------------------------------------

    def subject(self, subject_id: UUID) -> StandingAggregate:
        """The platform or institution ``subject_id`` (what is appraised and has a standing)."""
        subject = self.store.find(subject_id)
        if not isinstance(subject, StandingAggregate):
            raise UnknownSubjectError(
                f"{subject_id} is neither a platform nor an institution of the network."
            )
        return subject

    def participant(self, participant_id: UUID) -> tuple[Party, StandingAggregate]:
        """The party ``participant_id`` is (a hub, a window or an institution) and its record."""
        subject = self.store.find(participant_id)
        if isinstance(subject, Platform):
            return Party(PartyKind(subject.kind.value), subject.id), subject
        if isinstance(subject, Institution):
            return Party(PartyKind.INSTITUTION, subject.id), subject
        raise UnknownPartyError(
            f"{participant_id} is neither a platform nor a registered institution; an agreement "
            "is made between platforms of the network and institutions registered by the hub.",
            id=str(participant_id),
        )

    def network_participant(self, participant_id: UUID, what: str) -> PartyKind:
        """What ``participant_id`` is (a hub, a window or an institution), refused (``what``
        says for what it is named) unless it is one of the network's."""
        subject = self.store.find(participant_id)
        if isinstance(subject, Platform):
            return PartyKind(subject.kind.value)
        if isinstance(subject, Institution):
            return PartyKind.INSTITUTION
        raise UnknownParticipantError(
            f"{participant_id} is neither a platform nor a registered institution; {what}.",
            participant_id=str(participant_id),
        )

    def alliance_membership(self, member_id: UUID) -> AllianceMembership | None:
        """The alliance membership of ``member_id``, if it ever joined."""
        membership = self.store.find(ids.alliance_membership_id(member_id))
        return membership if isinstance(membership, AllianceMembership) else None

    def agreement_index(self, party_id: UUID, other_party_id: UUID) -> AgreementIndex | None:
        index = self.store.find(ids.agreement_index_id(party_id, other_party_id))
        return index if isinstance(index, AgreementIndex) else None

    def agreements_between(self, party_id: UUID, other_party_id: UUID) -> list[Agreement]:
        """Every agreement between the two parties, in the order proposed (one index read)."""
        index = self.agreement_index(party_id, other_party_id)
        if index is None:
            return []
        return [
            self.store.load(a, Agreement, AgreementNotFoundError, "agreement")
            for a in index.agreement_ids
        ]

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

    # --- uses that happen once in the network (ledger.domain.claim) -----------------------

    def claim(self, kind: ClaimKind, value: str, holder_id: UUID, meta: Envelope) -> Claim:
        """``value`` claimed for ``holder_id`` (saved with it), or its second use refused."""
        claim = self.held_claim(kind, value)
        if claim is None:
            return Claim.make(kind, value, holder_id, meta)
        claim.take(holder_id, meta)
        return claim

    def held_claim(self, kind: ClaimKind, value: str) -> Claim | None:
        """The claim on ``value``, if it was ever made (a use recorded before claims existed
        has none)."""
        try:
            return self.store.load(claim_stream(kind, value), Claim, NotFoundError, "claim")
        except NotFoundError:
            return None
