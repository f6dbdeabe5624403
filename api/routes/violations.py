"""Violations (Art. 15): the hub or the bureau records them (the bureau alone, for the hub), on
an upheld complaint or after an inspection, orders their correction and records whether it was
made. A window or an institution sees its own; the hub, the bureau and auditors see all."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import Ledger, require
from api.paging import Paging
from api.resources import add_read_routes
from api.routes.complaints import READERS, own, subject_list
from api.schemas.complaints import (
    CorrectionOrder,
    CorrectionRecord,
    NotCorrectedRecord,
    ViolationRecord,
)
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.violations import Violations
from ledger.application.interface.complaints import (
    ViolationList,
    ViolationView,
    violation_counts,
    violation_view,
)
from ledger.application.queries.complaints import list_violations as violations_of
from ledger.domain.access_key import Role
from ledger.domain.violation import Violation

router = APIRouter(route_class=ShapedRoute, prefix="/v1/violations", tags=["violations"])

Recording = Annotated[Writer, creating(Role.HUB, Role.BUREAU)]
Step = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
Reader = Annotated[Principal, require(*READERS)]
ViolationId = Annotated[UUID, Path(description="The violation's id")]
SubjectFilter = Annotated[
    UUID | None, Query(description="Violations of this platform or institution")
]
YearFilter = Annotated[
    int | None, Query(ge=2000, le=2099, description="Found in this year (found_on)")
]
routes = CommandRoutes(router, "violation_id", ViolationId, shows=ViolationView)


routes.create(
    "record_violation",
    ViolationRecord,
    Recording,
    "Record a violation found on an upheld complaint or by inspection (hub or bureau)",
)


@router.get(
    "",
    summary="Violations by subject and year, with their counts by severity",
    response_model=ViolationList,
)
def list_violations(
    principal: Reader,
    ledger: Ledger,
    directory: Listing,
    subject_id: SubjectFilter = None,
    year: YearFilter = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    """Every matching violation this key may see, in the order recorded, and how many there
    are by severity and outcome (the figures an appraisal reads, of every matching violation,
    not only of this page); a window or an institution sees its own only."""
    return subject_list(
        request, principal, ledger.capability(Violation),
        violations_of(ledger, directory, subject_id=own(principal, subject_id), year=year),
        page, "violations", violation_view, violation_counts,
    )  # fmt: skip


routes.step(
    "/correction-order",
    "order_correction",
    CorrectionOrder,
    Step,
    "Order the corrective action, with its deadline",
)
routes.step(
    "/correction",
    "record_correction",
    CorrectionRecord,
    Step,
    "Record that the corrective action was taken (late if after the deadline)",
)
routes.step(
    "/non-correction",
    "record_not_corrected",
    NotCorrectedRecord,
    Step,
    "Record that the deadline passed without the correction",
)


add_read_routes(router, Violations, readers=READERS, shows=ViolationView)
