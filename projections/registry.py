"""The registry view: every participant of the network with its status and key dates."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from ledger.domain.agreement import Agreement
from ledger.domain.expert import Expert
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.standing import Standing, StandingAggregate
from projections.base import Projection, business_date, iso, on, text, update
from projections.store import Tx

PARTICIPANTS = "view_participants"
EXPERTS = "view_experts"
AGREEMENTS = "view_agreements"


# The ways a participant enters the network: each names it, with its USCC and region.
Entered = (
    Platform.RegisteredAsConnected | Platform.ConnectedAfterOnboarding | Institution.Registered
)


def _enter(
    tx: Tx,
    event: Entered,
    kind: str,
    categories: list[str],
    status: str,
    position: int,
) -> None:
    tx.execute(
        f"INSERT INTO {PARTICIPANTS} (id, kind, name, uscc, region, categories, status, "
        "standing, entered_on, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING",
        (
            str(event.originator_id), kind, event.name, event.uscc, event.region,
            ",".join(categories), status, Standing.GOOD.value, business_date(event), position,
        ),
    )  # fmt: skip


def _change_standing(
    tx: Tx,
    event: StandingAggregate.Event,
    standing: Standing,
    position: int,
    deadline: date | None = None,
) -> None:
    revoked = standing is Standing.REVOKED
    day = business_date(event)
    tx.execute(
        f"UPDATE {PARTICIPANTS} SET standing = ?, standing_changed_on = ?, "
        "rectification_deadline = ?, status = CASE WHEN ? = 1 THEN 'revoked' ELSE status END, "
        "revoked_on = CASE WHEN ? = 1 THEN ? ELSE revoked_on END, position = ? WHERE id = ?",
        (
            standing.value, day, iso(deadline), int(revoked), int(revoked), day, position,
            str(event.originator_id),
        ),
    )  # fmt: skip


class RegistryProjection(Projection):
    name = "registry"
    version = 2
    tables: ClassVar[dict[str, str]] = {
        EXPERTS: (
            "expert_id TEXT PRIMARY KEY, name TEXT NOT NULL, fields TEXT NOT NULL, "
            "organisation TEXT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, "
            "registered_on TEXT NOT NULL, deactivated_on TEXT, position BIGINT NOT NULL"
        ),
        AGREEMENTS: (
            "agreement_id TEXT PRIMARY KEY, proposer_id TEXT NOT NULL, "
            "proposer_kind TEXT NOT NULL, counterparty_id TEXT NOT NULL, "
            "counterparty_kind TEXT NOT NULL, title TEXT NOT NULL, categories TEXT NOT NULL, "
            "starts_on TEXT NOT NULL, ends_on TEXT NOT NULL, proposed_on TEXT NOT NULL, "
            "signed_on TEXT, amended_on TEXT, terminated_on TEXT, pending_categories TEXT, "
            "pending_starts_on TEXT, pending_ends_on TEXT, status TEXT NOT NULL, "
            "position BIGINT NOT NULL"
        ),
        PARTICIPANTS: (
            "id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, uscc TEXT NOT NULL, "
            "region TEXT NOT NULL, categories TEXT NOT NULL, status TEXT NOT NULL, "
            "standing TEXT NOT NULL, entered_on TEXT NOT NULL, standing_changed_on TEXT, "
            "rectification_deadline TEXT, revoked_on TEXT, position BIGINT NOT NULL"
        ),
    }

    # --- participants -------------------------------------------------------------------------

    @on(Platform.RegisteredAsConnected)
    def platform_registered(
        self, tx: Tx, event: Platform.RegisteredAsConnected, position: int
    ) -> None:
        _enter(tx, event, event.kind, [], "connected", position)

    @on(Platform.ConnectedAfterOnboarding)
    def platform_connected(
        self, tx: Tx, event: Platform.ConnectedAfterOnboarding, position: int
    ) -> None:
        _enter(tx, event, "window", event.categories, "connected", position)

    @on(Institution.Registered)
    def institution_registered(self, tx: Tx, event: Institution.Registered, position: int) -> None:
        _enter(tx, event, "institution", event.categories, "registered", position)

    @on(Institution.Joined)
    def institution_joined(self, tx: Tx, event: Institution.Joined, position: int) -> None:
        tx.execute(
            f"UPDATE {PARTICIPANTS} SET status = 'active', position = ? "
            "WHERE id = ? AND status = 'registered'",
            (position, str(event.originator_id)),
        )

    # --- standing (platforms and institutions alike) ------------------------------------------

    @on(Platform.PrioritySupportGranted, Institution.PrioritySupportGranted)
    def priority_support_granted(
        self, tx: Tx, event: StandingAggregate.PrioritySupportGranted, position: int
    ) -> None:
        _change_standing(tx, event, Standing.PRIORITY_SUPPORT, position)

    @on(Platform.RectificationOrdered, Institution.RectificationOrdered)
    def rectification_ordered(
        self, tx: Tx, event: StandingAggregate.RectificationOrdered, position: int
    ) -> None:
        _change_standing(tx, event, Standing.RECTIFYING, position, deadline=event.deadline)

    @on(Platform.RectificationCompleted, Institution.RectificationCompleted)
    def rectification_completed(
        self, tx: Tx, event: StandingAggregate.RectificationCompleted, position: int
    ) -> None:
        _change_standing(tx, event, Standing.GOOD, position)

    @on(Platform.RevocationRequested, Institution.RevocationRequested)
    def revocation_requested(
        self, tx: Tx, event: StandingAggregate.RevocationRequested, position: int
    ) -> None:
        _change_standing(tx, event, Standing.REVOCATION_REQUESTED, position)

    @on(Platform.Revoked, Institution.Revoked)
    def revoked(self, tx: Tx, event: StandingAggregate.Revoked, position: int) -> None:
        _change_standing(tx, event, Standing.REVOKED, position)

    # --- experts ------------------------------------------------------------------------------

    @on(Expert.Registered)
    def expert_registered(self, tx: Tx, event: Expert.Registered, position: int) -> None:
        tx.execute(
            f"INSERT INTO {EXPERTS} (expert_id, name, fields, organisation, title, status, "
            "registered_on, position) VALUES (?, ?, ?, ?, ?, 'active', ?, ?) "
            "ON CONFLICT (expert_id) DO NOTHING",
            (
                str(event.originator_id), event.name, ",".join(event.fields),
                event.organisation, event.title, business_date(event), position,
            ),
        )  # fmt: skip

    expert_deactivated = update(
        Expert.Deactivated,
        EXPERTS,
        "expert_id",
        "status = 'inactive', deactivated_on = ?",
        lambda e: (business_date(e),),
    )

    # --- agreements ---------------------------------------------------------------------------

    @on(Agreement.Proposed)
    def agreement_proposed(self, tx: Tx, event: Agreement.Proposed, position: int) -> None:
        tx.execute(
            f"INSERT INTO {AGREEMENTS} (agreement_id, proposer_id, proposer_kind, "
            "counterparty_id, counterparty_kind, title, categories, starts_on, ends_on, "
            "proposed_on, status, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?) "
            "ON CONFLICT (agreement_id) DO NOTHING",
            (
                str(event.originator_id), text(event.proposer_id), event.proposer_kind,
                text(event.counterparty_id), event.counterparty_kind, event.title,
                ",".join(event.categories), iso(event.starts_on), iso(event.ends_on),
                business_date(event), position,
            ),
        )  # fmt: skip

    agreement_countersigned = update(
        Agreement.Countersigned,
        AGREEMENTS,
        "agreement_id",
        "signed_on = ?, status = 'signed'",
        lambda e: (iso(e.signed_on),),
    )
    amendment_proposed = update(
        Agreement.AmendmentProposed,
        AGREEMENTS,
        "agreement_id",
        "pending_categories = ?, pending_starts_on = ?, pending_ends_on = ?",
        lambda e: (",".join(e.categories), iso(e.starts_on), iso(e.ends_on)),
    )
    amendment_countersigned = update(
        Agreement.AmendmentCountersigned,
        AGREEMENTS,
        "agreement_id",
        "categories = pending_categories, starts_on = pending_starts_on, "
        "ends_on = pending_ends_on, pending_categories = NULL, pending_starts_on = NULL, "
        "pending_ends_on = NULL, amended_on = ?",
        lambda e: (iso(e.signed_on),),
    )
    amendment_withdrawn = update(
        Agreement.AmendmentWithdrawn,
        AGREEMENTS,
        "agreement_id",
        "pending_categories = NULL, pending_starts_on = NULL, pending_ends_on = NULL",
        lambda _: (),
    )
    agreement_terminated = update(
        Agreement.Terminated,
        AGREEMENTS,
        "agreement_id",
        "terminated_on = ?, status = 'terminated'",
        lambda e: (iso(e.effective_on),),
    )
