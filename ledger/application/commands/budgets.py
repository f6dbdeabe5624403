"""Budgets (年度预算): the hub proposes its budget for a year and revises it while proposed; the
bureau approves it line by line and adjusts a line after approval."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.funds import LineDecision, LineProposal


@dataclass(frozen=True, kw_only=True)
class ProposeBudget(Command[Outcome]):
    """The acting hub proposes its budget for ``year`` (once: a second one is refused)."""

    year: int
    lines: tuple[LineProposal, ...]


@dataclass(frozen=True, kw_only=True)
class ReviseBudget(Command[Outcome]):
    """The hub replaces every line of its budget while it is still proposed."""

    budget_id: UUID
    lines: tuple[LineProposal, ...]


@dataclass(frozen=True, kw_only=True)
class ApproveBudget(Command[Outcome]):
    """The bureau decides every line of a proposed budget."""

    budget_id: UUID
    decisions: tuple[LineDecision, ...]
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class AdjustBudgetLine(Command[Outcome]):
    """The bureau changes one line's approved amount after approval."""

    budget_id: UUID
    line_code: str
    approved_amount: Decimal | str
    reason: str
