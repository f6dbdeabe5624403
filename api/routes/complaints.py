"""Complaints (Art. 15): the hub (or the bureau) lodges them; the hub accepts or dismisses and
concludes them (the bureau, for complaints against the hub); the subject answers with its own
key. A window or an institution sees the complaints against itself; the hub, the bureau and
auditors see all."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.complaints import (
    ComplaintAcceptance,
    ComplaintConclusion,
    ComplaintDismissal,
    ComplaintLodging,
    ComplaintResponse,
)
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.capability import Capability
from ledger.application.context import Principal
from ledger.application.handlers.complaints import Complaints
from ledger.application.interface.complaints import (
    ComplaintList,
    ComplaintView,
    complaint_counts,
    complaint_view,
)
from ledger.application.queries.complaints import list_complaints as complaints_of
from ledger.application.queries.listing import Listed, Page
from ledger.domain.access_key import Role
from ledger.domain.base import LedgerAggregate
from ledger.domain.complaint import Complaint

router = APIRouter(route_class=ShapedRoute, prefix="/v1/complaints", tags=["complaints"])
A = TypeVar("A", bound=LedgerAggregate)

SUBJECTS = (Role.WINDOW, Role.INSTITUTION)
"""Roles that read only what concerns their own platform or institution."""
READERS = (*SUBJECTS, Role.HUB, Role.BUREAU, Role.AUDITOR)
Lodging = Annotated[Writer, creating(Role.HUB, Role.BUREAU)]
Handling = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
Answering = Annotated[Writer, stepping(Role.WINDOW, Role.INSTITUTION, Role.HUB)]
Reader = Annotated[Principal, require(*READERS)]
ComplaintId = Annotated[UUID, Path(description="The complaint's id")]
SubjectFilter = Annotated[
    UUID | None, Query(description="Complaints against this platform or institution")
]
YearFilter = Annotated[
    int | None, Query(ge=2000, le=2099, description="Lodged in this year (Ningxia dates)")
]
routes = CommandRoutes(router, "complaint_id", ComplaintId, shows=ComplaintView)


routes.create(
    "lodge_complaint",
    ComplaintLodging,
    Lodging,
    "Lodge a complaint against a platform or an institution (hub or bureau)",
)


@router.get(
    "", summary="Complaints by subject and year, with their counts", response_model=ComplaintList
)
def list_complaints(
    principal: Reader,
    ledger: Ledger,
    directory: Listing,
    subject_id: SubjectFilter = None,
    year: YearFilter = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    """Every matching complaint this key may see, in lodging order, and how many were lodged,
    upheld, dismissed... (the figures an appraisal reads, of every matching complaint, not only
    of this page); a window or an institution sees the complaints against itself only."""
    return subject_list(
        request, principal, ledger.capability(Complaint),
        complaints_of(ledger, directory, subject_id=own(principal, subject_id), year=year),
        page, "complaints", complaint_view, complaint_counts,
    )  # fmt: skip


def own(principal: Principal, subject_id: UUID | None) -> UUID | None:
    """The subject a list is for: a window or an institution asks only about itself (another
    subject's list is empty: the nil id matches nothing)."""
    if principal.role not in SUBJECTS:
        return subject_id
    if subject_id not in (None, principal.platform_id):
        return UUID(int=0)
    return principal.platform_id


def subject_list(
    request: Request,
    principal: Principal,
    capability: Capability[Any],
    found: Listed[A],
    page: Page,
    key: str,
    view: Callable[[A], Mapping[str, Any]],
    counts: Callable[[list[A]], Mapping[str, Any]],
) -> Response:
    """``page`` of the records of ``found`` that ``principal`` may see, with the counts of them
    all."""
    visible = found.kept(lambda record: capability.visible(record, principal))
    shown = visible.paged(page)
    return paged(request, {key: [view(r) for r in shown], "counts": counts(visible)}, shown)


routes.step(
    "/acceptance",
    "accept",
    ComplaintAcceptance,
    Handling,
    "Accept the complaint for handling, with the day the subject answers by",
)
routes.step(
    "/dismissal",
    "dismiss",
    ComplaintDismissal,
    Handling,
    "Dismiss the complaint, with reasons (final)",
)
routes.step(
    "/response",
    "respond",
    ComplaintResponse,
    Answering,
    "The subject's response to an accepted complaint (its own key)",
)
routes.step(
    "/conclusion",
    "conclude",
    ComplaintConclusion,
    Handling,
    "Conclude the complaint: upheld or not, with findings",
)


add_read_routes(router, Complaints, readers=READERS, shows=ComplaintView)
