"""The budget year: a year's budget funds what is requested in that year, and what it reserved
is paid by the year's end unless the bureau carries it over (结转) into the next year.

    requested (in the year) ──paid by 31 December──────────────────────────▶ paid
          │
          └──carried over by the bureau, until a day of the next year──▶ paid by that day

Whatever of a line is neither paid nor reserved at the year's end lapses (it is not spent
later); a request dated after the year is made against the next year's budget. Days are
Ningxia days: a request's business date, a payment's ``paid_on``.
"""

from __future__ import annotations

from datetime import date

from ledger.domain.errors import InvalidCarryOverError, OutsideBudgetYearError


def check_requested_in(year: int, day: date) -> None:
    """A disbursement is requested against the budget of the year it is requested in."""
    if day.year != year:
        raise OutsideBudgetYearError(
            f"A request dated {day.isoformat()} is not against the {year} budget: a year's "
            f"budget funds what is requested in that year (request against the {day.year} "
            "budget). What was reserved by the year's end may be carried over by the bureau.",
            year=year,
            day=day.isoformat(),
        )


def check_payable(year: int, paid_on: date, carried_until: date | None) -> None:
    """Paid within the budget's year, or by the day the bureau carried it over to."""
    if paid_on.year <= year or (carried_until is not None and paid_on <= carried_until):
        return
    until = f" (carried over until {carried_until.isoformat()})" if carried_until else ""
    raise OutsideBudgetYearError(
        f"The {year} budget pays by 31 December {year}{until}; paid_on {paid_on.isoformat()} "
        "is after that. The bureau carries an approved reservation over into the next year "
        "(POST …/carry-over) before it is paid then.",
        year=year,
        paid_on=paid_on.isoformat(),
    )


def check_carry_over(year: int, until: date, reason: str) -> None:
    """A carry-over runs to a day of the next year, and says why."""
    if not date(year + 1, 1, 1) <= until <= date(year + 1, 12, 31):
        raise InvalidCarryOverError(
            f"A reservation of the {year} budget is carried over to a day of {year + 1}, not "
            f"{until.isoformat()}.",
            until=until.isoformat(),
        )
    if not reason.strip():
        raise InvalidCarryOverError("A carry-over says why (结转理由).", field="reason")
