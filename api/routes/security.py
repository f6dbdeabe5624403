"""Information security files of the platforms (Art. 6.2, 9.2): each platform records its
grading, rectification and incidents; the hub inspects windows and the bureau any platform; the
platform, the hub, the bureau and auditors read them."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Response

from api.deps import Ledger, require
from api.resources import add_read_routes
from api.responses import json_response, outcome_response
from api.schemas.common import Body
from api.schemas.security import (
    GradingBody,
    IncidentBody,
    IncidentClosureBody,
    InspectionBody,
    RectificationBody,
)
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, stepping
from ledger.application.capability import Command
from ledger.application.context import Principal
from ledger.application.handlers.security import SecurityFiles
from ledger.application.interface.security import SecurityFileView, SecurityOverview
from ledger.application.queries.security import security_overview
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.time import CST

router = APIRouter(route_class=ShapedRoute, prefix="/v1/platforms", tags=["information security"])
overview_router = APIRouter(
    route_class=ShapedRoute, prefix="/v1/views", tags=["information security"]
)

Own = Annotated[Writer, stepping(Role.WINDOW, Role.HUB)]
Inspecting = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
READERS = (Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR)
Reader = Annotated[Principal, require(*READERS)]
routes = CommandRoutes(router, "platform_id", shows=SecurityFileView)
NUMBER = {"number": int}


def _as_step(write: Writer, command: Command[Outcome], body: Body) -> Response:
    """200 with the file, also for the record that opened it: the file is the platform's, at
    the platform's path, from its first record on."""
    outcome = write.ledger.handle(command, write.context(body))
    return outcome_response(replace(outcome, created=False))


routes.step(
    "/security/grading",
    "grade_platform_security",
    GradingBody,
    Own,
    "Record the platform's classified protection grading (等级保护), by the platform",
    send=_as_step,
)
routes.step(
    "/security/inspections",
    "record_platform_security_inspection",
    InspectionBody,
    Inspecting,
    "Record an inspection of the platform's security, with findings and a deadline",
    send=_as_step,
)
routes.step(
    "/security/inspections/{number}/rectification",
    "rectify_platform_security_findings",
    RectificationBody,
    Own,
    "Record that an inspection's findings were rectified, by the platform",
    params=NUMBER,
    send=_as_step,
)
routes.step(
    "/security/incidents",
    "report_platform_security_incident",
    IncidentBody,
    Own,
    "Report a security incident of the platform, by the platform",
    send=_as_step,
)
routes.step(
    "/security/incidents/{number}/closure",
    "close_platform_security_incident",
    IncidentClosureBody,
    Own,
    "Close an incident with the measures taken, by the platform",
    params=NUMBER,
    send=_as_step,
)


@overview_router.get(
    "/security",
    summary="Every platform's security at a glance: level, review due, open findings, incidents",
    name="view_security",
    response_model=SecurityOverview,
)
def overview(principal: Reader, ledger: Ledger, directory: Listing) -> Response:
    today = ledger.clock().astimezone(CST).date()
    only = principal.platform_id if principal.role is Role.WINDOW else None
    rows = security_overview(ledger, directory, today, only=only)
    return json_response(SecurityOverview(on=today.isoformat(), platforms=rows))


add_read_routes(
    router,
    SecurityFiles,
    readers=READERS,
    suffix="/security",
    stream_of=ids.security_file_id,
    names=("read_platform_security", "read_platform_security_history"),
    shows=SecurityFileView,
)
