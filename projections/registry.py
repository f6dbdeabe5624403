"""The registry view: every participant of the network with its status and key dates."""

from __future__ import annotations

from typing import Any, ClassVar

from ledger.domain.agreement import Agreement
from ledger.domain.expert import Expert
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.standing import Standing
from projections.base import Event, Handler, Projection, business_date, iso, text, updater
from projections.store import Tx

PARTICIPANTS = "view_participants"
EXPERTS = "view_experts"
AGREEMENTS = "view_agreements"


def _entered(kind: str | None, status: str) -> Handler:
    def handle(_: Any, tx: Tx, event: Event, position: int) -> None:
        data = vars(event)
        tx.execute(
            f"INSERT INTO {PARTICIPANTS} (id, kind, name, uscc, region, categories, status, "
            "standing, entered_on, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            (
                str(event.originator_id),
                kind or data["kind"],
                data["name"],
                data["uscc"],
                data["region"],
                ",".join(data.get("categories", [])),
                status,
                Standing.GOOD.value,
                business_date(event),
                position,
            ),
        )

    return handle


def _joined(_: Any, tx: Tx, event: Event, position: int) -> None:
    tx.execute(
        f"UPDATE {PARTICIPANTS} SET status = 'active', position = ? "
        "WHERE id = ? AND status = 'registered'",
        (position, str(event.originator_id)),
    )


def _standing(standing: Standing) -> Handler:
    revoked = standing is Standing.REVOKED

    def handle(_: Any, tx: Tx, event: Event, position: int) -> None:
        deadline = vars(event).get("deadline")
        day = business_date(event)
        tx.execute(
            f"UPDATE {PARTICIPANTS} SET standing = ?, standing_changed_on = ?, "
            "rectification_deadline = ?, status = CASE WHEN ? = 1 THEN 'revoked' ELSE status END, "
            "revoked_on = CASE WHEN ? = 1 THEN ? ELSE revoked_on END, position = ? WHERE id = ?",
            (
                standing.value,
                day,
                None if deadline is None else deadline.isoformat(),
                int(revoked),
                int(revoked),
                day,
                position,
                str(event.originator_id),
            ),
        )

    return handle


def _expert(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    tx.execute(
        f"INSERT INTO {EXPERTS} (expert_id, name, fields, organisation, title, status, "
        "registered_on, position) VALUES (?, ?, ?, ?, ?, 'active', ?, ?) "
        "ON CONFLICT (expert_id) DO NOTHING",
        (
            str(e.originator_id), e.name, ",".join(e.fields), e.organisation, e.title,
            business_date(e), position,
        ),
    )  # fmt: skip


def _agreement(_: Any, tx: Tx, event: Event, position: int) -> None:
    e: Any = event
    tx.execute(
        f"INSERT INTO {AGREEMENTS} (agreement_id, proposer_id, proposer_kind, counterparty_id, "
        "counterparty_kind, title, categories, starts_on, ends_on, proposed_on, status, "
        "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?) "
        "ON CONFLICT (agreement_id) DO NOTHING",
        (
            str(e.originator_id), text(e.proposer_id), e.proposer_kind, text(e.counterparty_id),
            e.counterparty_kind, e.title, ",".join(e.categories), iso(e.starts_on),
            iso(e.ends_on), business_date(e), position,
        ),
    )  # fmt: skip


_STANDING_STEPS = {
    "PrioritySupportGranted": Standing.PRIORITY_SUPPORT,
    "RectificationOrdered": Standing.RECTIFYING,
    "RectificationCompleted": Standing.GOOD,
    "RevocationRequested": Standing.REVOCATION_REQUESTED,
    "Revoked": Standing.REVOKED,
}


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
    handlers: ClassVar[dict[type, Handler]] = {
        Platform.RegisteredAsConnected: _entered(None, "connected"),
        Platform.ConnectedAfterOnboarding: _entered("window", "connected"),
        Institution.Registered: _entered("institution", "registered"),
        Institution.Joined: _joined,
        Expert.Registered: _expert,
        Expert.Deactivated: updater(
            EXPERTS,
            "expert_id",
            "status = 'inactive', deactivated_on = ?",
            lambda e: (business_date(e),),
        ),
        Agreement.Proposed: _agreement,
        Agreement.Countersigned: updater(
            AGREEMENTS,
            "agreement_id",
            "signed_on = ?, status = 'signed'",
            lambda e: (iso(e.signed_on),),
        ),
        Agreement.AmendmentProposed: updater(
            AGREEMENTS,
            "agreement_id",
            "pending_categories = ?, pending_starts_on = ?, pending_ends_on = ?",
            lambda e: (",".join(e.categories), iso(e.starts_on), iso(e.ends_on)),
        ),
        Agreement.AmendmentCountersigned: updater(
            AGREEMENTS,
            "agreement_id",
            "categories = pending_categories, starts_on = pending_starts_on, "
            "ends_on = pending_ends_on, pending_categories = NULL, pending_starts_on = NULL, "
            "pending_ends_on = NULL, amended_on = ?",
            lambda e: (iso(e.signed_on),),
        ),
        Agreement.AmendmentWithdrawn: updater(
            AGREEMENTS,
            "agreement_id",
            "pending_categories = NULL, pending_starts_on = NULL, pending_ends_on = NULL",
            lambda e: (),
        ),
        Agreement.Terminated: updater(
            AGREEMENTS,
            "agreement_id",
            "terminated_on = ?, status = 'terminated'",
            lambda e: (iso(e.effective_on),),
        ),
        **{
            getattr(aggregate, event_name): _standing(standing)
            for aggregate in (Platform, Institution)
            for event_name, standing in _STANDING_STEPS.items()
        },
    }
