"""The values an agreement is made of: its parties, its terms (scope, term, document) and its
status on a day. The rules they carry are explained in :mod:`ledger.domain.agreement`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from ledger.domain import reference
from ledger.domain.errors import AgreementScopeError, AgreementTermError, InvalidDocumentDigestError
from ledger.domain.values import parse_category, parse_sha256


class PartyKind(StrEnum):
    HUB = "hub"
    WINDOW = "window"
    INSTITUTION = "institution"


@dataclass(frozen=True)
class Party:
    """One side of an agreement: a platform (hub or window) or an institution, by id."""

    kind: PartyKind
    id: UUID


ALLOWED_PAIRS = frozenset(
    {
        frozenset({PartyKind.HUB, PartyKind.WINDOW}),
        frozenset({PartyKind.WINDOW}),  # window–window
        frozenset({PartyKind.HUB, PartyKind.INSTITUTION}),
        frozenset({PartyKind.WINDOW, PartyKind.INSTITUTION}),
    }
)


@dataclass(frozen=True)
class Terms:
    """What the parties agreed: scope (category codes), term (days included) and document."""

    categories: tuple[str, ...]
    starts_on: date
    ends_on: date
    document_sha256: str

    def covers(self, category: str) -> bool:
        """The scope names ``category`` or its first-level code."""
        if category in self.categories:
            return True
        known = reference.categories().get(category)
        return known is not None and known.parent in self.categories

    def runs_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def check_terms(
    categories: Iterable[str], starts_on: date, ends_on: date, document_sha256: str
) -> Terms:
    """Canonical terms (sorted, unique, validated codes; lower-case digest), or the rule broken."""
    scope = tuple(sorted({parse_category(c) for c in categories}))
    if not scope:
        raise AgreementScopeError(
            "An agreement covers at least one service category; name its codes in categories."
        )
    if ends_on <= starts_on:
        raise AgreementTermError(
            f"The term must end after it starts; ends_on {ends_on} is not after starts_on "
            f"{starts_on}.",
            starts_on=starts_on.isoformat(),
            ends_on=ends_on.isoformat(),
        )
    digest = parse_sha256(
        document_sha256,
        error=InvalidDocumentDigestError,
        detail="document_sha256 is the SHA-256 of the signed document, as 64 hexadecimal "
        "characters (e.g. the output of `sha256sum agreement.pdf`)",
    )
    return Terms(scope, starts_on, ends_on, digest)


@dataclass(frozen=True)
class Amendment:
    """New terms proposed by one party; fields left ``None`` keep the current terms."""

    categories: Sequence[str] | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    document_sha256: str | None = None
    note: str = ""


@dataclass(frozen=True)
class TermsPeriod:
    """Terms that apply from ``effective_from`` (a countersignature's day) until replaced."""

    effective_from: date
    terms: Terms


@dataclass(frozen=True)
class PendingAmendment:
    proposed_by: UUID
    terms: Terms
    note: str


@dataclass(frozen=True)
class Termination:
    terminated_by: UUID
    reason: str
    effective_on: date


class AgreementStatus(StrEnum):
    PROPOSED = "proposed"
    NOT_YET_IN_FORCE = "not_yet_in_force"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"
    PARTY_REVOKED = "party_revoked"
    """Ended on the day either party's qualification was revoked (Art. 13)."""
