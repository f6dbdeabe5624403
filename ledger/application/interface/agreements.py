"""Views of service agreements.

An agreement's status depends on the day asked about (it expires without an event), so every
view is computed from the agreement *and a day*: the caller chooses the day (the API defaults to
today in Ningxia), and the same state and day always give the same view.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_terms import Party, Termination, Terms

__all__ = [
    "AgreementList",
    "AgreementStatusName",
    "AgreementView",
    "PartyKindName",
    "agreement_view",
]

AgreementStatusName = Literal[
    "proposed", "not_yet_in_force", "in_force", "expired", "terminated", "party_revoked"
]
"""The values of :class:`ledger.domain.agreement_terms.AgreementStatus`."""
PartyKindName = Literal["hub", "window", "institution"]
"""The values of :class:`ledger.domain.agreement_terms.PartyKind`."""


class AgreementParty(TypedDict):
    """One side of an agreement: a platform (hub or window) or an institution, by id."""

    kind: PartyKindName
    id: str


class AgreementTerms(TypedDict):
    """What the parties agreed: scope (service category codes), term (days included, ISO
    dates) and the SHA-256 of the signed document."""

    categories: list[str]
    starts_on: str
    ends_on: str
    document_sha256: str


class AgreementTermsPeriod(TypedDict):
    """Terms that apply from a countersignature's day until replaced."""

    effective_from: str
    terms: AgreementTerms


class PendingAmendment(TypedDict):
    """An amendment proposed by one party, awaiting the other's countersignature."""

    proposed_by: str
    terms: AgreementTerms
    """The terms as they would be once countersigned."""
    note: str


class AgreementTermination(TypedDict):
    """Who terminated the agreement, why, and from which day."""

    terminated_by: str
    reason: str
    effective_on: str


class AgreementView(Resource):
    """A service agreement as it stands on a day (``as_on``): its status, its terms and the
    terms that apply on that day."""

    external_ref: str
    title: str
    proposer: AgreementParty
    counterparty: AgreementParty
    as_on: str
    status: AgreementStatusName
    """On ``as_on``; ``party_revoked`` from the day either party's qualification was revoked:
    revocation ends a participant's agreements (Art. 13)."""
    party_revoked_on: str | None
    """The day a party's qualification was revoked (the earlier, if both were), if one was by
    ``as_on``."""
    terms: AgreementTerms
    """The terms last proposed or agreed."""
    terms_applying: AgreementTerms | None
    """The agreed terms that apply on ``as_on`` (``null`` before the countersignature)."""
    signed_on: str | None
    periods: list[AgreementTermsPeriod]
    pending_amendment: PendingAmendment | None
    termination: AgreementTermination | None


class AgreementList(PageFields):
    """The agreements a key may see, in the order proposed, as they stand on ``as_on``."""

    as_on: str
    agreements: list[AgreementView]


def _terms(terms: Terms) -> AgreementTerms:
    return {
        "categories": list(terms.categories),
        "starts_on": terms.starts_on.isoformat(),
        "ends_on": terms.ends_on.isoformat(),
        "document_sha256": terms.document_sha256,
    }


def _party(party: Party) -> AgreementParty:
    return {"kind": plain(party.kind), "id": str(party.id)}


def _termination(termination: Termination) -> AgreementTermination:
    return {
        "terminated_by": str(termination.terminated_by),
        "reason": termination.reason,
        "effective_on": termination.effective_on.isoformat(),
    }


def agreement_view(
    agreement: Agreement, as_on: date, party_revoked_on: date | None = None
) -> AgreementView:
    """The agreement as it stands, with its status and the terms that apply on ``as_on``
    (ended from ``party_revoked_on``, the day a party's qualification was revoked, if any)."""
    pending, applying = agreement.pending_amendment, agreement.terms_on(as_on)
    return {
        **common(agreement),
        "external_ref": agreement.external_ref,
        "title": agreement.title,
        "proposer": _party(agreement.proposer),
        "counterparty": _party(agreement.counterparty),
        "as_on": as_on.isoformat(),
        "status": plain(agreement.status_on(as_on, party_revoked_on)),
        "party_revoked_on": plain(party_revoked_on),
        "terms": _terms(agreement.terms),
        "terms_applying": None if applying is None else _terms(applying),
        "signed_on": plain(agreement.signed_on),
        "periods": [
            {"effective_from": p.effective_from.isoformat(), "terms": _terms(p.terms)}
            for p in agreement.periods
        ],
        "pending_amendment": None
        if pending is None
        else {
            "proposed_by": str(pending.proposed_by),
            "terms": _terms(pending.terms),
            "note": pending.note,
        },
        "termination": None
        if agreement.termination is None
        else _termination(agreement.termination),
    }
