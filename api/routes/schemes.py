"""Appraisal schemes as published records (Art. 11-12): the hub publishes the windows' and the
institutions' schemes, the bureau the hub's, effective from a year; every run scores by the
scheme in force for its year (the packaged one where nothing was published)."""

from __future__ import annotations

from typing import Annotated, Literal, cast
from uuid import UUID

from fastapi import APIRouter, Path, Query, Response

from api.deps import Ledger, require
from api.resources import add_read_routes
from api.responses import json_response
from api.schemas.schemes import SchemePublication, SchemeRevision
from api.shapes import ShapedRoute
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.schemes import Schemes
from ledger.application.interface.schemes import (
    PublishedSchemeView,
    SchemeInForce,
    scheme_in_force_view,
)
from ledger.domain.access_key import Role
from ledger.domain.published_scheme import PublishedScheme

router = APIRouter(route_class=ShapedRoute, prefix="/v1/schemes", tags=["appraisals"])

READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW, Role.INSTITUTION)
Publishing = Annotated[Writer, creating(Role.HUB, Role.BUREAU)]
Revising = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
Reader = Annotated[Principal, require(*READERS)]
SchemeId = Annotated[UUID, Path(description="The published scheme")]
routes = CommandRoutes(router, "scheme_id", SchemeId, shows=PublishedSchemeView)


routes.create(
    "publish_scheme",
    SchemePublication,
    Publishing,
    "Publish an appraisal scheme effective from a year (hub: windows, institutions; bureau: hub)",
)


@router.get(
    "/in-force",
    summary="The scheme a run appraising a kind of subject for a year scores by",
    response_model=SchemeInForce,
)
def in_force(
    principal: Reader,
    ledger: Ledger,
    subject_kind: Annotated[Literal["window", "institution", "hub"], Query()],
    year: Annotated[int, Query(ge=2018, le=2100)],
) -> Response:
    """The latest version published effective from ``year`` or the nearest year before it;
    the packaged scheme where nothing was published."""
    schemes = cast(Schemes, ledger.capability(PublishedScheme))
    scheme, published = schemes.in_force(subject_kind, year)
    return json_response(scheme_in_force_view(subject_kind, year, scheme, published))


routes.step(
    "/versions",
    "revise_scheme",
    SchemeRevision,
    Revising,
    "Publish a newer version of the scheme (the appraiser of its kind)",
)


add_read_routes(router, Schemes, readers=READERS, shows=PublishedSchemeView)
