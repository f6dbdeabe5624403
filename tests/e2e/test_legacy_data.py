"""Data written by version 0.1 still decodes, verifies, rebuilds and answers the same.

``legacy_v0_1/`` was made by the code of version 0.1 (see its README): a demonstration network
(snapshots every 3 events, so the snapshots table holds value types by topic), sealed, with an
evidence pack, the views it rebuilt and the answers of its read routes. Whatever is moved or
rewritten later, these must hold: stored topics are a contract, and so are the views and answers
derived from them.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.e2e._server import CLI, CLI_TIMEOUT_SECONDS, cli_env, create_key, run_cli

DATA = Path(__file__).parent / "legacy_v0_1"
LOG_HEAD = 1370
ANSWERED_AT = datetime(2026, 12, 2, 13, 7, tzinfo=UTC)
"""When the answers were taken (the Ningxia date was 2 December 2026)."""
ADDED_VIEWS = {"view_case_counts", "view_directory", "view_enterprise_sizes", "view_funds_actors"}
ADDED_COLUMNS = {
    "view_case_facts": {
        "amendments",
        "late_entries",
        "voided_on",
        "void_reason",
        "opened_position",
    },
    "view_budget_lines": {"recovered"},
    "view_budget_lines_owner": {"approved_by", "approved_on"},
}
"""Columns added since version 0.1 (corrections, late entries, the order the case lists page
in, recoveries, the finance export); every column it had is compared."""


def _lapsed(budget: dict[str, Any]) -> dict[str, Any]:
    """What a budget listed after its year shows now: the remaining of its lines lapsed, in
    total and line by line."""
    if budget["approval"] is None or budget["year"] >= ANSWERED_AT.year:
        return {}
    remaining = sum((Decimal(line["remaining"] or "0") for line in budget["lines"]), Decimal(0))
    lines = [{**line, "lapsed": _left(line["remaining"])} for line in budget["lines"]]
    return {"year_ended": True, "lapsed": str(remaining), "lines": lines}


def _budget_as_now(budget: dict[str, Any]) -> dict[str, Any]:
    """Recoveries (clawbacks returned to the fund): none in a v0.1 log; and, listed after the
    budget's year, what lapsed."""
    now = {
        **budget,
        "lines": [{**line, "recovered": "0.00"} for line in budget["lines"]],
        "totals": {**budget["totals"], "recovered": "0.00"},
    }
    return {**now, **_lapsed(now)}


def _left(remaining: str | None) -> str:
    return str(max(Decimal(remaining or "0"), Decimal(0)))


def _line_as_now(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the budget-lines view as it reads now: no recoveries in a v0.1 log, and, read
    after the line's year, what lapsed."""
    ended = row["year"] < ANSWERED_AT.year
    lapsed = _left(row["remaining"]) if ended else "0.00"
    return {**row, "recovered": "0.00", "year_ended": ended, "lapsed": lapsed}


def _disbursement_as_now(row: dict[str, Any]) -> dict[str, Any]:
    """A v0.1 disbursement row (view, JSON or CSV) as the changes made on purpose since make it:
    one status everywhere (a payment reversed in part is ``paid``), and the reversed amount named
    ``reversed_amount`` beside the refunds and clawbacks the export now has (``reversal_kind``
    gone: those say which)."""
    now = {k: v for k, v in row.items() if k not in ("reversed", "reversal_kind")}
    now["reversed_amount"] = row["reversed"]
    if row["status"] == "reversed" and Decimal(str(row["reversed"])) < Decimal(str(row["amount"])):
        now["status"] = "paid"
    return now


def _as_of_v0_1(name: str, view: dict[str, Any]) -> dict[str, Any]:
    """``view`` with only the columns version 0.1 had (checking the added ones are those)."""
    added = ADDED_COLUMNS.get(name, set())
    assert added <= set(view["columns"]), f"{name} lacks {added - set(view['columns'])}"
    keep = [i for i, c in enumerate(view["columns"]) if c not in added]
    return {
        "columns": [view["columns"][i] for i in keep],
        "rows": [[row[i] for i in keep] for row in view["rows"]],
    }


DISBURSEMENTS = "view_disbursements"


def _disbursements_as_now_rows(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of the disbursements view as it is now, as dictionaries."""
    return [dict(zip(view["columns"], r, strict=True)) for r in view["rows"]]


def _disbursements_as_now(view: dict[str, Any]) -> list[dict[str, Any]]:
    return [_disbursement_as_now(dict(zip(view["columns"], r, strict=True))) for r in view["rows"]]


def _restricted(rows: list[dict[str, Any]], to: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with only the keys of the rows ``to`` (the export added columns since)."""
    keys = set(to[0]) if to else set()
    return [{k: v for k, v in row.items() if k in keys} for row in rows]


def _gunzip(name: str, to: Path) -> Path:
    with gzip.open(DATA / f"{name}.gz", "rb") as source, to.open("wb") as target:
        shutil.copyfileobj(source, target)
    return to


@pytest.fixture
def legacy_url(tmp_path: Path) -> str:
    return f"sqlite:///{_gunzip('ledger.sqlite', tmp_path / 'ledger.sqlite')}"


def _views(path: Path) -> dict[str, Any]:
    with sqlite3.connect(path) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'view_%' "
                "ORDER BY name"
            )
        ]
        dump: dict[str, Any] = {}
        for name in names:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
            order = ", ".join(str(i + 1) for i in range(len(columns)))
            rows = conn.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()
            dump[name] = {
                "columns": columns,
                "rows": [[v.hex() if isinstance(v, bytes) else v for v in row] for row in rows],
            }
    return dump


