"""Computing, concluding and verifying the appraisals of a year."""

from __future__ import annotations

import time
from typing import Annotated
from uuid import UUID

import typer
from rich.table import Table

from cli.common import (
    err,
    fail,
    open_ledger,
    out,
    print_table,
)
from ledger.application.context import Principal, RequestContext
from ledger.domain.errors import LedgerError
from runtime.settings import Settings


def appraise(
    year: Annotated[int | None, typer.Option(help="Compute the appraisals of this year")] = None,
    kind: Annotated[
        str, typer.Option(help="window, institution or hub", case_sensitive=False)
    ] = "window",
    key: Annotated[
        str | None,
        typer.Option(
            envvar="LEDGER_KEY",
            help="The appraiser's API key (the hub's for windows and institutions, the "
            "bureau's for the hub); from LEDGER_KEY if not given",
            show_default=False,
        ),
    ] = None,
    verify_id: Annotated[
        UUID | None, typer.Option("--verify", help="Verify the appraisal with this id")
    ] = None,
    supersede_id: Annotated[
        UUID | None,
        typer.Option(
            "--supersede",
            help="Supersede the appraisal with this id (with --reason), as the appraiser: the "
            "next run appraises its subject's year again",
        ),
    ] = None,
    reason: Annotated[str, typer.Option(help="Why it is superseded")] = "",
) -> None:
    """Compute a closed year's appraisals as the appraiser (experts then score them and the
    appraiser concludes them over the API), supersede one, or verify one."""
    from ledger.application.commands.appraisals import RecordAppraisal, SupersedeAppraisal
    from ledger.application.handlers.appraisals import check_appraiser
    from ledger.application.handlers.schemes import scheme_in_force
    from ledger.application.queries.access_keys import authenticate
    from ledger.domain.appraisal import Appraisal
    from ledger.domain.errors import AppraisalExistsError
    from ledger.domain.published_scheme import PublishedScheme
    from ledger.domain.time import CST
    from projections.appraisal import (
        default_as_on,
        figures_now,
        not_active,
        subjects_of_kind,
        verify,
    )
    from projections.catalog import all_projections
    from projections.runner import ProjectionRunner
    from projections.store import open_view_store

    settings = Settings()
    ledger = open_ledger(settings)
    try:
        if verify_id is not None:
            appraisal = ledger.get(Appraisal, verify_id)
            result = verify(ledger, appraisal)
            if not result.identical:
                for difference in result.differences:
                    err.print(f"[red]differs[/] {difference}")
                raise fail(f"Appraisal {verify_id} does not verify.", 1)
            out.print(
                f"Appraisal {verify_id} verifies: the log up to position {appraisal.position} "
                f"gives identical figures and scores (grade {appraisal.grade or 'not concluded'})."
            )
            return
        if supersede_id is None and (year is None or kind not in ("window", "institution", "hub")):
            raise fail("Pass --year, and --kind window, institution or hub.", 2)
        if key is None:
            raise fail("Pass the appraiser's key: --key, or LEDGER_KEY.", 2)
        issued = authenticate(ledger, key.strip())
        if issued is None:
            raise fail("This API key is unknown or revoked.", 2)
        principal = Principal.of_key(issued.id, issued.role, issued.platform_id, issued.name)
        if supersede_id is not None:
            if not reason.strip():
                raise fail("Say why it is superseded: --reason.", 2)
            superseding = SupersedeAppraisal(appraisal_id=supersede_id, reason=reason.strip())
            ledger.handle(superseding, RequestContext(principal, f"cli-supersede-{supersede_id}"))
            out.print(
                f"Appraisal {supersede_id} is superseded; the next run appraises its subject's "
                "year again."
            )
            return
        assert year is not None  # checked above
        check_appraiser(principal, kind)
        ledger.lookups.closed_year(year)
        context = RequestContext(principal, f"cli-appraise-{year}-{kind}")
        now = ledger.clock()
        as_on = default_as_on(year, ledger.clock().astimezone(CST).date())
        started = time.monotonic()
        views = ProjectionRunner(ledger, open_view_store(settings.store), all_projections())
        try:
            if not settings.store.is_postgres:
                views.ensure_schema()  # on PostgreSQL, `sme-ledger migrate` made the views
            position, figures = figures_now(views, year=year, as_on=as_on)
            inactive = not_active(views, year)
        finally:
            views.store.close()
        scheme = scheme_in_force(ledger.capability(PublishedScheme), kind, year)
        table = Table("subject", "total", "grade", "consequence")
        for subject_id, subject_figures in subjects_of_kind(figures, kind).items():
            if subject_id in inactive:
                table.add_row(subject_id, "-", "-", f"skipped: {inactive[subject_id]}")
                continue
            try:
                record = RecordAppraisal(
                    subject_id=UUID(subject_id),
                    year=year,
                    scheme=scheme,
                    position=position,
                    as_on=as_on,
                    figures=subject_figures,
                    occurred_at=now,
                )
                outcome = ledger.handle(record, context)
            except AppraisalExistsError:
                table.add_row(subject_id, "-", "-", "already appraised")
                continue
            body = outcome.body
            table.add_row(
                body["id"],
                body["total"] or body["indicators_total"],
                body["grade"] or "(open)",
                body["consequence"] or "",
            )
        print_table(table)
        out.print(
            f"Figures read at log position {position} as on {as_on} "
            f"in {time.monotonic() - started:.1f} s (scheme {scheme.id} v{scheme.version})."
        )
    except LedgerError as e:
        raise fail(e.detail, 2) from None
    finally:
        ledger.close()
