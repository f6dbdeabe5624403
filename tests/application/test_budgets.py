"""Budgets through the application, on SQLite: proposed by the hub, decided by the bureau."""

from __future__ import annotations

from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.budgets import (
    AdjustBudgetLine,
    ApproveBudget,
    ProposeBudget,
    ReviseBudget,
)
from ledger.application.interface.budgets import budget_view
from ledger.application.queries.budgets import list_budgets
from ledger.domain import ids
from ledger.domain.budget import Budget, BudgetStatus
from ledger.domain.errors import (
    BudgetExistsError,
    BudgetNotFoundError,
    PreconditionFailedError,
    UnknownBudgetError,
    WrongPlatformKindError,
)
from ledger.domain.platform import PlatformKind
from tests.acting import CaughtUp, act
from tests.application.funds_support import (
    DECISIONS,
    LINES,
    OTHER_HUB_USCC,
    YEAR,
    approved_budget,
    as_bureau,
    as_hub,
    request,
)
from tests.application.support import envelope, register_platform

# --- budgets -----------------------------------------------------------------------------------


def test_the_hub_proposes_its_budget_and_reads_it_back(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    outcome = act(ledger, ProposeBudget(year=YEAR, lines=LINES), as_hub(hub_id))

    assert (outcome.created, outcome.version, outcome.resource_type) == (True, 1, "budget")
    assert outcome.resource_id == ids.budget_id(hub_id, YEAR)
    budget = ledger.get(Budget, outcome.resource_id)
    assert budget_view(budget) == outcome.body
    assert budget.status is BudgetStatus.PROPOSED


def test_a_second_proposal_for_the_same_year_is_refused_and_records_nothing(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    act(ledger, ProposeBudget(year=YEAR, lines=LINES), as_hub(hub_id))
    head = ledger.head_position()

    with pytest.raises(BudgetExistsError) as raised:
        act(ledger, ProposeBudget(year=YEAR, lines=LINES[:1]), as_hub(hub_id))

    assert raised.value.code == "budget_exists"
    assert ledger.head_position() == head
    assert act(ledger, ProposeBudget(year=YEAR + 1, lines=LINES), as_hub(hub_id)).created


@pytest.mark.parametrize("acting", ["window", "bureau"])
def test_only_a_hub_platform_proposes_a_budget(ledger: LedgerApplication, acting: str) -> None:
    meta = as_bureau() if acting == "bureau" else envelope(register_platform(ledger))

    with pytest.raises(WrongPlatformKindError):
        act(ledger, ProposeBudget(year=YEAR, lines=LINES), meta)


def test_the_bureau_approves_and_adjusts_and_a_stale_version_is_refused(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = act(ledger, ProposeBudget(year=YEAR, lines=LINES), as_hub(hub_id)).resource_id
    act(ledger, ReviseBudget(budget_id=budget_id, lines=LINES), as_hub(hub_id), expected_version=1)

    with pytest.raises(PreconditionFailedError):
        act(
            ledger,
            ApproveBudget(budget_id=budget_id, decisions=DECISIONS, note=""),
            as_bureau(),
            expected_version=1,
        )
    act(
        ledger,
        ApproveBudget(budget_id=budget_id, decisions=DECISIONS, note=""),
        as_bureau(),
        expected_version=2,
    )
    adjusted = act(
        ledger,
        AdjustBudgetLine(
            budget_id=budget_id, line_code="L02", approved_amount="50.00", reason="追加"
        ),
        as_bureau(),
    )

    assert adjusted.version == 4
    assert adjusted.body["lines"][1]["approved"] == "50.00"
    assert adjusted.body["totals"]["approved"] == "850.00"


def test_another_hub_is_told_a_budget_does_not_exist(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = act(ledger, ProposeBudget(year=YEAR, lines=LINES), as_hub(hub_id)).resource_id
    other_hub = register_platform(ledger, OTHER_HUB_USCC, PlatformKind.HUB)

    with pytest.raises(BudgetNotFoundError):
        act(ledger, ReviseBudget(budget_id=budget_id, lines=LINES), as_hub(other_hub))
    with pytest.raises(UnknownBudgetError):
        request(ledger, other_hub)


def test_budgets_are_listed_by_year_and_by_hub(ledger: LedgerApplication, hub_id: UUID) -> None:
    other_hub = register_platform(ledger, OTHER_HUB_USCC, PlatformKind.HUB)
    ours = act(ledger, ProposeBudget(year=YEAR, lines=LINES), as_hub(hub_id)).resource_id
    earlier = act(ledger, ProposeBudget(year=YEAR - 1, lines=LINES), as_hub(hub_id)).resource_id
    theirs = act(ledger, ProposeBudget(year=YEAR, lines=LINES), as_hub(other_hub)).resource_id

    assert [b.id for b in list_budgets(ledger, CaughtUp(ledger))] == [ours, earlier, theirs]
    assert [b.id for b in list_budgets(ledger, CaughtUp(ledger), year=YEAR)] == [ours, theirs]
    assert [b.id for b in list_budgets(ledger, CaughtUp(ledger), hub_id=hub_id)] == [ours, earlier]
    assert list_budgets(ledger, CaughtUp(ledger), year=YEAR + 1) == []


def test_a_budget_read_at_an_earlier_version_shows_what_was_committed_then(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    budget_id = approved_budget(ledger, hub_id)
    request(ledger, hub_id, "100.00", n=1)
    request(ledger, hub_id, "200.00", n=2)

    then = ledger.get(Budget, budget_id, version=3)

    assert str(then.lines["L01"].committed) == "100.00"
    assert str(ledger.get(Budget, budget_id).lines["L01"].committed) == "300.00"
