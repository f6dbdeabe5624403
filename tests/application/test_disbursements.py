"""Disbursements through the application, on SQLite: saved with their budget or not at all."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.disbursements import (
    ApproveDisbursement,
    RecordPayment,
    RejectDisbursement,
    RequestDisbursement,
    ReverseDisbursement,
)
from ledger.application.context import IdempotencyRequest
from ledger.application.interface.budgets import budget_view, disbursement_view
from ledger.application.queries.budgets import list_disbursements
from ledger.application.writes import Outcome
from ledger.domain.budget import Budget
from ledger.domain.claim import ClaimKind, claim_stream
from ledger.domain.disbursement import (
    Disbursement,
    DisbursementRequest,
    DisbursementStatus,
    ReversalKind,
)
from ledger.domain.errors import (
    ConcurrentModificationError,
    DisbursementExistsError,
    DisbursementNotFoundError,
    IdempotencyKeyReusedError,
    OverCommitmentError,
    SegregationOfDutiesError,
    UnknownBudgetError,
)
from ledger.domain.platform import PlatformKind
from ledger.domain.time import CST
from tests.acting import act
from tests.application.funds_support import (
    BUREAU_ACTOR,
    HUB_ACTOR,
    OTHER_HUB_USCC,
    YEAR,
    approved_budget,
    as_bureau,
    as_hub,
    request,
    today,
    voucher,
)
from tests.application.support import register_platform


@pytest.fixture
def budget_id(ledger: LedgerApplication, hub_id: UUID) -> UUID:
    """The hub's budget, approved."""
    return approved_budget(ledger, hub_id)


def pay(ledger: LedgerApplication, hub_id: UUID, d_id: UUID) -> None:
    """The hub records paying the disbursement today (NXBANK-1)."""
    act(
        ledger,
        RecordPayment(
            disbursement_id=d_id,
            payment_reference="NXBANK-1",
            paid_on=today().astimezone(CST).date(),
        ),
        as_hub(hub_id),
    )


# --- disbursements -----------------------------------------------------------------------------


