"""Agreements on PostgreSQL: proposals racing on their pair's index all get recorded, and an
agreement's whole life (and the delivery rule) reads back from another process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.agreements import (
    CountersignAgreement,
    CountersignAmendment,
    ProposeAgreement,
    ProposeAmendment,
)
from ledger.application.commands.cases import Assign, Deliver, OpenCase
from ledger.application.commands.participants import RegisterInstitution
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_index import AgreementIndex
from ledger.domain.agreement_terms import AgreementStatus, Amendment, Terms
from ledger.domain.envelope import Envelope
from ledger.domain.errors import NoAgreementInForceError
from ledger.domain.institution import Institution
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    FeeType,
    ProviderKind,
)
from ledger.domain.time import CST

# Each step is recorded on the day it happened, as the ledger would have recorded it.
from tests.acting import act_on_its_day as act
from tests.integration._support import (
    ENTERPRISE_USCC,
    Network,
    envelope,
    failures,
    race,
    start_line,
    successes,
)

THREADS = 4
INSTITUTION_USCC = "91640100MA76M9QX4M"
DIGEST = "c" * 64
NEW_DIGEST = "d" * 64


@pytest.fixture
def institution_id(pg_ledger: LedgerApplication, network: Network) -> UUID:
    return act(
        pg_ledger,
        RegisterInstitution(
            uscc=INSTITUTION_USCC,
            name="宁夏测试服务机构",
            region="640100",
            categories=("14",),
        ),
        envelope(None),
    ).resource_id


def _cst(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CST)


def _propose(ledger: LedgerApplication, window_id: UUID, to: UUID, ref: str) -> Outcome:
    return act(
        ledger,
        ProposeAgreement(
            counterparty_id=to,
            external_ref=ref,
            title="服务合作协议",
            terms=Terms(("14",), date(2025, 1, 1), date(2025, 12, 31), DIGEST),
        ),
        envelope(window_id, occurred_at=_cst(date(2025, 1, 5), 9)),
    )


def test_proposals_between_the_same_pair_at_the_same_moment_are_all_recorded(
    monkeypatch: pytest.MonkeyPatch,
    ledgers: list[LedgerApplication],
    network: Network,
    institution_id: UUID,
) -> None:
    start = start_line(THREADS)
    waited = threading.local()
    reads: list[int] = []
    # Every thread reads the pair's index (none yet) before any of them saves; only the first
    # reading of each thread waits, so the ones that lost decide again at their own pace.
    for ledger in {id(ledger): ledger for ledger in ledgers}.values():
        original = ledger.lookups.agreement_index

        def index_after_all_have_read(
            a: UUID, b: UUID, original: Callable[[UUID, UUID], AgreementIndex | None] = original
        ) -> AgreementIndex | None:
            found = original(a, b)
            reads.append(1)
            if not getattr(waited, "done", False):
                waited.done = True
                start.wait()
            return found

        monkeypatch.setattr(ledger.lookups, "agreement_index", index_after_all_have_read)

    results = race(
        start,
        lambda i: _propose(ledgers[i], network.window_id, institution_id, f"RACE-{i}"),
    )

    monkeypatch.undo()
    assert failures(results) == []
    # All but the first to save lost the race on the index and were decided again.
    assert len(reads) >= 2 * THREADS - 1
    created = {o.resource_id for o in successes(results)}
    assert created == {ids.agreement_id(network.window_id, f"RACE-{i}") for i in range(THREADS)}
    listed = ledgers[0].lookups.agreements_between(network.window_id, institution_id)
    assert sorted(a.id for a in listed) == sorted(created)


def test_an_agreements_life_and_the_delivery_rule_read_back_from_another_ledger(
    pg_ledger: LedgerApplication,
    network: Network,
    institution_id: UUID,
    make_ledger: Callable[[str], LedgerApplication],
    postgres_url: str,
) -> None:
    agreement_id = _propose(pg_ledger, network.window_id, institution_id, "LIFE-1").resource_id
    act(
        pg_ledger,
        CountersignAgreement(agreement_id=agreement_id, document_sha256=DIGEST),
        envelope(institution_id, occurred_at=_cst(date(2025, 1, 6), 10)),
    )
    act(
        pg_ledger,
        ProposeAmendment(
            agreement_id=agreement_id,
            amendment=Amendment(categories=["14", "15"], document_sha256=NEW_DIGEST),
        ),
        envelope(network.window_id, occurred_at=_cst(date(2025, 6, 1), 10)),
    )
    act(
        pg_ledger,
        CountersignAmendment(agreement_id=agreement_id, document_sha256=NEW_DIGEST),
        envelope(institution_id, occurred_at=_cst(date(2025, 6, 2), 10)),
    )

    other = make_ledger(postgres_url)
    agreement = other.get(Agreement, agreement_id)
    assert agreement.terms.categories == ("14", "15")
    assert agreement.status_on(date(2025, 6, 2)) is AgreementStatus.IN_FORCE
    assert not agreement.in_force_on(date(2025, 6, 1), "15")
    assert other.get(Institution, institution_id).agreement_ids == [agreement_id]

    def record(ref: str, category: str, delivered_on: date) -> Outcome:
        meta = envelope(network.window_id, occurred_at=_cst(delivered_on, 18))
        assign = Assign(
            provider_kind=ProviderKind.INSTITUTION,
            provider_name=None,
            provider_id=institution_id,
            occurred_at=meta.occurred_at,
        )
        delivery = Delivery(delivered_on, DeliveryMode.ONSITE, FeeType.PAID, Decimal("300.00"))

        return act(
            other,
            OpenCase(
                external_ref=ref,
                uscc=ENTERPRISE_USCC,
                category=category,
                channel=Channel.OFFLINE,
                description="管理咨询",
                then=(assign, Deliver(delivery=delivery)),
            ),
            meta,
        )

    assert record("PG-1", "15", date(2025, 6, 2)).body["status"] == "delivered"
    with pytest.raises(NoAgreementInForceError):
        record("PG-2", "15", date(2025, 6, 2) - timedelta(days=1))


def test_the_envelope_of_a_countersignature_names_the_institution(
    pg_ledger: LedgerApplication, network: Network, institution_id: UUID
) -> None:
    agreement_id = _propose(pg_ledger, network.window_id, institution_id, "ENV-1").resource_id
    meta: Envelope = envelope(institution_id, occurred_at=_cst(date(2025, 1, 6), 10))

    act(pg_ledger, CountersignAgreement(agreement_id=agreement_id, document_sha256=DIGEST), meta)

    history = pg_ledger.history(institution_id)
    assert [type(e.event).__qualname__ for e in history][-1] == "Institution.Joined"
    assert vars(history[-1].event)["meta"] == meta
