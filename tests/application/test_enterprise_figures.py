"""An enterprise's figures change over the years: new figures are recorded as valid from a day,
never by editing the registration; its size class on any day is known, and an appraisal counts
an SME by its class on the last day of the year."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import OpenCase
from ledger.application.commands.participants import UpdateEnterpriseFigures
from ledger.domain.enterprise import Enterprise
from ledger.domain.errors import NothingToAmendError, OccurredInFutureError
from ledger.domain.ids import enterprise_id
from ledger.domain.service_case import Channel
from ledger.domain.values import SizeClass
from projections.appraisal import figures_at, subjects_of_kind
from tests.acting import act_on_its_day as act
from tests.application.support import register_a_small_network
from tests.application.test_appraisals import at, delivered

USCC = "91640104MA71TJ3Y8G"
ENTERPRISE = enterprise_id(USCC)


def _update(ledger: LedgerApplication, employees: int, revenue: int, valid_from: date) -> Any:
    return act(
        ledger,
        UpdateEnterpriseFigures(
            enterprise_id=ENTERPRISE, employees=employees, revenue_wan=Decimal(revenue),
            valid_from=valid_from, reason="统计年报",
        ),
        at(datetime(2026, 12, 1, 2, tzinfo=UTC)),
    )  # fmt: skip


def _served_in(ledger: LedgerApplication, window: UUID, year: int) -> int:
    figures = figures_at(
        ledger, position=ledger.head_position(), year=year, as_on=date(year, 12, 31)
    )
    served: int = subjects_of_kind(figures, "window")[str(window)]["smes_served"]
    return served


@pytest.fixture
def window(ledger: LedgerApplication) -> UUID:
    """A window that served the enterprise (small: 30 people, 500 万元) in 2025 and 2026."""
    start = datetime(2025, 3, 3, 2, tzinfo=UTC)
    window = register_a_small_network(ledger, at(start), employees=30, revenue_wan=500)
    for n, when in enumerate((start, start + timedelta(days=400))):
        opened = at(when, window)
        command = OpenCase(
            external_ref=f"E-{n}", uscc=USCC, category="10", channel=Channel.ONLINE,
            description="", then=delivered(opened),
        )  # fmt: skip
        act(ledger, command, opened)
    return window


def test_a_size_class_is_known_on_every_day_and_the_latest_figures_stand(
    ledger: LedgerApplication, window: UUID
) -> None:
    _update(ledger, 2000, 500_000, date(2026, 3, 1))

    enterprise = ledger.get(Enterprise, ENTERPRISE)

    assert enterprise.size_class_on(date(2026, 2, 28)) is SizeClass.SMALL
    assert enterprise.size_class_on(date(2026, 3, 1)) is SizeClass.LARGE
    assert (enterprise.employees, enterprise.size_class) == (2000, SizeClass.LARGE)
    assert [type(e.event).__name__ for e in ledger.history(ENTERPRISE)] == [
        "Registered",
        "FiguresUpdated",
    ]


def test_an_appraisal_counts_an_sme_by_its_class_on_the_last_day_of_the_year(
    ledger: LedgerApplication, window: UUID
) -> None:
    assert (_served_in(ledger, window, 2025), _served_in(ledger, window, 2026)) == (1, 1)

    _update(ledger, 2000, 500_000, date(2026, 3, 1))  # large from March 2026 on

    assert (_served_in(ledger, window, 2025), _served_in(ledger, window, 2026)) == (1, 0)
    _update(ledger, 40, 900, date(2026, 6, 1))  # small again from June
    assert _served_in(ledger, window, 2026) == 1


def test_figures_are_not_valid_before_they_hold_nor_recorded_twice(
    ledger: LedgerApplication, window: UUID
) -> None:
    with pytest.raises(OccurredInFutureError):
        _update(ledger, 2000, 500_000, date(2026, 12, 20))
    with pytest.raises(NothingToAmendError):
        _update(ledger, 30, 500, date(2026, 3, 1))
