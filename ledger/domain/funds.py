"""Values shared by budgets and disbursements: lines, expense categories, commitments, signoffs.

Events store plain dicts and decimals; these are the shapes the aggregates hold them in, and the
checks a proposed line passes before it is stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import (
    ApprovedAboveProposedError,
    BlankFieldError,
    BudgetWithoutLinesError,
    DuplicateLineCodeError,
    InvalidLineCodeError,
    LineDecisionMissingError,
    UnknownExpenseCategoryError,
)
from ledger.domain.values import parse_amount

ZERO = Decimal("0.00")

_LINE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9._-]{0,15}$")


class ExpenseCategory(StrEnum):
    """What a line pays for, after the scope of operating costs in Art. 7."""

    PLATFORM_OPERATION = "platform_operation"
    """运营维护: running the service hall and the provincial platform."""
    SERVICE_PURCHASE = "service_purchase"
    """购买服务: services bought from institutions for enterprises."""
    ACTIVITIES = "activities"
    """公共服务活动: roadshows, contests, briefings."""
    TRAINING = "training"
    """培训: training for enterprises and platform staff."""
    EQUIPMENT = "equipment"
    """升级改造: equipment and upgrades of the platform."""
    OTHER = "other"
    """Other spending necessary to meet the operating targets."""


@dataclass(frozen=True)
class LineProposal:
    """One line as the hub proposes it."""

    code: str
    category: str
    description: str
    amount: Decimal | str


@dataclass(frozen=True)
class LineDecision:
    """The bureau's decision on one line: the approved amount, zero to refuse it."""

    code: str
    approved_amount: Decimal | str


@dataclass(frozen=True)
class BudgetLine:
    """One line of a budget and the money on it."""

    code: str
    category: ExpenseCategory
    description: str
    proposed: Decimal
    approved: Decimal | None = None
    """``None`` until the bureau approves the budget; zero means the line was refused."""
    committed: Decimal = ZERO
    paid: Decimal = ZERO
    reversed: Decimal = ZERO
    """Returned from paid disbursements: refunds and clawbacks."""
    recovered: Decimal = ZERO
    """The clawbacks among ``reversed``: returned to the fund, not to the line."""

    @property
    def used(self) -> Decimal:
        """What the line holds back: reserved, plus paid net of refunds (a clawback stays used:
        the line gets it back only when the bureau adjusts the line up)."""
        return self.committed + self.paid - self.reversed + self.recovered

    @property
    def breakdown(self) -> str:
        return (
            f"committed {self.committed}, paid {self.paid}, reversed {self.reversed}, "
            f"recovered {self.recovered}"
        )

    @property
    def remaining(self) -> Decimal | None:
        return None if self.approved is None else self.approved - self.used


@dataclass(frozen=True)
class Commitment:
    """What one disbursement holds on one line: reserved while open, paid once settled."""

    line_code: str
    amount: Decimal
    voucher_sha256: str


@dataclass(frozen=True)
class Signoff:
    """Who decided, when it happened (business time) and when it was recorded."""

    actor: str
    occurred_at: datetime
    recorded_at: datetime


def signoff_of(event: LedgerAggregate.Event) -> Signoff:
    return Signoff(event.meta.actor, event.meta.occurred_at, event.timestamp)


def occurred_at_of(signoff: Signoff | None) -> datetime | None:
    """When the signed-off step happened (business time), if it did."""
    return None if signoff is None else signoff.occurred_at


def lines_from(data: Sequence[Mapping[str, Any]]) -> dict[str, BudgetLine]:
    return {
        d["code"]: BudgetLine(
            code=d["code"],
            category=ExpenseCategory(d["category"]),
            description=d["description"],
            proposed=d["amount"],
        )
        for d in data
    }


def require_text(value: str, field: str) -> str:
    """``value`` stripped, refused when blank."""
    text = value.strip()
    if not text:
        raise BlankFieldError(f"{field} must not be blank.", field=field)
    return text


def checked_lines(lines: Sequence[LineProposal]) -> list[dict[str, Any]]:
    """The lines as the event stores them, each rule checked."""
    if not lines:
        raise BudgetWithoutLinesError("A budget has at least one line.")
    checked: list[dict[str, Any]] = []
    seen: set[str] = set()
    for proposal in lines:
        code = proposal.code.strip().upper()
        if not _LINE_CODE.match(code):
            raise InvalidLineCodeError(
                f"{proposal.code!r} is not a line code: up to 16 letters, digits, '.', '_' or "
                "'-', starting with a letter or digit, such as L01.",
                line_code=proposal.code,
            )
        if code in seen:
            raise DuplicateLineCodeError(
                f"Line code {code} appears more than once; each line has its own code.",
                line_code=code,
            )
        seen.add(code)
        try:
            category = ExpenseCategory(proposal.category.strip())
        except ValueError:
            known = ", ".join(c.value for c in ExpenseCategory)
            raise UnknownExpenseCategoryError(
                f"{proposal.category!r} is not an expense category; use one of: {known}.",
                category=proposal.category,
            ) from None
        checked.append(
            {
                "code": code,
                "category": category.value,
                "description": require_text(proposal.description, "description"),
                "amount": parse_amount(proposal.amount),
            }
        )
    return checked


def decided_amounts(
    lines: Mapping[str, BudgetLine],
    decisions: Sequence[LineDecision],
    line_of: Callable[[str], BudgetLine],
) -> dict[str, Decimal]:
    """The bureau's approved amount for every line, in the lines' order, each rule checked:
    every line decided once (``line_of`` finds it, or refuses an unknown code), at most its
    proposed amount (zero refuses it)."""
    amounts: dict[str, Decimal] = {}
    for decision in decisions:
        line = line_of(decision.code)
        if line.code in amounts:
            raise DuplicateLineCodeError(
                f"Line {line.code} is decided more than once; decide each line once.",
                line_code=line.code,
            )
        amount = parse_amount(decision.approved_amount, allow_zero=True)
        if amount > line.proposed:
            raise ApprovedAboveProposedError(
                f"Line {line.code} proposes {line.proposed}; the bureau approves at most that "
                f"at first, not {amount} (adjust the line up after approval if needed).",
                line_code=line.code,
            )
        amounts[line.code] = amount
    missing = [code for code in lines if code not in amounts]
    if missing:
        raise LineDecisionMissingError(
            f"Decide every line: {', '.join(missing)} has no approved amount "
            '(approve "0.00" to refuse a line).',
            line_code=missing[0],
        )
    return {code: amounts[code] for code in lines}


def totals_of(lines: Iterable[BudgetLine], *, approved: bool) -> dict[str, Decimal | None]:
    """The sums over ``lines``; approved and remaining are ``None`` until the budget is."""
    lines = list(lines)  # read more than once
    return {
        "proposed": sum((x.proposed for x in lines), ZERO),
        "approved": sum((x.approved or ZERO for x in lines), ZERO) if approved else None,
        "committed": sum((x.committed for x in lines), ZERO),
        "paid": sum((x.paid for x in lines), ZERO),
        "reversed": sum((x.reversed for x in lines), ZERO),
        "recovered": sum((x.recovered for x in lines), ZERO),
        "remaining": sum((x.remaining or ZERO for x in lines), ZERO) if approved else None,
    }
