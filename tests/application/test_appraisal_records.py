"""The records behind an appraisal's figures add up to the figures: counted from the rows of the
views by another path than the figures themselves (the case counts, the timeliness rows, the
budget lines), for every subject of a demonstration network."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from demo import seed_demo
from ledger.application.app import LedgerApplication
from ledger.domain.appraisal import Appraisal
from ledger.domain.schemes import SHARE_PARTS
from projections.appraisal import figures_at, records_of, subjects_of_kind
from projections.appraisal_records import FIGURES_WITH_RECORDS, Scope, records_behind
from projections.folding import folded_at
from tests.application.test_appraisal_views import open_delivered_case, register_enterprise_late

YEAR = 2025
AS_ON = date(2026, 1, 31)


def test_the_records_counted_add_up_to_every_figure_of_every_subject(
    ledger: LedgerApplication,
) -> None:
    report = seed_demo(ledger, seed=5, year=YEAR, scale=0.03)
    # A large enterprise served in the year: a case it counts in, an SME it is not.
    before = figures_at(ledger, position=ledger.head_position(), year=YEAR, as_on=AS_ON)
    window = UUID(next(iter(subjects_of_kind(before, "window"))))
    assert report.hub_id is not None
    register_enterprise_late(ledger, report.hub_id, window, "大型企业", 2000, wan=500_000)
    open_delivered_case(ledger, window, "LARGE-2025", datetime(2025, 12, 2, 3, tzinfo=UTC))
    head = ledger.head_position()
    everyone = figures_at(ledger, position=head, year=YEAR, as_on=AS_ON)
    checked: set[str] = set()
    with folded_at(ledger, head) as tx:
        for subject, figures in everyone.items():
            scope = Scope(figures["kind"], subject, YEAR, AS_ON)
            for figure in sorted(FIGURES_WITH_RECORDS & set(figures)):
                rows = records_behind(tx, scope, figure)
                counted = [r for r in rows if r["counted"]]
                part = SHARE_PARTS[figure][0] if figure in SHARE_PARTS else figure
                expected = figures[part]
                if part == "budget_paid":
                    assert sum(Decimal(r["paid_as_on"]) for r in rows) == Decimal(expected)
                else:
                    assert len(counted) == expected, (subject, figure)
                checked.add(figure)
    assert checked == FIGURES_WITH_RECORDS  # the network has every kind of subject and figure
    served = everyone[str(window)]
    assert served["smes_served"] < len(
        {r["enterprise_id"] for r in _delivered_rows(ledger, window)}
    )


def test_an_appraisals_records_are_read_at_its_own_position(ledger: LedgerApplication) -> None:
    seed_demo(ledger, seed=5, year=YEAR, scale=0.03)
    appraisal = next(
        a
        for a in (ledger.find(e.originator_id) for e in _computed(ledger))
        if isinstance(a, Appraisal) and a.figures["cases_delivered"]
    )

    delivered = records_of(appraisal, ledger, "cases_delivered")
    free = records_of(appraisal, ledger, "free_share")

    assert len(delivered) == appraisal.figures["cases_delivered"]
    assert all(r["window_id"] == str(appraisal.subject_id) for r in delivered)
    assert sum(r["counted"] for r in free) == appraisal.figures["free_cases"]
    assert {r["case_id"] for r in free} == {r["case_id"] for r in delivered}


def _delivered_rows(ledger: LedgerApplication, window: UUID) -> list[dict[str, Any]]:
    with folded_at(ledger, ledger.head_position()) as tx:
        return records_behind(tx, Scope("window", str(window), YEAR, AS_ON), "cases_delivered")


def _computed(ledger: LedgerApplication) -> list[Appraisal.Computed]:
    return [n.event for n in ledger.log_page(0, 100_000) if isinstance(n.event, Appraisal.Computed)]
