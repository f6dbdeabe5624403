"""Budgets and disbursements through the application, on SQLite: saved together or not at all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.context import IdempotencyRequest
from ledger.application.interface.budgets import budget_view, disbursement_view
from ledger.application.uow import Outcome
from ledger.domain import ids
from ledger.domain.budget import Budget, BudgetStatus
from ledger.domain.disbursement import DisbursementRequest, DisbursementStatus, ReversalKind
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    BudgetExistsError,
    BudgetNotFoundError,
    ConcurrentModificationError,
    DisbursementExistsError,
    DisbursementNotFoundError,
    IdempotencyKeyReusedError,
    OverCommitmentError,
    PreconditionFailedError,
    SegregationOfDutiesError,
    UnknownBudgetError,
    WrongPlatformKindError,
)
from ledger.domain.funds import LineDecision, LineProposal
from ledger.domain.platform import PlatformKind
from ledger.domain.time import CST
from ledger.domain.values import uscc_check_character
from tests.application.support import HUB_USCC, envelope, register_platform

YEAR = datetime.now(UTC).astimezone(CST).year
OTHER_HUB_USCC = "91640000MA7700001" + uscc_check_character("91640000MA7700001")
HUB_ACTOR = "key:hub-clerk"
BUREAU_ACTOR = "key:bureau-officer"
LINES = [
    LineProposal("L01", "platform_operation", "平台运营维护", "1000.00"),
    LineProposal("L02", "training", "培训", "500.00"),
]
DECISIONS = [LineDecision("L01", "800.00"), LineDecision("L02", "0.00")]


@pytest.fixture
def hub_id(ledger: LedgerApplication) -> UUID:
    return register_platform(ledger, HUB_USCC, PlatformKind.HUB)


def as_hub(hub_id: UUID, actor: str = HUB_ACTOR) -> Envelope:
    return envelope(hub_id, actor=actor)


def as_bureau(actor: str = BUREAU_ACTOR) -> Envelope:
    return envelope(None, actor=actor)


def today() -> datetime:
    return datetime.now(UTC)


def voucher(n: int) -> str:
    return f"{n:064x}"


def approved_budget(ledger: LedgerApplication, hub_id: UUID) -> UUID:
    budget_id = ledger.propose_budget(year=YEAR, lines=LINES, meta=as_hub(hub_id)).resource_id
    ledger.approve_budget(budget_id, DECISIONS, "同意", meta=as_bureau())
    return budget_id


def request(
    ledger: LedgerApplication,
    hub_id: UUID,
    amount: str = "300.00",
    n: int = 1,
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    return ledger.request_disbursement(
        year=YEAR,
        request=DisbursementRequest(
            "L01", amount, "宁夏云联信息技术有限公司", "托管费", voucher(n)
        ),
        meta=as_hub(hub_id),
        idempotency=idempotency,
    )


# --- budgets -----------------------------------------------------------------------------------


def test_the_hub_proposes_its_budget_and_reads_it_back(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    outcome = ledger.propose_budget(year=YEAR, lines=LINES, meta=as_hub(hub_id))

    assert (outcome.created, outcome.version, outcome.resource_type) == (True, 1, "budget")
    assert outcome.resource_id == ids.budget_id(hub_id, YEAR)
    budget = ledger.get_budget(outcome.resource_id)
    assert budget_view(budget) == outcome.body
    assert budget.status is BudgetStatus.PROPOSED


def test_a_second_proposal_for_the_same_year_is_refused_and_records_nothing(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    ledger.propose_budget(year=YEAR, lines=LINES, meta=as_hub(hub_id))
    head = ledger.head_position()

    with pytest.raises(BudgetExistsError) as raised:
        ledger.propose_budget(year=YEAR, lines=LINES[:1], meta=as_hub(hub_id))

    assert raised.value.code == "budget_exists"
    assert ledger.head_position() == head
    assert ledger.propose_budget(year=YEAR + 1, lines=LINES, meta=as_hub(hub_id)).created


@pytest.mark.parametrize("acting", ["window", "bureau"])
def test_only_a_hub_platform_proposes_a_budget(ledger: LedgerApplication, acting: str) -> None:
    meta = as_bureau() if acting == "bureau" else envelope(register_platform(ledger))

    with pytest.raises(WrongPlatformKindError):
        ledger.propose_budget(year=YEAR, lines=LINES, meta=meta)


def test_the_bureau_approves_and_adjusts_and_a_stale_version_is_refused(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = ledger.propose_budget(year=YEAR, lines=LINES, meta=as_hub(hub_id)).resource_id
    ledger.revise_budget(budget_id, LINES, meta=as_hub(hub_id), expected_version=1)

    with pytest.raises(PreconditionFailedError):
        ledger.approve_budget(budget_id, DECISIONS, "", meta=as_bureau(), expected_version=1)
    ledger.approve_budget(budget_id, DECISIONS, "", meta=as_bureau(), expected_version=2)
    adjusted = ledger.adjust_budget_line(
        budget_id, line_code="L02", approved_amount="50.00", reason="追加", meta=as_bureau()
    )

    assert adjusted.version == 4
    assert adjusted.body["lines"][1]["approved"] == "50.00"
    assert adjusted.body["totals"]["approved"] == "850.00"


def test_another_hub_is_told_a_budget_does_not_exist(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = ledger.propose_budget(year=YEAR, lines=LINES, meta=as_hub(hub_id)).resource_id
    other_hub = register_platform(ledger, OTHER_HUB_USCC, PlatformKind.HUB)

    with pytest.raises(BudgetNotFoundError):
        ledger.revise_budget(budget_id, LINES, meta=as_hub(other_hub))
    with pytest.raises(UnknownBudgetError):
        request(ledger, other_hub)


def test_budgets_are_listed_by_year_and_by_hub(ledger: LedgerApplication, hub_id: UUID) -> None:
    other_hub = register_platform(ledger, OTHER_HUB_USCC, PlatformKind.HUB)
    ours = ledger.propose_budget(year=YEAR, lines=LINES, meta=as_hub(hub_id)).resource_id
    earlier = ledger.propose_budget(year=YEAR - 1, lines=LINES, meta=as_hub(hub_id)).resource_id
    theirs = ledger.propose_budget(year=YEAR, lines=LINES, meta=as_hub(other_hub)).resource_id

    assert [b.id for b in ledger.list_budgets()] == [ours, earlier, theirs]
    assert [b.id for b in ledger.list_budgets(year=YEAR)] == [ours, theirs]
    assert [b.id for b in ledger.list_budgets(hub_id=hub_id)] == [ours, earlier]
    assert ledger.list_budgets(year=YEAR + 1) == []


# --- disbursements -----------------------------------------------------------------------------


def test_a_disbursement_is_requested_approved_paid_and_refunded_with_its_trail(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    requested = request(ledger, hub_id)
    d_id = requested.resource_id
    ledger.approve_disbursement(d_id, "同意", meta=as_bureau())
    ledger.record_payment(
        d_id,
        payment_reference="NXBANK-1",
        paid_on=today().astimezone(CST).date(),
        meta=as_hub(hub_id),
    )
    refunded = ledger.reverse_disbursement(
        d_id, kind=ReversalKind.REFUND, amount="100.00", reason="退款", meta=as_hub(hub_id)
    )

    disbursement = ledger.get_disbursement(d_id)
    assert disbursement_view(disbursement) == refunded.body
    assert refunded.body["status"] == "paid"
    assert refunded.body["request"]["by"] == HUB_ACTOR
    assert refunded.body["approval"]["by"] == BUREAU_ACTOR
    assert refunded.body["payment"]["reference"] == "NXBANK-1"
    assert refunded.body["net_paid"] == "200.00"
    line = budget_view(ledger.get_budget(budget_id))["lines"][0]
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
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = approved_budget(ledger, hub_id)

    outcome = request(ledger, hub_id)

    (requested,) = ledger.history(outcome.resource_id)
    committed = ledger.history(budget_id)[-1]
    assert type(committed.event).__name__ == "FundsCommitted"
    assert committed.event.disbursement_id == outcome.resource_id  # type: ignore[attr-defined]
    assert {requested.position, committed.position} == {outcome.position - 1, outcome.position}


def test_a_caller_may_name_the_disbursement_id_and_cannot_use_it_twice(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    approved_budget(ledger, hub_id)
    chosen = UUID("5d1a7a52-90f6-4b0e-9c53-0d2f8e6b7a10")

    def request_as(n: int) -> Outcome:
        return ledger.request_disbursement(
            year=YEAR,
            request=DisbursementRequest("L01", "100.00", "宁夏云联", "托管费", voucher(n)),
            meta=as_hub(hub_id),
            disbursement_id=chosen,
        )

    assert request_as(1).resource_id == chosen
    head = ledger.head_position()
    with pytest.raises(DisbursementExistsError):
        request_as(2)
    assert ledger.head_position() == head


def test_an_over_commitment_records_neither_the_request_nor_a_reservation(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    request(ledger, hub_id, "800.00")
    head = ledger.head_position()

    with pytest.raises(OverCommitmentError):
        request(ledger, hub_id, "0.01", n=2)

    assert ledger.head_position() == head
    assert len(ledger.get_budget(budget_id).disbursement_ids) == 1


def test_a_rejection_releases_the_reservation_in_the_same_save(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    d_id = request(ledger, hub_id, "800.00").resource_id

    rejected = ledger.reject_disbursement(d_id, ["凭证不全"], meta=as_bureau())

    assert rejected.body["status"] == "rejected"
    budget = ledger.get_budget(budget_id)
    assert budget.lines["L01"].remaining == budget.lines["L01"].approved
    assert [type(e.event).__name__ for e in ledger.history(budget_id)][-1] == "CommitmentReleased"
    assert request(ledger, hub_id, "800.00", n=2).created


def test_the_requester_may_not_approve_even_with_a_bureau_role(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    approved_budget(ledger, hub_id)
    d_id = request(ledger, hub_id).resource_id

    with pytest.raises(SegregationOfDutiesError):
        ledger.approve_disbursement(d_id, "", meta=as_bureau(actor=HUB_ACTOR))

    assert ledger.get_disbursement(d_id).status is DisbursementStatus.REQUESTED


def test_another_hub_is_told_a_disbursement_does_not_exist(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    approved_budget(ledger, hub_id)
    d_id = request(ledger, hub_id).resource_id
    ledger.approve_disbursement(d_id, "", meta=as_bureau())
    other_hub = register_platform(ledger, OTHER_HUB_USCC, PlatformKind.HUB)

    with pytest.raises(DisbursementNotFoundError):
        ledger.record_payment(
            d_id,
            payment_reference="X",
            paid_on=today().astimezone(CST).date(),
            meta=as_hub(other_hub),
        )


def test_a_request_for_a_year_without_a_budget_is_refused(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    with pytest.raises(UnknownBudgetError) as raised:
        request(ledger, hub_id)

    assert raised.value.code == "unknown_budget"


def test_disbursements_of_a_budget_are_listed_in_request_order_rejected_ones_too(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    first = request(ledger, hub_id, "100.00", n=1).resource_id
    second = request(ledger, hub_id, "200.00", n=2).resource_id
    ledger.reject_disbursement(first, ["重复"], meta=as_bureau())

    listed = ledger.list_disbursements(budget_id)

    assert [(d.id, d.status) for d in listed] == [
        (first, DisbursementStatus.REJECTED),
        (second, DisbursementStatus.REQUESTED),
    ]


def test_a_budget_read_at_an_earlier_version_shows_what_was_committed_then(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    request(ledger, hub_id, "100.00", n=1)
    request(ledger, hub_id, "200.00", n=2)

    then = ledger.get_budget(budget_id, version=3)

    assert str(then.lines["L01"].committed) == "100.00"
    assert str(ledger.get_budget(budget_id).lines["L01"].committed) == "300.00"


# --- retries and races -------------------------------------------------------------------------


def _idempotency(key: str, body: bytes) -> IdempotencyRequest:
    return IdempotencyRequest(
        scope=HUB_ACTOR,
        key=key,
        fingerprint=IdempotencyRequest.fingerprint_of("POST", "/v1/disbursements", body),
    )


def test_a_retried_request_with_its_idempotency_key_reserves_once(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    first = request(ledger, hub_id, idempotency=_idempotency("req-1", b"a"))
    head = ledger.head_position()

    again = request(ledger, hub_id, idempotency=_idempotency("req-1", b"a"))

    assert again.replayed
    assert (again.resource_id, again.body) == (first.resource_id, first.body)
    assert again.position == first.position == head, "the write's last event, the reservation"
    assert ledger.head_position() == head
    assert str(ledger.get_budget(budget_id).lines["L01"].committed) == "300.00"
    with pytest.raises(IdempotencyKeyReusedError):
        request(ledger, hub_id, idempotency=_idempotency("req-1", b"b"))


def test_a_request_decided_on_a_budget_changed_meanwhile_is_a_concurrent_modification(
    ledger: LedgerApplication, hub_id: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    original: Callable[..., Budget] = ledger.get_budget
    winner: list[Outcome] = []
    interrupted: list[bool] = []

    def stale_budget(budget_id: UUID, version: int | None = None) -> Budget:
        stale = original(budget_id, version)
        if not interrupted:
            interrupted.append(True)
            # Another request is saved after this one read the budget and before it saves.
            winner.append(request(ledger, hub_id, "100.00", n=2))
        return stale

    monkeypatch.setattr(ledger, "get_budget", stale_budget)
    head_before = ledger.head_position()

    with pytest.raises(ConcurrentModificationError) as raised:
        request(ledger, hub_id, "100.00", n=1)

    assert raised.value.code == "concurrent_modification"
    assert str(budget_id) in raised.value.detail
    assert ledger.head_position() == head_before + 2, "only the winner's two events"
    monkeypatch.undo()
    budget = ledger.get_budget(budget_id)
    assert budget.disbursement_ids == [winner[0].resource_id]
    retried = request(ledger, hub_id, "100.00", n=1)
    assert str(ledger.get_budget(budget_id).lines["L01"].committed) == "200.00"
    assert retried.created


def test_a_step_that_reads_its_budget_after_another_step_was_saved_is_a_concurrent_modification(
    ledger: LedgerApplication, hub_id: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    d_id = request(ledger, hub_id).resource_id
    ledger.approve_disbursement(d_id, "", meta=as_bureau())
    original: Callable[..., Budget] = ledger.get_budget
    interrupted: list[bool] = []

    def budget_after_a_payment(budget_id: UUID, version: int | None = None) -> Budget:
        if not interrupted:
            interrupted.append(True)
            # The payment is saved after the rejection read the disbursement (still approved),
            # and before it reads the budget (which no longer holds a reservation for it).
            ledger.record_payment(
                d_id,
                payment_reference="NXBANK-1",
                paid_on=today().astimezone(CST).date(),
                meta=as_hub(hub_id),
            )
        return original(budget_id, version)

    monkeypatch.setattr(ledger, "get_budget", budget_after_a_payment)

    with pytest.raises(ConcurrentModificationError):
        ledger.reject_disbursement(d_id, ["撤回"], meta=as_bureau())

    monkeypatch.undo()
    assert ledger.get_disbursement(d_id).status is DisbursementStatus.PAID
    assert str(ledger.get_budget(budget_id).lines["L01"].paid) == "300.00"
