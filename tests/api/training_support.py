"""Helpers of the training and alliance API tests: bodies, and a training at each stage."""

from __future__ import annotations

import uuid
from typing import Any

from tests.api._support import JSON, TODAY, Api
from tests.api.complaints_support import INSTITUTION_ID, ok

TRAININGS = "/v1/trainings"
MEMBERSHIPS = "/v1/alliance-memberships"
ALLIANCE = "/v1/alliance"
YESTERDAY = TODAY.fromordinal(TODAY.toordinal() - 1)


def training_body(**overrides: Any) -> JSON:
    """A two-day training ending today, of 12 hours."""
    return {
        "external_ref": f"PX-{uuid.uuid4().hex[:12]}",
        "title": "平台网络服务人员业务培训",
        "category": "service_skills",
        "starts_on": YESTERDAY.isoformat(),
        "ends_on": TODAY.isoformat(),
        "hours": "12",
        **overrides,
    }


def trainee(participant_id: object, name: str = "马晓兰", **overrides: Any) -> JSON:
    return {
        "participant_id": str(participant_id),
        "name": name,
        "role": "服务专员",
        "hours": "12",
        "result": "passed",
        **overrides,
    }


def hub_roster(api: Api) -> list[JSON]:
    """Window A's staff (one passed, one absent) and the institution's (failed)."""
    return [
        trainee(api.window_a_id),
        trainee(api.window_a_id, "李娜", hours="0", result="absent"),
        trainee(INSTITUTION_ID, "杨志军", hours="8.5", result="failed"),
    ]


def training_at(api: Api, stage: str, key: str | None = None, **overrides: Any) -> str:
    """The id of a training of the hub (or of ``key``'s window, with window A's staff) at
    ``stage``: planned, held, closed or cancelled."""
    key = key or api.keys.hub
    training_id = str(ok(api, TRAININGS, key, training_body(**overrides), 201)["id"])
    path = f"{TRAININGS}/{training_id}"
    roster = hub_roster(api) if key == api.keys.hub else [trainee(api.window_a_id)]
    if stage in {"held", "closed"}:
        ok(api, f"{path}/roster", key, {"roster": roster})
    if stage == "closed":
        ok(api, f"{path}/closure", key, {})
    if stage == "cancelled":
        ok(api, f"{path}/cancellation", key, {"reasons": "讲师无法到场"})
    return training_id


def joined(api: Api, member_id: object, joined_on: str = "2026-01-01") -> str:
    """The id of ``member_id``'s alliance membership, joined on ``joined_on``."""
    body = {"member_id": str(member_id), "joined_on": joined_on}
    return str(ok(api, MEMBERSHIPS, api.keys.hub, body, 201)["id"])
