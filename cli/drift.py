"""`sme-ledger project check-drift`: recompute views from the log and compare them with the
stored ones, now (the projection daemon also runs these checks on a schedule)."""

from __future__ import annotations

import sys
from typing import Annotated

import orjson
import typer
from rich.table import Table

from cli.common import fail, open_ledger, out, print_table
from cli.views import open_views
from projections.drift import DRIFT, FAILED, SKIPPED, DriftCheck
from runtime.bootstrap import Runtime
from runtime.settings import Settings

DIGEST_WIDTH = 64 * 2 + 80
"""Wide enough for a row with both whole digests: they are compared and copied, never cut."""


def check_drift(
    views: Annotated[
        list[str] | None, typer.Option("--view", help="Check this view (repeat it; default: all)")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the checks as JSON")] = False,
) -> None:
    """Recompute each view from the log at its stored position; compare them table by table.

    Prints each table's rows, its stored and recomputed SHA-256 digests, and OK or DRIFT.

    Every check is recorded (ledger_view_drift); nothing is repaired.

    Exit 1 if a view drifts or cannot be recomputed; 2 for an unknown view.
    """
    settings = Settings()
    ledger = open_ledger(settings)
    open_views(settings, ledger).store.close()  # the tables are there (made, on SQLite)
    checker = Runtime(settings, ledger=ledger).drift_checker()
    try:
        names = views or list(checker.projections)
        unknown = [n for n in names if n not in checker.projections]
        if unknown:
            known = ", ".join(checker.projections)
            raise fail(f"No view {', '.join(unknown)}: name one of {known}.", 2)
        checks = [checker.check_and_record(name) for name in names]
    finally:
        checker.store.close()
        ledger.close()
    if json_output:
        found = [check.as_dict() for check in checks]
        sys.stdout.write(orjson.dumps(found, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        _print(checks)
    if any(check.outcome in (DRIFT, FAILED) for check in checks):
        raise typer.Exit(1)


def _print(checks: list[DriftCheck]) -> None:
    table = Table(
        "view", "position", "table", "rows", "stored digest", "recomputed digest", "result"
    )
    for check in checks:
        if check.outcome in (FAILED, SKIPPED):
            table.add_row(check.view, str(check.position), "", "", "", "", check.outcome.upper())
            continue
        for t in check.tables:
            rows = str(t.stored_rows)
            if t.recomputed_rows != t.stored_rows:
                rows = f"{t.stored_rows} (log: {t.recomputed_rows})"
            result = "DRIFT" if t.drift else "OK"
            table.add_row(
                check.view, str(check.position), t.table, rows,
                t.stored_sha256, t.recomputed_sha256, result,
            )  # fmt: skip
    print_table(table, DIGEST_WIDTH)
    for check in checks:
        if check.outcome in (FAILED, SKIPPED):
            out.print(f"{check.view}: {check.outcome}: {check.detail}", markup=False)
    drifting = [c for c in checks if c.outcome == DRIFT]
    if drifting:
        out.print(
            "Recorded in ledger_view_drift; nothing was repaired. The stored rows of "
            + "; ".join(f"{c.view} ({', '.join(c.drifting)})" for c in drifting)
            + " differ from the log folded to the same position: find out why before "
            "`sme-ledger project rebuild VIEW` replaces them.",
            markup=False,
            highlight=False,
        )
