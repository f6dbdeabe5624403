"""Budgets: the hub proposes (and revises) its annual budget, the bureau approves and adjusts it.

A principal acting for a platform must be the connected hub that holds the budget, and is told
that another hub's budget does not exist; network-wide principals (the bureau) act on every
budget. Which roles may send which command is decided at the edge (``api/routes``); the rules of
the money are the domain's. Disbursements, which move money on the budget's lines, are their own
capability (``handlers/disbursements``).
"""

from __future__ import annotations

from datetime import date

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.budgets import (
    AdjustBudgetLine,
    ApproveBudget,
    ProposeBudget,
    ReviseBudget,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.handlers.funds import HUBS_ONLY, hidden_from, readable_by
from ledger.application.interface.budgets import budget_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.domain.budget import Budget
from ledger.domain.envelope import Envelope
from ledger.domain.errors import BudgetExistsError, BudgetNotFoundError


class Budgets(Capability[Budget]):
    aggregate = Budget
    resource_type = "budget"
    label = "budget"
    not_found = BudgetNotFoundError
    target = "budget_id"
    dated = True  # what lapsed at the year's end follows from the day

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Budget, on: date) -> View:
        return budget_view(aggregate, on)

    def visible(self, aggregate: Budget, principal: Principal) -> bool:
        return readable_by(aggregate.hub_id, principal)

    def guard(self, aggregate: Budget, command: object, context: RequestContext) -> None:
        if hidden_from(aggregate.hub_id, context.principal):
            raise self.missing(aggregate.id)

    # --- commands --------------------------------------------------------------------------

    @creates(ProposeBudget, exists=BudgetExistsError)
    def propose(self, command: ProposeBudget, meta: Envelope) -> Budget:
        hub_id = acting_platform(meta, HUBS_ONLY)
        self.lookups.connected_hub(hub_id)
        return Budget.propose(hub_id=hub_id, year=command.year, lines=command.lines, meta=meta)

    @acts(ReviseBudget)
    def revise(self, budget: Budget, command: ReviseBudget, meta: Envelope) -> None:
        self.lookups.hub_or_network_actor(meta)
        budget.revise(command.lines, meta)

    @acts(ApproveBudget)
    def approve(self, budget: Budget, command: ApproveBudget, meta: Envelope) -> None:
        self.lookups.hub_or_network_actor(meta)
        budget.approve(command.decisions, command.note, meta)

    @acts(AdjustBudgetLine)
    def adjust_line(self, budget: Budget, command: AdjustBudgetLine, meta: Envelope) -> None:
        self.lookups.hub_or_network_actor(meta)
        budget.adjust_line(command.line_code, command.approved_amount, command.reason, meta)
