"""One voucher, one payment, under races on PostgreSQL: requests from different budgets (one
per year) decided on the same voucher at once save exactly one; every other is refused naming
it. Each race runs with threads sharing one ledger and with a ledger per thread (processes)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.budgets import ApproveBudget, ProposeBudget
from ledger.application.commands.disbursements import RejectDisbursement, RequestDisbursement
from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.domain.claim import Claim
from ledger.domain.disbursement import DisbursementRequest
from ledger.domain.errors import VoucherAlreadyUsedError
from ledger.domain.funds import LineDecision, LineProposal
from ledger.domain.platform import PlatformKind
from tests.acting import act
from tests.integration._support import envelope, race, sole_winner, start_line

THREADS = 6
YEARS = range(2021, 2021 + THREADS)
VOUCHER = "ab" * 32


def in_year(year: int, month: int, day: int = 15) -> datetime:
    """A business time in ``year``: a year's budget funds the requests of that year."""
    return datetime(year, month, day, 2, tzinfo=UTC)


@pytest.fixture
def hub(pg_ledger: LedgerApplication) -> UUID:
    """A hub with an approved budget for each racing thread's year."""
    hub_id = act(
        pg_ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.HUB, name="枢纽平台", uscc="91330100716105852F", region="640000"
        ),
        envelope(None),
    ).resource_id
    line = LineProposal("L01", "platform_operation", "运营维护", "1000.00")
    for year in YEARS:
        budget = act(
            pg_ledger,
            ProposeBudget(year=year, lines=(line,)),
            envelope(hub_id, occurred_at=in_year(year, 1, 6)),
        )
        approval = ApproveBudget(
            budget_id=budget.resource_id, decisions=(LineDecision("L01", "1000.00"),), note=""
        )
        bureau = replace(envelope(None, occurred_at=in_year(year, 1, 20)), actor="key:bureau")
        act(pg_ledger, approval, bureau)
    return hub_id


def test_one_voucher_raced_from_budgets_of_different_years_backs_one_disbursement(
    ledgers: list[LedgerApplication], hub: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = start_line(THREADS)
    made = Claim.make

    def make_after_every_thread_found_it_free(*args: Any, **kwargs: Any) -> Claim:
        start.wait()
        return made(*args, **kwargs)

    monkeypatch.setattr(Claim, "make", make_after_every_thread_found_it_free)

    def request(i: int) -> Any:
        command = RequestDisbursement(
            year=YEARS[i],
            request=DisbursementRequest("L01", "10.00", f"供应商{i}", "托管", VOUCHER),
        )
        return act(ledgers[i], command, envelope(hub, occurred_at=in_year(YEARS[i], 6)))

    results = race(start, request)

    _, won = sole_winner(results, VoucherAlreadyUsedError, THREADS)
    for refused in results:
        if isinstance(refused, VoucherAlreadyUsedError):
            assert refused.context["disbursement_id"] == str(won.resource_id)


def test_a_voucher_released_by_a_rejection_is_claimed_once_again(
    pg_ledger: LedgerApplication, hub: UUID
) -> None:
    def request(year: int) -> Any:
        command = RequestDisbursement(
            year=year, request=DisbursementRequest("L01", "10.00", "供应商", "托管", VOUCHER)
        )
        return act(pg_ledger, command, envelope(hub, occurred_at=in_year(year, 6)))

    first = request(YEARS[0])
    with pytest.raises(VoucherAlreadyUsedError):
        request(YEARS[1])
    act(
        pg_ledger,
        RejectDisbursement(disbursement_id=first.resource_id, reasons=("凭证不全",)),
        replace(envelope(None, occurred_at=in_year(YEARS[0], 7)), actor="key:bureau"),
    )
    assert request(YEARS[1]).created