def test_the_v0_1_evidence_pack_still_verifies(tmp_path: Path) -> None:
    pack = _gunzip("pack.zip", tmp_path / "pack.zip")
    result = run_cli(
        "sqlite:///unused", "audit", "verify", str(pack), "--public-key", str(DATA / "seal.pub")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{LOG_HEAD} event(s)" in result.stdout


def test_the_v0_1_log_rebuilds_to_the_same_views(legacy_url: str) -> None:
    for args in (("project", "--once"), ("project", "rebuild", "--all")):
        result = run_cli(legacy_url, *args)
        assert result.returncode == 0, result.stdout + result.stderr
    with gzip.open(DATA / "views.json.gz") as f:
        expected = json.load(f)
    rebuilt = _views(Path(legacy_url.removeprefix("sqlite:///")))
    # Views added since version 0.1 are built too; every view it had is byte for byte the same,
    # but for the changes to disbursements made on purpose (see _disbursement_as_now).
    was, now = _disbursements_as_now(expected.pop(DISBURSEMENTS)), rebuilt.pop(DISBURSEMENTS)
    assert _restricted(_disbursements_as_now_rows(now), was) == was
    assert {name: _as_of_v0_1(name, rebuilt[name]) for name in expected} == expected
    assert set(rebuilt) - set(expected) == ADDED_VIEWS


def test_the_v0_1_log_seals_on_from_where_it_was_sealed(legacy_url: str, tmp_path: Path) -> None:
    key = tmp_path / "seal.key"
    assert run_cli(legacy_url, "audit", "keygen", str(key)).returncode == 0
    create_key(legacy_url, "--role", "auditor")  # one event more to seal
    sealed = subprocess.run(
        [str(CLI), "seal", "--once"],
        env=cli_env(legacy_url, LEDGER_SEAL_KEY_FILE=str(key)),
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )
    assert sealed.returncode == 0, sealed.stdout + sealed.stderr
    pack = tmp_path / "after.zip"
    assert run_cli(legacy_url, "audit", "export", str(pack)).returncode == 0
    verified = run_cli(legacy_url, "audit", "verify", str(pack))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert f"{LOG_HEAD + 1} event(s)" in verified.stdout


@pytest.fixture
def legacy_client(legacy_url: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    from api.app import create_app
    from ledger.persistence.config import StoreConfig
    from runtime.bootstrap import build_ledger
    from runtime.settings import Settings

    keys = {role: create_key(legacy_url, "--role", role).secret for role in ("auditor", "bureau")}
    # Reads that depend on the day (an agreement's status, "as on" today) answer as they did on
    # the day the answers were taken.
    ledger = build_ledger(StoreConfig(legacy_url), clock=lambda: ANSWERED_AT)
    app = create_app(Settings(database_url=legacy_url, sealer="off", access_log=False), ledger)
    try:
        with TestClient(app) as client:
            yield client, keys
    finally:
        ledger.close()


def _csv_rows(text: str) -> list[dict[str, Any]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def answered_now(answer: dict[str, Any]) -> dict[str, Any]:
    """A v0.1 answer with the changes made on purpose since: events no longer show the fields
    the API withholds (an access key's secret hash); service statistics count late entries
    (none in a v0.1 log: it flagged none); activities say whether they are alliance ones;
    agreements say when a party's revocation ended them."""
    from ledger.application.interface import WITHHELD

    body = answer["body"]
    # An activity says whether it is an alliance activity: none was in a v0.1 log.
    if isinstance(body, dict) and "expected_attendance" in body:
        return {**answer, "body": {**body, "alliance": None}}
    if isinstance(body, dict) and isinstance(body.get("statistics"), list):
        rows = [{**row, "late_entries": 0} for row in body["statistics"]]
        return {**answer, "body": {**body, "statistics": rows}}
    # Recoveries (clawbacks returned to the fund): none in a v0.1 log. A list read after a
    # budget's year says what lapsed (the lines' remaining).
    if isinstance(body, dict) and isinstance(body.get("budgets"), list):
        budgets = [_budget_as_now(b) for b in body["budgets"]]
        return {**answer, "body": {**body, "budgets": budgets}}
    if isinstance(body, dict) and isinstance(body.get("lines"), list):
        lines = [_line_as_now(line) for line in body["lines"]]
        return {**answer, "body": {**body, "lines": lines}}
    if isinstance(body, dict) and isinstance(body.get("disbursements"), list):
        rows = [_disbursement_as_now(row) for row in body["disbursements"]]
        return {**answer, "body": {**body, "disbursements": rows}}
    # An agreement says when a party's revocation ended it: no party was revoked in a v0.1 log.
    if isinstance(body, dict) and isinstance(body.get("agreements"), list):
        rows = [{**row, "party_revoked_on": None} for row in body["agreements"]]
        return {**answer, "body": {**body, "agreements": rows}}
    if isinstance(body, str) and body.lstrip("\ufeff").startswith("disbursement_id,"):
        rows = [_disbursement_as_now(row) for row in _csv_rows(body)]
        return {**answer, "body": rows}
    if not isinstance(body, dict) or not isinstance(body.get("events"), list):
        return answer
    events = [
        {**e, "data": {k: v for k, v in e["data"].items() if k not in WITHHELD}}
        for e in body["events"]
    ]
    return {**answer, "body": {**body, "events": events}}


# The lists that answer one page at a time now, and the name of their items.
PAGED = {
    "/v1/agreements": "agreements",
    "/v1/appraisals": "appraisals",
    "/v1/budgets": "budgets",
    "/v1/data-reports": "reports",
    "/v1/experts": "experts",
    "/v1/institutions": "institutions",
    "/v1/onboarding-applications": "applications",
    "/v1/platforms": "platforms",
    "/v1/publications": "publications",
}


def _paged_now(path: str, answer: dict[str, Any]) -> dict[str, Any]:
    """A v0.1 list's answer as one page of up to 1,000 (every v0.1 list fits in one): with its
    count and no next page."""
    key = PAGED.get(path.split("?")[0])
    if key is None or answer["status"] != 200:
        return answer
    items = answer["body"][key]
    return {**answer, "body": {**answer["body"], "count": len(items), "next_cursor": None}}


def test_the_v0_1_log_answers_every_read_as_it_did(
    legacy_client: tuple[TestClient, dict[str, str]],
) -> None:
    client, keys = legacy_client
    with gzip.open(DATA / "answers.json.gz") as f:
        expected: dict[str, Any] = json.load(f)
    differences = []
    for request, answer in expected.items():
        role, path = request.split(" ", 1)
        if path.split("?")[0] in PAGED:  # the whole list, as v0.1 answered it: one page
            path += f"{'&' if '?' in path else '?'}limit=1000"
        response = client.get(path, headers={"Authorization": f"Bearer {keys[role]}"})
        media = response.headers.get("content-type", "")
        body = response.json() if "json" in media else response.text
        got = {"status": response.status_code, "etag": response.headers.get("etag"), "body": body}
        wanted = _paged_now(path, answered_now(answer))
        if wanted["etag"] is None and str(got["etag"]).startswith('W/"'):
            # Lists and views carry a weak ETag now, a digest of the answer (If-None-Match).
            got["etag"] = None
        if isinstance(body, str) and isinstance(wanted["body"], list):  # the finance export
            got["body"] = _restricted(_csv_rows(body), wanted["body"])
        elif isinstance(body, dict) and isinstance(body.get("disbursements"), list):
            rows = _restricted(body["disbursements"], wanted["body"]["disbursements"])
            got["body"] = {**body, "disbursements": rows}
        if got != wanted:
            differences.append(request)
    assert differences == [], f"{len(differences)} of {len(expected)} answers differ"
