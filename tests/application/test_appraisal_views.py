"""An appraisal's figures from the live views equal the private fold of the log at the position
it records, however far behind the views were, and whatever comes after that position."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from demo import seed_demo
from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import OpenCase
from ledger.application.commands.participants import RegisterEnterprise
from ledger.domain.service_case import Channel
from ledger.persistence.config import StoreConfig
from projections.appraisal import APPRAISAL_VIEWS, figures_at, figures_now, subjects_of_kind
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.store import SQLiteViewStore
from tests.acting import act
from tests.application.support import allow_entries_for
from tests.application.test_appraisals import at, delivered

YEAR = 2025
AS_ON = date(2026, 1, 31)


@pytest.fixture
def views(ledger: LedgerApplication, sqlite_url: str) -> Iterator[ProjectionRunner]:
    store = SQLiteViewStore(StoreConfig(sqlite_url).sqlite_path)
    runner = ProjectionRunner(ledger, store, all_projections(), batch_size=50)
    runner.ensure_schema()
    yield runner
    store.close()


def register_enterprise_late(
    ledger: LedgerApplication, hub_id: UUID, window: UUID, name: str, employees: int, wan: int
) -> None:
    """An enterprise registered on 1 December of the (closed) year, under the hub's allowance
    for ``window`` to enter what happened in it."""
    allow_entries_for(ledger, hub_id, str(YEAR), window, None)
    act(
        ledger,
        RegisterEnterprise(
            uscc="91640500MA7272HDX6", name=name, region="640500", industry="retail",
            employees=employees, revenue_wan=Decimal(wan),
        ),
        at(datetime(2025, 12, 1, tzinfo=UTC)),
    )  # fmt: skip


def open_delivered_case(ledger: LedgerApplication, window: UUID, ref: str, when: datetime) -> None:
    opened = at(when, window)
    act(
        ledger,
        OpenCase(
            external_ref=ref, uscc="91640500MA7272HDX6", category="10", channel=Channel.ONLINE,
            description="", then=delivered(opened),
        ),
        opened,
    )  # fmt: skip


def test_the_live_views_give_the_figures_of_the_fold_at_the_position_they_record(
    ledger: LedgerApplication, views: ProjectionRunner
) -> None:
    report = seed_demo(ledger, seed=3, year=YEAR, scale=0.03)
    head = ledger.head_position()

    # The views have folded nothing yet: the appraisal's read folds all it lacks.
    position, figures = figures_now(views, year=YEAR, as_on=AS_ON)

    assert position == head
    assert figures == figures_at(ledger, position=head, year=YEAR, as_on=AS_ON)
    windows = subjects_of_kind(figures, "window")
    assert len(windows) >= 10
    assert len(subjects_of_kind(figures, "institution")) == 20
    assert any(f["cases_delivered"] for f in windows.values())
    assert any(f["institutions_in_force"] for f in windows.values())
    assert any(f["cases_delivered"] for f in subjects_of_kind(figures, "institution").values())
    assert {s["reports_on_time_share"] for s in subjects_of_kind(figures, "hub").values()} != {None}

    # After that position: a case delivered in the year appraised (the demo closed it: under
    # the hub's allowance) and one in the next year.
    window = UUID(next(iter(windows)))
    assert report.hub_id is not None
    register_enterprise_late(ledger, report.hub_id, window, "后来", employees=5, wan=50)
    open_delivered_case(ledger, window, "LATER-2025", datetime(2025, 12, 2, 3, tzinfo=UTC))
    open_delivered_case(ledger, window, "LATER-2026", datetime(2026, 1, 5, 3, tzinfo=UTC))
    views.catch_up("registry")  # the views now stand at different positions

    later, again = figures_now(views, year=YEAR, as_on=AS_ON)

    assert later == ledger.head_position() > head
    assert again == figures_at(ledger, position=later, year=YEAR, as_on=AS_ON)
    assert figures_at(ledger, position=head, year=YEAR, as_on=AS_ON) == figures
    before: dict[str, Any] = figures[str(window)]
    after: dict[str, Any] = again[str(window)]
    assert after["cases_delivered"] == before["cases_delivered"] + 1  # not the 2026 case
    assert after["smes_served"] == before["smes_served"] + 1
    status = {s.name: (s.position, s.state) for s in views.status()}
    assert {name: status[name] for name in APPRAISAL_VIEWS} == dict.fromkeys(
        APPRAISAL_VIEWS, (later, "live")
    )
