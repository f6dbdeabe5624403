"""A budget line is never over-committed, even when requests race on PostgreSQL.

A disbursement request is saved together with the budget's reservation, so the budget's version
is the consistency boundary: of requests decided on the same version only one is saved, the
others get ``ConcurrentModificationError`` (409) and may retry on the new version, where the
line's remaining amount is checked again (``OverCommitmentError``, 422, once it is used up).

Every race runs twice, like the other PostgreSQL races: sixteen threads sharing one ledger (one
server process), and sixteen ledgers with a thread each (sixteen processes).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any
from uuid import UUID

import psycopg
import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.budgets import AdjustBudgetLine, ApproveBudget, ProposeBudget
from ledger.application.commands.disbursements import (
    ApproveDisbursement,
    RecordPayment,
    RejectDisbursement,
    RequestDisbursement,
)
from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.application.writes import Outcome
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement, DisbursementRequest
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AdjustmentBelowUsedError,
    ConcurrentModificationError,
    DisbursementOutOfOrderError,
    OverCommitmentError,
)
from ledger.domain.funds import LineDecision, LineProposal
from ledger.domain.platform import PlatformKind
from ledger.domain.time import CST
from tests.acting import act
from tests.integration._support import envelope, failures, race, start_line, successes

THREADS = 16
HUB_USCC = "91330100716105852F"
APPROVED = Decimal("1000.00")
MAX_RETRIES = 4 * THREADS


@dataclass(frozen=True)
class Funds:
    """A connected hub with an approved budget: line L01 holds ``APPROVED``."""

    hub_id: UUID
    budget_id: UUID
    year: int

    def hub(self) -> Envelope:
        return envelope(self.hub_id)


@pytest.fixture
def funds(pg_ledger: LedgerApplication) -> Funds:
    hub_id = act(
        pg_ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.HUB, name="枢纽平台", uscc=HUB_USCC, region="640000"
        ),
        envelope(None),
    ).resource_id
    year = envelope(None).occurred_at.astimezone(CST).year
    budget_id = act(
        pg_ledger,
        ProposeBudget(
            year=year, lines=(LineProposal("L01", "platform_operation", "运营维护", str(APPROVED)),)
        ),
        envelope(hub_id),
    ).resource_id
    act(
        pg_ledger,
        ApproveBudget(
            budget_id=budget_id, decisions=(LineDecision("L01", str(APPROVED)),), note="同意"
        ),
        envelope(None),
    )
    return Funds(hub_id, budget_id, year)


def bureau() -> Envelope:
    """A bureau principal: never the one that requested (segregation of duties)."""
    return replace(envelope(None), actor="key:bureau-officer")


def request(ledger: LedgerApplication, funds: Funds, i: int, amount: Decimal) -> Outcome:
    """Thread ``i``'s request for ``amount`` from L01 (each thread has its own voucher)."""
    return act(
        ledger,
        RequestDisbursement(
            year=funds.year,
            request=DisbursementRequest("L01", amount, f"供应商 {i}", "托管费", f"{i:064x}"),
        ),
        funds.hub(),
    )


def retry_until_decided(
    ledger: LedgerApplication, funds: Funds, i: int, amount: Decimal
) -> Outcome | OverCommitmentError:
    """Retry a request that lost a race until it is saved or the line has no room for it."""
    for _ in range(MAX_RETRIES):
        try:
            return request(ledger, funds, i, amount)
        except ConcurrentModificationError:
            continue
        except OverCommitmentError as e:
            return e
    pytest.fail(f"thread {i} lost {MAX_RETRIES} races in a row")


def hold_after_reading_the_budget(
    monkeypatch: pytest.MonkeyPatch, start: threading.Barrier
) -> None:
    """Make every request wait at ``start`` once it has read the budget and is about to reserve.

    So all of them decide on the same budget version before any of them saves.
    """
    original = Budget.commit_funds

    def commit_funds(self: Budget, **kwargs: Any) -> None:
        start.wait()
        original(self, **kwargs)

    monkeypatch.setattr(Budget, "commit_funds", commit_funds)


def event_count(url: str, topic_suffix: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM ledger_events WHERE topic LIKE %s", (f"%{topic_suffix}",)
        ).fetchone()
    assert row is not None
    return int(row[0])


def assert_never_over_committed(ledger: LedgerApplication, budget_id: UUID) -> None:
    """At every version the budget ever had, L01 used no more than it was approved."""
    for version in range(1, ledger.get(Budget, budget_id).version + 1):
        line = ledger.get(Budget, budget_id, version).lines["L01"]
        assert line.used <= (line.approved or Decimal(0)), f"version {version}: {line}"


def assert_log_matches(
    ledger: LedgerApplication, funds: Funds, url: str, saved: list[Outcome]
) -> None:
    """Every saved request, and only those, is in the log with its reservation."""
    budget = ledger.get(Budget, funds.budget_id)
    assert set(budget.disbursement_ids) == {o.resource_id for o in saved}
    assert len(budget.disbursement_ids) == len(saved)
    assert event_count(url, "Disbursement.Requested") == len(saved), "no orphan request"
    assert event_count(url, "Budget.FundsCommitted") == len(saved), "no orphan reservation"
    for outcome in saved:
        assert ledger.get(Disbursement, outcome.resource_id).budget_id == funds.budget_id


# --- racing requests on one line ---------------------------------------------------------------


