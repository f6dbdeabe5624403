"""Builders for the agreement domain tests: parties, terms, and agreements at each step."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from ledger.domain.agreement import Agreement
from ledger.domain.agreement_terms import Amendment, Party, PartyKind, Terms
from ledger.domain.envelope import Envelope

HUB = Party(PartyKind.HUB, UUID("00000000-0000-4000-8000-00000000a001"))
WINDOW = Party(PartyKind.WINDOW, UUID("00000000-0000-4000-8000-00000000a002"))
OTHER_WINDOW = Party(PartyKind.WINDOW, UUID("00000000-0000-4000-8000-00000000a003"))
INSTITUTION = Party(PartyKind.INSTITUTION, UUID("00000000-0000-4000-8000-00000000a004"))
OTHER_INSTITUTION = Party(PartyKind.INSTITUTION, UUID("00000000-0000-4000-8000-00000000a005"))
OUTSIDER = UUID("00000000-0000-4000-8000-00000000a0ff")

DIGEST = "a" * 64
NEW_DIGEST = "b" * 64
START = date(2026, 1, 1)
END = date(2026, 12, 31)
TERMS = Terms(("14",), START, END, DIGEST)
# Proposed and countersigned on 2 March 2026 (Ningxia dates), unless a test says otherwise.
SIGNED_ON = date(2026, 3, 2)


def at(day: date, party: UUID, hour: int = 10) -> Envelope:
    """``party`` acting at ``hour`` o'clock in Ningxia on ``day``."""
    when = datetime(day.year, day.month, day.day, hour, tzinfo=UTC) - timedelta(hours=8)
    return Envelope("key:test", party, "req-test", None, when)


def proposed(
    proposer: Party = WINDOW,
    counterparty: Party = INSTITUTION,
    terms: Terms = TERMS,
    on: date = SIGNED_ON,
) -> Agreement:
    """Proposed at 09:00 in Ningxia on ``on`` (2 March 2026 by default)."""
    return Agreement.propose(
        proposer=proposer,
        counterparty=counterparty,
        external_ref="XY-2026-001",
        title="服务合作协议",
        terms=terms,
        meta=at(on, proposer.id, hour=9),
    )


def signed(terms: Terms = TERMS, on: date = SIGNED_ON) -> Agreement:
    agreement = proposed(terms=terms)
    agreement.countersign(document_sha256=terms.document_sha256, meta=at(on, INSTITUTION.id))
    return agreement


def amended(
    on: date = date(2026, 6, 1), amendment: Amendment | None = None, by: Party = WINDOW
) -> Agreement:
    """Signed on 2 March; an amendment (adding category 15) proposed by ``by`` and
    countersigned by the other party on ``on``."""
    agreement = signed()
    agreement.propose_amendment(
        amendment or Amendment(categories=["14", "15"], document_sha256=NEW_DIGEST),
        at(on, by.id, hour=9),
    )
    other = INSTITUTION if by == WINDOW else WINDOW
    pending = agreement.pending_amendment
    assert pending is not None
    agreement.countersign_amendment(
        document_sha256=pending.terms.document_sha256, meta=at(on, other.id)
    )
    return agreement
