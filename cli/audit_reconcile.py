"""``sme-ledger audit reconcile PACK --year Y``: the funds reconciliation from a pack alone."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import orjson
import typer

from cli.audit import audit_app
from cli.common import err, fail
from evidence.keys import load_verify_key
from evidence.verify import verify_pack
from ledger.audit.keys import SealKeyError
from projections.funds_reconciliation import RECONCILIATION_COLUMNS
from runtime.pack_reconcile import PackReplayError, reconcile_pack


@audit_app.command("reconcile")
def audit_reconcile(
    pack: Annotated[Path, typer.Argument(help="The evidence pack", exists=True, dir_okay=False)],
    year: Annotated[int, typer.Option(min=2018, max=2100, help="The budget year")],
    public_key: Annotated[
        list[Path],
        typer.Option(help="Public key(s) (PEM) you trust: the pack is verified first"),
    ],
    hub: Annotated[str | None, typer.Option(help="Only the budgets of this hub (its id)")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report here (default stdout)")
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="One JSON object a line instead of CSV")
    ] = False,
) -> None:
    """Recompute a year's funds reconciliation (对账) from an evidence pack, without the
    operator's database: the pack is verified, its events replayed into a throwaway ledger,
    the funds view folded from them, and the report read as `GET /v1/views/funds/reconciliation`
    reads it (the same columns). Exit 1 if the pack does not verify."""
    try:
        keys = [load_verify_key(p.read_bytes()) for p in public_key]
    except (SealKeyError, OSError) as e:
        raise fail(getattr(e, "detail", str(e)), 2) from None
    report = verify_pack(pack, keys)
    if not report.ok:
        failure = report.failure
        raise fail(f"the pack does not verify: {failure.message if failure else 'unknown'}")
    try:
        rows = reconcile_pack(pack, year=year, hub_id=hub)
    except PackReplayError as e:
        raise fail(str(e)) from None
    opened = output.open("w", encoding="utf-8", newline="") if output else None
    with opened or nullcontext(sys.stdout) as f:
        if json_output:
            for row in rows:
                f.write(orjson.dumps(row).decode() + "\n")
        else:
            writer = csv.DictWriter(f, fieldnames=RECONCILIATION_COLUMNS)
            writer.writeheader()
            writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
    found = Counter(code for row in rows for code in row["exceptions"].split("; ") if code)
    exceptions = ", ".join(f"{code} {n}" for code, n in sorted(found.items())) or "none"
    err.print(
        f"{len(rows)} disbursement(s) of {year} from {report.events} verified event(s); "
        f"exceptions: {exceptions}"
    )
