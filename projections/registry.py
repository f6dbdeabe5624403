"""The registry view: every participant of the network with its status and key dates."""

from __future__ import annotations

from typing import Any, ClassVar

from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.standing import Standing
from projections.base import Event, Handler, Projection, business_date
from projections.store import Tx

PARTICIPANTS = "view_participants"


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


_STANDING_STEPS = {
    "PrioritySupportGranted": Standing.PRIORITY_SUPPORT,
    "RectificationOrdered": Standing.RECTIFYING,
    "RectificationCompleted": Standing.GOOD,
    "RevocationRequested": Standing.REVOCATION_REQUESTED,
    "Revoked": Standing.REVOKED,
}


class RegistryProjection(Projection):
    name = "registry"
    version = 1
    tables: ClassVar[dict[str, str]] = {
        PARTICIPANTS: (
            "id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, uscc TEXT NOT NULL, "
            "region TEXT NOT NULL, categories TEXT NOT NULL, status TEXT NOT NULL, "
            "standing TEXT NOT NULL, entered_on TEXT NOT NULL, standing_changed_on TEXT, "
            "rectification_deadline TEXT, revoked_on TEXT, position BIGINT NOT NULL"
        )
    }
    handlers: ClassVar[dict[type, Handler]] = {
        Platform.RegisteredAsConnected: _entered(None, "connected"),
        Platform.ConnectedAfterOnboarding: _entered("window", "connected"),
        Institution.Registered: _entered("institution", "registered"),
        Institution.Joined: _joined,
        **{
            getattr(aggregate, event_name): _standing(standing)
            for aggregate in (Platform, Institution)
            for event_name, standing in _STANDING_STEPS.items()
        },
    }
