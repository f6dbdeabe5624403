"""Service agreements: the hub with every window (Art. 6.5), and windows with the institutions
of their city (Art. 6.4), each proposed by the platform and countersigned by the other party.
During the year a few are amended (a wider scope) and two are terminated by the institution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from demo.names import INSTITUTION_KINDS
from demo.world import DemoWorld, InstitutionRef, Window
from ledger.application.commands.agreements import (
    CountersignAgreement,
    CountersignAmendment,
    ProposeAgreement,
    ProposeAmendment,
    TerminateAgreement,
)
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_terms import Amendment, Terms

NETWORK_SCOPE = ("10", "11", "12", "13", "14", "15", "16", "17")
"""What the hub and a window cooperate on: the eight services."""
SECOND_WINDOW_SHARE = 0.45
"""How many institutions also sign with a second window of their city."""
AMENDED = 3
TERMINATED = 2


@dataclass(frozen=True)
class _Signed:
    id: UUID
    window: Window
    institution: InstitutionRef
    signed_on: date


def seed_agreements(demo: DemoWorld) -> None:
    progress = demo.stage("agreements", len(demo.windows) + len(demo.institutions) + 1)
    for window in demo.windows:
        _hub_with(demo, window)
        progress.tick()
    signed: list[_Signed] = []
    for institution in demo.institutions:
        signed.extend(_windows_with(demo, institution))
        progress.tick()
    _amend_and_terminate(demo, signed)
    for agreement in signed:
        demo.window_agreements.setdefault(agreement.window.id, []).append(
            demo.ledger.get(Agreement, agreement.id)
        )
    progress.tick()


def _hub_with(demo: DemoWorld, window: Window) -> None:
    """The hub proposes; the window countersigns a few days later."""
    proposed_on = demo.days_later(max(window.active_from, date(demo.year, 1, 6)), 1, 10)
    ref = f"HZ-{demo.year}-{window.code}"
    outcome = demo.handle(
        ProposeAgreement(
            counterparty_id=window.id,
            external_ref=ref,
            title=f"{demo.year}—{demo.year + 2}年度枢纽平台与{window.name}服务合作协议",
            terms=Terms(
                NETWORK_SCOPE,
                proposed_on,
                date(demo.year + 2, 12, 31),
                demo.digest("agreement", ref),
            ),
        ),
        demo.as_hub(demo.at(proposed_on, 10)),
    )
    signed_on = demo.days_later(proposed_on, 2, 6)
    demo.handle(
        CountersignAgreement(
            agreement_id=outcome.resource_id, document_sha256=demo.digest("agreement", ref)
        ),
        demo.as_window(window, demo.at(signed_on, 15)),
    )
    demo.count("agreements")


def _windows_with(demo: DemoWorld, institution: InstitutionRef) -> list[_Signed]:
    """One window of the institution's city (migrated in) signs with it; some a second one."""
    in_city = demo.windows_in(institution.city_code)
    first = demo.rng.choice([w for w in in_city if not w.onboarded])
    partners = [first]
    others = [w for w in in_city if w is not first]
    if others and demo.rng.random() < SECOND_WINDOW_SHARE:
        partners.append(demo.rng.choice(others))
    return [_window_with(demo, window, institution) for window in partners]


def _window_with(demo: DemoWorld, window: Window, institution: InstitutionRef) -> _Signed:
    """The window proposes (the acting party is its key's platform); the institution
    countersigns, and joins the network by it."""
    start = max(window.active_from, date(demo.year, 1, 8))
    proposed_on = demo.days_later(start, 0, 50)
    ref = f"XY-{window.code}-{institution.id.hex[:6]}"
    digest = demo.digest("agreement", ref)
    ends_on = date(demo.year + demo.rng.choice([1, 1, 2]), 12, 31)
    outcome = demo.handle(
        ProposeAgreement(
            counterparty_id=institution.id,
            external_ref=ref,
            title=f"{window.name}与{institution.name}服务合作协议",
            terms=Terms(institution.categories, proposed_on, ends_on, digest),
        ),
        demo.as_window(window, demo.at(proposed_on, 10)),
    )
    signed_on = demo.days_later(proposed_on, 2, 10)
    demo.handle(
        CountersignAgreement(agreement_id=outcome.resource_id, document_sha256=digest),
        demo.as_institution(institution, demo.at(signed_on, 16)),
    )
    demo.count("agreements")
    return _Signed(outcome.resource_id, window, institution, signed_on)


def _amend_and_terminate(demo: DemoWorld, signed: list[_Signed]) -> None:
    """A few agreements widen their scope mid-year; two institutions end their second one.

    Only a second agreement is terminated, so every institution keeps one in force.
    """
    seconds = [s for s in signed if s is not _first_of(signed, s.institution)]
    ended = demo.rng.sample(seconds, k=min(TERMINATED, len(seconds)))
    rest = [s for s in signed if s not in ended]
    for agreement in demo.rng.sample(rest, k=min(AMENDED, len(rest))):
        _amend(demo, agreement)
    for agreement in ended:
        # Decided in the autumn, from the first day of the next month.
        ended_on = demo.days_later(max(agreement.signed_on, date(demo.year, 8, 20)), 10, 40)
        ended_on = min(ended_on, date(demo.year, 11, 30))
        effective_on = (ended_on.replace(day=1) + timedelta(days=32)).replace(day=1)
        demo.handle(
            TerminateAgreement(
                agreement_id=agreement.id,
                reason="机构业务调整，经双方协商一致终止合作",
                effective_on=effective_on,
            ),
            demo.as_institution(agreement.institution, demo.at(ended_on, 10)),
        )
        demo.count("agreements terminated")


def _amend(demo: DemoWorld, agreement: _Signed) -> None:
    current = demo.ledger.get(Agreement, agreement.id).terms
    offered = INSTITUTION_KINDS[agreement.institution.kind]
    wider = [c for c in (*offered, *NETWORK_SCOPE) if c not in current.categories]
    added = demo.rng.choice(wider)
    proposed_on = demo.days_later(max(agreement.signed_on, date(demo.year, 5, 1)), 20, 60)
    ref = f"{agreement.id}-amendment"
    amendment = Amendment(
        categories=[*current.categories, added],
        document_sha256=demo.digest("amendment", ref),
        note="补充协议：增加服务范围",
    )
    demo.handle(
        ProposeAmendment(agreement_id=agreement.id, amendment=amendment),
        demo.as_window(agreement.window, demo.at(proposed_on, 10)),
    )
    demo.handle(
        CountersignAmendment(
            agreement_id=agreement.id, document_sha256=demo.digest("amendment", ref)
        ),
        demo.as_institution(
            agreement.institution, demo.at(demo.days_later(proposed_on, 3, 10), 15)
        ),
    )
    demo.count("agreements amended")


def _first_of(signed: list[_Signed], institution: InstitutionRef) -> _Signed:
    return next(s for s in signed if s.institution is institution)