def test_a_disbursement_is_requested_approved_paid_and_refunded_with_its_trail(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:
    requested = request(ledger, hub_id)
    d_id = requested.resource_id
    act(ledger, ApproveDisbursement(disbursement_id=d_id, note="同意"), as_bureau())
    pay(ledger, hub_id, d_id)
    refunded = act(
        ledger,
        ReverseDisbursement(
            disbursement_id=d_id, kind=ReversalKind.REFUND, amount="100.00", reason="退款"
        ),
        as_hub(hub_id),
    )

    disbursement = ledger.get(Disbursement, d_id)
    view = disbursement_view(disbursement)
    assert view == refunded.body
    approval, payment = view["approval"], view["payment"]
    assert view["status"] == "paid"
    assert view["request"]["by"] == HUB_ACTOR
    assert approval is not None
    assert approval["by"] == BUREAU_ACTOR
    assert payment is not None
    assert payment["reference"] == "NXBANK-1"
    assert view["net_paid"] == "200.00"
    line = budget_view(ledger.get(Budget, budget_id))["lines"][0]
    assert (line["committed"], line["paid"], line["reversed"], line["remaining"]) == (
        "0.00",
        "300.00",
        "100.00",
        "600.00",
    )
    history = ledger.history(d_id)
    assert [type(e.event).__name__ for e in history] == [
        "Requested",
        "Approved",
        "Paid",
        "Reversed",
    ]
    assert [e.event.meta.actor for e in history] == [  # type: ignore[attr-defined]
        HUB_ACTOR,
        BUREAU_ACTOR,
        HUB_ACTOR,
        HUB_ACTOR,
    ]


def test_a_request_and_its_reservation_are_saved_in_one_transaction(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:

    outcome = request(ledger, hub_id)

    (requested,) = ledger.history(outcome.resource_id)
    committed = ledger.history(budget_id)[-1]
    (claimed,) = ledger.history(claim_stream(ClaimKind.VOUCHER, requested.event.voucher_sha256))  # type: ignore[attr-defined]
    assert type(committed.event).__name__ == "FundsCommitted"
    assert committed.event.disbursement_id == outcome.resource_id  # type: ignore[attr-defined]
    assert claimed.event.holder_id == outcome.resource_id  # type: ignore[attr-defined]
    assert {requested.position, committed.position, claimed.position} == {
        outcome.position - 2,
        outcome.position - 1,
        outcome.position,
    }


def test_a_caller_may_name_the_disbursement_id_and_cannot_use_it_twice(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:
    chosen = UUID("5d1a7a52-90f6-4b0e-9c53-0d2f8e6b7a10")

    def request_as(n: int) -> Outcome:
        return act(
            ledger,
            RequestDisbursement(
                year=YEAR,
                request=DisbursementRequest("L01", "100.00", "宁夏云联", "托管费", voucher(n)),
                disbursement_id=chosen,
            ),
            as_hub(hub_id),
        )

    assert request_as(1).resource_id == chosen
    head = ledger.head_position()
    with pytest.raises(DisbursementExistsError):
        request_as(2)
    assert ledger.head_position() == head


def test_an_over_commitment_records_neither_the_request_nor_a_reservation(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:
    request(ledger, hub_id, "800.00")
    head = ledger.head_position()

    with pytest.raises(OverCommitmentError):
        request(ledger, hub_id, "0.01", n=2)

    assert ledger.head_position() == head
    assert len(ledger.get(Budget, budget_id).disbursement_ids) == 1


def test_a_rejection_releases_the_reservation_in_the_same_save(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:
    d_id = request(ledger, hub_id, "800.00").resource_id

    rejected = act(
        ledger, RejectDisbursement(disbursement_id=d_id, reasons=("凭证不全",)), as_bureau()
    )

    assert rejected.body["status"] == "rejected"
    budget = ledger.get(Budget, budget_id)
    assert budget.lines["L01"].remaining == budget.lines["L01"].approved
    assert [type(e.event).__name__ for e in ledger.history(budget_id)][-1] == "CommitmentReleased"
    assert request(ledger, hub_id, "800.00", n=2).created


def test_the_requester_may_not_approve_even_with_a_bureau_role(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:
    d_id = request(ledger, hub_id).resource_id

    with pytest.raises(SegregationOfDutiesError):
        act(ledger, ApproveDisbursement(disbursement_id=d_id, note=""), as_bureau(actor=HUB_ACTOR))

    assert ledger.get(Disbursement, d_id).status is DisbursementStatus.REQUESTED


def test_another_hub_is_told_a_disbursement_does_not_exist(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:
    d_id = request(ledger, hub_id).resource_id
    act(ledger, ApproveDisbursement(disbursement_id=d_id, note=""), as_bureau())
    other_hub = register_platform(ledger, OTHER_HUB_USCC, PlatformKind.HUB)

    with pytest.raises(DisbursementNotFoundError):
        act(
            ledger,
            RecordPayment(
                disbursement_id=d_id, payment_reference="X", paid_on=today().astimezone(CST).date()
            ),
            as_hub(other_hub),
        )


def test_a_request_for_a_year_without_a_budget_is_refused(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    with pytest.raises(UnknownBudgetError) as raised:
        request(ledger, hub_id)

    assert raised.value.code == "unknown_budget"


def test_disbursements_of_a_budget_are_listed_in_request_order_rejected_ones_too(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:
    first = request(ledger, hub_id, "100.00", n=1).resource_id
    second = request(ledger, hub_id, "200.00", n=2).resource_id
    act(ledger, RejectDisbursement(disbursement_id=first, reasons=("重复",)), as_bureau())

    listed = list_disbursements(ledger, budget_id)

    assert [(d.id, d.status) for d in listed] == [
        (first, DisbursementStatus.REJECTED),
        (second, DisbursementStatus.REQUESTED),
    ]


# --- retries and races -------------------------------------------------------------------------


def _idempotency(key: str, body: bytes) -> IdempotencyRequest:
    return IdempotencyRequest(
        scope=HUB_ACTOR,
        key=key,
        fingerprint=IdempotencyRequest.fingerprint_of("POST", "/v1/disbursements", body),
    )


def test_a_retried_request_with_its_idempotency_key_reserves_once(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID
) -> None:
    first = request(ledger, hub_id, idempotency=_idempotency("req-1", b"a"))
    head = ledger.head_position()

    again = request(ledger, hub_id, idempotency=_idempotency("req-1", b"a"))

    assert again.replayed
    assert (again.resource_id, again.body) == (first.resource_id, first.body)
    assert again.position == first.position == head, "the write's last event, the reservation"
    assert ledger.head_position() == head
    assert str(ledger.get(Budget, budget_id).lines["L01"].committed) == "300.00"
    with pytest.raises(IdempotencyKeyReusedError):
        request(ledger, hub_id, idempotency=_idempotency("req-1", b"b"))


def test_a_request_decided_on_a_budget_changed_meanwhile_is_a_concurrent_modification(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    original: Callable[[UUID], Budget] = ledger.lookups.budget
    winner: list[Outcome] = []
    interrupted: list[bool] = []

    def stale_budget(budget_id: UUID) -> Budget:
        stale = original(budget_id)
        if not interrupted:
            interrupted.append(True)
            # Another request is saved after this one read the budget and before it saves.
            winner.append(request(ledger, hub_id, "100.00", n=2))
        return stale

    monkeypatch.setattr(ledger.lookups, "budget", stale_budget)
    head_before = ledger.head_position()

    with pytest.raises(ConcurrentModificationError) as raised:
        request(ledger, hub_id, "100.00", n=1)

    assert raised.value.code == "concurrent_modification"
    assert str(budget_id) in raised.value.detail
    assert ledger.head_position() == head_before + 3, "only the winner's three events"
    monkeypatch.undo()
    budget = ledger.get(Budget, budget_id)
    assert budget.disbursement_ids == [winner[0].resource_id]
    retried = request(ledger, hub_id, "100.00", n=1)
    assert str(ledger.get(Budget, budget_id).lines["L01"].committed) == "200.00"
    assert retried.created


def test_a_step_that_reads_its_budget_after_another_step_was_saved_is_a_concurrent_modification(
    ledger: LedgerApplication, hub_id: UUID, budget_id: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    d_id = request(ledger, hub_id).resource_id
    act(ledger, ApproveDisbursement(disbursement_id=d_id, note=""), as_bureau())
    original: Callable[[UUID], Budget] = ledger.lookups.budget
    interrupted: list[bool] = []

    def budget_after_a_payment(budget_id: UUID) -> Budget:
        if not interrupted:
            interrupted.append(True)
            # The payment is saved after the rejection read the disbursement (still approved),
            # and before it reads the budget (which no longer holds a reservation for it).
            pay(ledger, hub_id, d_id)
        return original(budget_id)

    monkeypatch.setattr(ledger.lookups, "budget", budget_after_a_payment)

    with pytest.raises(ConcurrentModificationError):
        act(ledger, RejectDisbursement(disbursement_id=d_id, reasons=("撤回",)), as_bureau())

    monkeypatch.undo()
    assert ledger.get(Disbursement, d_id).status is DisbursementStatus.PAID
    assert str(ledger.get(Budget, budget_id).lines["L01"].paid) == "300.00"