def test_requests_decided_on_the_same_budget_version_save_one_and_the_retries_fill_the_line(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    funds: Funds,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amount = Decimal("100.00")  # ten of them fit, sixteen race
    start = start_line(THREADS)
    hold_after_reading_the_budget(monkeypatch, start)

    first_round = race(start, lambda i: request(ledgers[i], funds, i, amount))

    assert len(successes(first_round)) == 1, first_round
    assert [type(e) for e in failures(first_round)] == [ConcurrentModificationError] * (THREADS - 1)
    assert str(pg_ledger.get(Budget, funds.budget_id).lines["L01"].committed) == "100.00"

    monkeypatch.undo()
    losers = [i for i, r in enumerate(first_round) if isinstance(r, ConcurrentModificationError)]
    again = start_line(len(losers))

    def retry(n: int) -> Outcome | OverCommitmentError:
        again.wait()
        return retry_until_decided(ledgers[losers[n]], funds, losers[n], amount)

    retried = race(again, retry)

    saved = [*successes(first_round), *(r for r in retried if isinstance(r, Outcome))]
    refused = [r for r in retried if isinstance(r, OverCommitmentError)]
    assert all(isinstance(r, Outcome | OverCommitmentError) for r in retried), retried
    assert (len(saved), len(refused)) == (10, 6)
    line = pg_ledger.get(Budget, funds.budget_id).lines["L01"]
    assert line.committed == sum((Decimal(o.body["amount"]) for o in saved), Decimal(0))
    assert line.committed == APPROVED
    assert line.remaining == Decimal(0)
    assert_never_over_committed(pg_ledger, funds.budget_id)
    assert_log_matches(pg_ledger, funds, postgres_url, saved)


def test_racing_requests_of_different_amounts_never_over_commit_and_each_gets_a_named_answer(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    funds: Funds,
    postgres_url: str,
) -> None:
    amounts = [Decimal(10 * (i + 1)) for i in range(THREADS)]  # 10 … 160: 1360 in all
    start = start_line(THREADS)

    def attempt(i: int) -> Outcome:
        start.wait()
        return request(ledgers[i], funds, i, amounts[i])

    results = race(start, attempt)

    named = (ConcurrentModificationError, OverCommitmentError)
    assert all(isinstance(e, named) for e in failures(results)), failures(results)
    assert_never_over_committed(pg_ledger, funds.budget_id)

    retried = {
        i: retry_until_decided(ledgers[i], funds, i, amounts[i])
        for i, r in enumerate(results)
        if isinstance(r, ConcurrentModificationError)
    }

    saved = [*successes(results), *(r for r in retried.values() if isinstance(r, Outcome))]
    line = pg_ledger.get(Budget, funds.budget_id).lines["L01"]
    total = sum((Decimal(o.body["amount"]) for o in saved), Decimal(0))
    assert line.committed == total <= APPROVED
    refused = [i for i, r in enumerate(results) if isinstance(r, OverCommitmentError)]
    refused += [i for i, r in retried.items() if isinstance(r, OverCommitmentError)]
    assert all(amounts[i] > APPROVED - total for i in refused), "refused only what did not fit"
    assert_never_over_committed(pg_ledger, funds.budget_id)
    assert_log_matches(pg_ledger, funds, postgres_url, saved)


# --- racing the bureau ---------------------------------------------------------------------------


def test_an_adjustment_down_racing_requests_never_leaves_the_line_over_committed(
    ledgers: list[LedgerApplication], pg_ledger: LedgerApplication, funds: Funds
) -> None:
    start = start_line(THREADS)

    def attempt(i: int) -> Outcome:
        start.wait()
        if i == 0:
            return act(
                ledgers[i],
                AdjustBudgetLine(
                    budget_id=funds.budget_id,
                    line_code="L01",
                    approved_amount="500.00",
                    reason="压减",
                ),
                bureau(),
            )
        return request(ledgers[i], funds, i, Decimal("100.00"))

    results = race(start, attempt)

    named = (ConcurrentModificationError, OverCommitmentError, AdjustmentBelowUsedError)
    assert all(isinstance(e, named) for e in failures(results)), failures(results)
    line = pg_ledger.get(Budget, funds.budget_id).lines["L01"]
    assert line.approved in (APPROVED, Decimal("500.00"))
    assert line.used <= (line.approved or Decimal(0))
    assert_never_over_committed(pg_ledger, funds.budget_id)


def test_a_payment_and_a_rejection_racing_on_one_disbursement_have_exactly_one_winner(
    ledgers: list[LedgerApplication], pg_ledger: LedgerApplication, funds: Funds
) -> None:
    d_id = request(pg_ledger, funds, 99, Decimal("300.00")).resource_id
    act(pg_ledger, ApproveDisbursement(disbursement_id=d_id, note="同意"), bureau())
    paid_on = envelope(None).occurred_at.astimezone(CST).date()
    start = start_line(THREADS)

    def attempt(i: int) -> Outcome:
        start.wait()
        if i % 2:
            return act(
                ledgers[i],
                RejectDisbursement(disbursement_id=d_id, reasons=(f"撤回 {i}",)),
                bureau(),
            )
        return act(
            ledgers[i],
            RecordPayment(disbursement_id=d_id, payment_reference=f"NXBANK-{i}", paid_on=paid_on),
            funds.hub(),
        )

    results = race(start, attempt)

    (winner,) = successes(results)
    named = (ConcurrentModificationError, DisbursementOutOfOrderError)
    assert all(isinstance(e, named) for e in failures(results)), [
        (type(e).__name__, str(e)[:300]) for e in failures(results)
    ]
    line = pg_ledger.get(Budget, funds.budget_id).lines["L01"]
    assert line.committed == Decimal(0)
    assert line.paid == (Decimal("300.00") if winner.body["status"] == "paid" else Decimal(0))
    assert pg_ledger.get(Disbursement, d_id).version == 3
