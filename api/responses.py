"""Turning ledger outcomes and views into HTTP responses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from fastapi import Response

from ledger.application.writes import Outcome
from runtime import metrics

# Collections whose plural is not the resource type with an "s".
_IRREGULAR_COLLECTIONS = {"activity": "activities"}


def resource_path(resource_type: str, resource_id: object) -> str:
    """Where a resource lives: ``service_case`` → ``/v1/service-cases/{id}``."""
    collection = _IRREGULAR_COLLECTIONS.get(resource_type, f"{resource_type}s")
    return f"/v1/{collection.replace('_', '-')}/{resource_id}"


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        orjson.dumps(body), status_code=status, media_type="application/json", headers=headers
    )


def etag(version: int) -> str:
    return f'"{version}"'


def outcome_response(outcome: Outcome, location_id: str | None = None) -> Response:
    """A command's answer: the resource after the command, and where it sits in the log."""
    headers = {"ETag": etag(outcome.version)}
    if outcome.created:
        headers["Location"] = resource_path(
            outcome.resource_type, location_id or outcome.resource_id
        )
    if outcome.replayed:
        headers["Idempotent-Replayed"] = "true"
        metrics.IDEMPOTENT_REPLAYS.inc()
    for event_type in outcome.event_types:
        metrics.EVENTS_APPENDED.labels(event_type).inc()
    body = {**outcome.body, "position": outcome.position}
    return json_response(body, 201 if outcome.created else 200, headers)


def view_response(view: Mapping[str, Any], version: int) -> Response:
    return json_response(view, 200, {"ETag": etag(version)})
