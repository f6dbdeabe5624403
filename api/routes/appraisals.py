"""Annual appraisals: computed at one log position, scored by experts, concluded, verified."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal, cast
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import HTMLResponse

from api.deps import IsoDate, Ledger, require, require_json
from api.paging import Paging, paged
from api.problems import ApiError
from api.resources import add_read_routes
from api.responses import json_response
from api.schemas.appraisals import AppraisalRun, ConclusionBody, ExpertScoreBody, SupersessionBody
from api.shapes import ShapedRoute
from api.views import Format, Listing, Views, table_response
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.capability import Command
from ledger.application.context import Principal
from ledger.application.handlers.appraisals import Appraisals, check_appraiser
from ledger.application.handlers.schemes import scheme_in_force
from ledger.application.interface.appraisals import (
    AppraisalList,
    AppraisalRunResult,
    AppraisalView,
    FigureRecords,
    GradeName,
    ProvisionalAppraisal,
    ProvisionalAppraisals,
    SkippedSubject,
    VerificationView,
    appraisal_view,
)
from ledger.application.queries.appraisals import list_appraisals as appraisals_of
from ledger.application.writes import Outcome
from ledger.domain.access_key import Role
from ledger.domain.appraisal import Appraisal
from ledger.domain.errors import (
    AppraisalExistsError,
    AppraisalNotFoundError,
    LedgerError,
    YearNotClosedError,
)
from ledger.domain.published_scheme import PublishedScheme
from ledger.domain.schemes import SHARE_PARTS, presented
from ledger.domain.time import CST
from projections.appraisal import (
    default_as_on,
    figures_now,
    not_active,
    records_of,
    scorecard_csv,
    scorecard_html,
    subjects_of_kind,
    verify,
)
from projections.appraisal_records import FIGURES_WITH_RECORDS

router = APIRouter(route_class=ShapedRoute, prefix="/v1/appraisals", tags=["appraisals"])

Running = Annotated[Writer, creating(Role.HUB, Role.BUREAU)]
Step = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
Overseer = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
JSON_ONLY = [Depends(require_json)]
SCORECARD_READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW, Role.INSTITUTION)
routes = CommandRoutes(router, "appraisal_id", shows=AppraisalView)


@router.post(
    "",
    dependencies=JSON_ONLY,
    summary="Compute the year's appraisals of every subject of a kind, at one log position",
    response_model=AppraisalRunResult,
    responses={
        200: {"description": "Nothing new: every subject is already appraised for the year"},
        201: {
            "description": "Appraisals were recorded; Location lists the year's appraisals",
            "model": AppraisalRunResult,
        },
    },
)
def run_appraisals(body: AppraisalRun, write: Running, views: Views) -> Response:
    ledger = write.ledger
    check_appraiser(write.principal, body.subject_kind)
    ledger.lookups.closed_year(body.year)  # before anything is read: a year still open is not
    today = ledger.clock().astimezone(CST).date()
    as_on = body.as_on or default_as_on(body.year, today)
    position, figures = figures_now(views, year=body.year, as_on=as_on)
    inactive = not_active(views, body.year)
    scheme = scheme_in_force(ledger.capability(PublishedScheme), body.subject_kind, body.year)
    # One business time for the whole run, as the figures are read at one position.
    now, context = ledger.clock(), write.context(body)
    commands: list[tuple[str, Command[Outcome]]] = []
    skipped: list[SkippedSubject] = []
    for subject_id, inputs in subjects_of_kind(figures, body.subject_kind).items():
        if body.subject_id is not None and UUID(subject_id) != body.subject_id:
            continue
        if subject_id in inactive:
            skipped.append({"subject_id": subject_id, "reason": inactive[subject_id]})
            continue
        command = body.to_command(
            UUID(subject_id),
            inputs,
            scheme=scheme,
            position=position,
            as_on=as_on,
            occurred_at=now,
        )
        commands.append((subject_id, command))
    recorded: list[AppraisalView] = []
    replayed: list[Mapping[str, Any]] = []
    for (subject_id, _), answer in zip(commands, ledger.handle_all(commands, context), strict=True):
        if isinstance(answer, AppraisalExistsError):
            skipped.append({"subject_id": subject_id, "reason": "already appraised for the year"})
        elif isinstance(answer, LedgerError):
            raise answer
        else:
            # The appraisal's view (Appraisals.view), with the position of its write.
            recorded.append(cast(AppraisalView, {**answer.body, "position": answer.position}))
            if answer.replayed:
                replayed.append(answer.body)
    if replayed:  # a retry: the figures the first request read, not today's
        position, as_on = replayed[0]["position"], date.fromisoformat(replayed[0]["as_on"])
    headers = {"Location": f"/v1/appraisals?year={body.year}"} if recorded else {}
    if replayed:
        headers["Idempotent-Replayed"] = "true"
    result: AppraisalRunResult = {
        "position": position,
        "as_on": as_on.isoformat(),
        "appraisals": recorded,
        "skipped": skipped,
    }
    return json_response(result, 201 if recorded else 200, headers)


routes.step("/expert-scores", "add_expert_score", ExpertScoreBody, Step, "Add an expert score")
routes.step(
    "/conclusion",
    "conclude",
    ConclusionBody,
    Step,
    "Conclude: fix total and grade, and apply the consequence to the subject",
)
routes.step(
    "/supersession",
    "supersede",
    SupersessionBody,
    Step,
    "Supersede: void the appraisal with the reason, so that the year is appraised again",
)


@router.get("", summary="Appraisals, in the order they were computed", response_model=AppraisalList)
def list_appraisals(
    principal: Overseer,
    ledger: Ledger,
    directory: Listing,
    year: Annotated[int | None, Query(ge=2018, le=2100)] = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    found = appraisals_of(ledger, directory, page, year=year)
    return paged(request, {"appraisals": [appraisal_view(a) for a in found]}, found)


@router.get(
    "/provisional",
    summary="The appraisals a run would compute now, for an open year too: shown, never recorded",
    response_model=ProvisionalAppraisals,
)
def provisional(
    principal: Overseer,
    ledger: Ledger,
    views: Views,
    year: Annotated[int, Query(ge=2018, le=2100)],
    subject_kind: Annotated[Literal["window", "institution", "hub"], Query()] = "window",
    subject_id: UUID | None = None,
    as_on: Annotated[IsoDate | None, Query(description="Figures as on (default: as a run)")] = None,
) -> Response:
    """Figures read now from the views at one position, scored by the scheme a run would use:
    for a year not yet closed, what its appraisal would say so far. Nothing is recorded; only a
    run of a closed year records appraisals (``POST /v1/appraisals``)."""
    try:
        ledger.lookups.closed_year(year)
        closed = True
    except YearNotClosedError:
        closed = False
    day = as_on or default_as_on(year, ledger.clock().astimezone(CST).date())
    position, figures = figures_now(views, year=year, as_on=day)
    scheme = scheme_in_force(ledger.capability(PublishedScheme), subject_kind, year)
    shown: list[ProvisionalAppraisal] = []
    for subject, inputs in subjects_of_kind(figures, subject_kind).items():
        if subject_id is not None and UUID(subject) != subject_id:
            continue
        total = scheme.exact_total(inputs)
        shown.append(
            {
                "subject_id": subject,
                "figures": inputs,
                "scores": scheme.score(inputs),
                "indicators_total": str(presented(total)),
                "grade_by_indicators": cast(GradeName, scheme.grade(total)),
            }
        )
    answer: ProvisionalAppraisals = {
        "year": year,
        "subject_kind": subject_kind,
        "year_closed": closed,
        "position": position,
        "as_on": day.isoformat(),
        "scheme": {"id": scheme.id, "version": scheme.version, "digest": scheme.digest},
        "appraisals": shown,
    }
    return json_response(answer)


add_read_routes(
    router,
    Appraisals,
    readers=(Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW, Role.INSTITUTION),
    shows=AppraisalView,
)


@router.get(
    "/{appraisal_id}/verification",
    summary="Recompute the figures and scores from the log prefix the appraisal recorded",
    name="verify",
    response_model=VerificationView,
)
def verification(appraisal_id: UUID, principal: Overseer, ledger: Ledger) -> Response:
    result = verify(ledger, ledger.get(Appraisal, appraisal_id))
    return json_response(result.as_dict())


@router.get(
    "/{appraisal_id}/records",
    summary="The records behind one of the appraisal's figures, at the appraisal's position",
    name="read_records",
    response_model=FigureRecords,
)
def records(
    appraisal_id: UUID,
    principal: Annotated[Principal, require(*SCORECARD_READERS)],
    ledger: Ledger,
    figure: Annotated[str, Query(max_length=64, description="A figure the appraisal recorded")],
    format: Format = "json",
) -> Response:
    """Every record the figure was counted from (the cases delivered, the enterprises served,
    the activities held, the agreements in force, the data reports, the windows, the payments),
    folded from the log up to the appraisal's own position, each saying whether it counts."""
    appraisal = ledger.get(Appraisal, appraisal_id)
    if not ledger.capability(Appraisal).visible(appraisal, principal):
        raise AppraisalNotFoundError(f"No appraisal with id {appraisal_id}.")
    if figure not in FIGURES_WITH_RECORDS or figure not in appraisal.figures:
        known = sorted(FIGURES_WITH_RECORDS & set(appraisal.figures))
        raise ApiError(
            422, "unknown_figure", "Unknown figure",
            f"This appraisal has no records behind {figure!r}; ask for one of {', '.join(known)}.",
        )  # fmt: skip
    rows = records_of(appraisal, ledger, figure)
    if format != "json":
        return table_response(rows, "records", format, f"appraisal-{appraisal_id}-{figure}")
    answer: FigureRecords = {
        "appraisal_id": str(appraisal_id),
        "figure": figure,
        "share_of": list(SHARE_PARTS[figure]) if figure in SHARE_PARTS else None,
        "position": appraisal.position,
        "recorded": appraisal.figures.get(figure),
        "counted": sum(1 for r in rows if r["counted"]),
        "records": rows,
    }
    return json_response(answer)


@router.get(
    "/{appraisal_id}/scorecard",
    summary="The scorecard as an HTML page or CSV",
    name="read_scorecard",
    # Documented as what it answers: HTML (the default) or CSV, never JSON.
    response_class=HTMLResponse,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}}}},
)
def scorecard(
    appraisal_id: UUID,
    principal: Annotated[Principal, require(*SCORECARD_READERS)],
    ledger: Ledger,
    format: Annotated[str, Query(pattern="^(html|csv)$")] = "html",
) -> Response:
    appraisal = ledger.get(Appraisal, appraisal_id)
    if not ledger.capability(Appraisal).visible(appraisal, principal):
        raise AppraisalNotFoundError(f"No appraisal with id {appraisal_id}.")
    if format == "csv":
        return Response(
            scorecard_csv(appraisal).encode("utf-8-sig"),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="scorecard-{appraisal_id}.csv"'},
        )
    subject: Any = ledger.find(appraisal.subject_id) if appraisal.subject_id else None
    return Response(
        scorecard_html(appraisal, getattr(subject, "name", str(appraisal.subject_id))),
        media_type="text/html; charset=utf-8",
    )
