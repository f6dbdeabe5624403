"""What exact scoring counts that the first scoring did not: an agreement ends on the day a
party's qualification is revoked (for the appraisal, the resource and the view alike), and the
hub's budget execution counts only what was paid by the day the figures are read as on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any, cast
from uuid import UUID

from ledger.application.app import LedgerApplication
from ledger.application.commands.agreements import CountersignAgreement
from ledger.application.commands.disbursements import ApproveDisbursement, RecordPayment
from ledger.application.handlers.agreements import Agreements
from ledger.domain.agreement import Agreement
from ledger.domain.schemes import EXACT, ROUNDED
from ledger.domain.time import CST
from projections.appraisal import figures_at, subjects_of_kind
from projections.figures import agreements
from projections.folding import folded_at
from tests.acting import act
from tests.application.agreements_support import DIGEST, acting, propose, revoke, set_up
from tests.application.funds_support import YEAR, approved_budget, as_bureau, as_hub, request

TODAY = datetime.now(UTC).astimezone(CST).date()


def figures(ledger: LedgerApplication, kind: str, as_on: date, scoring: int) -> dict[str, Any]:
    everyone = figures_at(
        ledger, position=ledger.head_position(), year=YEAR, as_on=as_on, scoring=scoring
    )
    return subjects_of_kind(everyone, kind)


def test_an_agreement_stops_counting_on_the_day_a_party_is_revoked(
    ledger: LedgerApplication,
) -> None:
    net = set_up(ledger)
    agreement = propose(
        ledger, net.window_id, net.institution_id, starts_on=date(YEAR, 1, 1),
        ends_on=date(YEAR + 1, 12, 31), on=date(YEAR - 1, 12, 20),
    ).resource_id  # fmt: skip
    act(
        ledger,
        CountersignAgreement(agreement_id=agreement, document_sha256=DIGEST),
        acting(net.institution_id, date(YEAR - 1, 12, 28)),
    )
    window, institution = str(net.window_id), str(net.institution_id)

    def in_force(scoring: int, as_on: date = TODAY) -> tuple[int, int]:
        windows = figures(ledger, "window", as_on, scoring)
        institutions = figures(ledger, "institution", as_on, scoring)
        return windows[window]["institutions_in_force"], institutions[institution][
            "agreements_in_force"
        ]

    assert in_force(EXACT) == (1, 1)
    revoke(ledger, "institution", net.institution_id)  # today

    assert in_force(EXACT) == (0, 0)
    assert in_force(EXACT, TODAY - timedelta(days=1)) == (1, 1)  # as on the day before
    assert in_force(ROUNDED) == (1, 1)  # how the first scoring counted
    # The agreement itself, as the resource and the view show it: ended by the revocation.
    view = ledger.capability(Agreement).view
    found = ledger.get(Agreement, agreement)
    assert (view(found, TODAY)["status"], view(found, TODAY)["party_revoked_on"]) == (
        "party_revoked",
        TODAY.isoformat(),
    )
    assert view(found, TODAY - timedelta(days=1))["status"] == "in_force"
    listed = cast(Agreements, ledger.capability(Agreement)).views([found, found], TODAY)
    assert [a["status"] for a in listed] == ["party_revoked", "party_revoked"]  # a page
    with folded_at(ledger, ledger.head_position()) as tx:
        [row] = agreements(tx, as_on=TODAY, party_id=window)
        [before] = agreements(tx, as_on=TODAY - timedelta(days=1), party_id=window)
    assert (row["status"], row["party_revoked_on"]) == ("party_revoked", TODAY.isoformat())
    assert (before["status"], before["party_revoked_on"]) == ("in_force", None)


def test_the_hubs_budget_execution_counts_what_was_paid_by_the_day_read_as_on(
    ledger: LedgerApplication, hub_id: UUID
) -> None:
    approved_budget(ledger, hub_id)  # 800.00 approved
    paid = request(ledger, hub_id, amount="300.00").resource_id
    act(ledger, ApproveDisbursement(disbursement_id=paid, note="同意"), as_bureau())
    act(
        ledger,
        RecordPayment(disbursement_id=paid, payment_reference="NXBANK-9", paid_on=TODAY),
        as_hub(hub_id),
    )

    def execution(as_on: date, scoring: int) -> tuple[str, str, str | None]:
        hub = figures(ledger, "hub", as_on, scoring)[str(hub_id)]
        return hub["budget_paid"], hub["budget_approved"], hub["budget_execution_share"]

    assert execution(TODAY, EXACT) == ("300.00", "800.00", "0.3750")
    assert execution(TODAY - timedelta(days=1), EXACT) == ("0", "800.00", "0.0000")
    assert execution(TODAY - timedelta(days=1), ROUNDED) == ("300.00", "800.00", "0.3750")
