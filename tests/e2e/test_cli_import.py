"""``sme-ledger import FILE``: a window's export, imported in batches; safe to run again."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import orjson
import pytest

from ledger.application.commands.access_keys import IssueKey
from ledger.domain.access_key import Role
from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests.acting import act
from tests.e2e._server import run_cli
from tests.integration._support import envelope, set_up_network


@pytest.fixture
def window_key(sqlite_url: str) -> str:
    ledger = build_ledger(StoreConfig(sqlite_url))
    try:
        network = set_up_network(ledger)
        issued = act(
            ledger,
            IssueKey(role=Role.WINDOW, platform_id=network.window_id, name="import"),
            envelope(None),
        )
    finally:
        ledger.close()
    return issued.secret


def record(ref: str, **overrides: object) -> dict[str, object]:
    return {
        "external_ref": ref,
        "uscc": "91640104MA71TJ3Y8G",
        "category": "10",
        "channel": "online",
        "assignment": {"provider_kind": "expert", "provider_name": "王教授"},
        "delivery": {
            "delivered_on": datetime.now(CST).date().isoformat(),
            "mode": "online",
            "fee_type": "free",
        },
        **overrides,
    }


def test_a_jsonl_export_is_imported_and_importing_it_again_appends_nothing(
    sqlite_url: str, window_key: str, tmp_path: Path
) -> None:
    export = tmp_path / "cases.jsonl"
    lines = [orjson.dumps(record(f"J-{i}")) for i in range(1, 1203)]
    export.write_bytes(b"\n".join(lines) + b"\n")

    first = run_cli(sqlite_url, "import", str(export), "--key", window_key)
    again = run_cli(sqlite_url, "import", str(export), "--key", window_key)

    assert first.returncode == 0, first.stderr
    assert "1,202 created, 0 already recorded, 0 rejected" in first.stdout
    assert again.returncode == 0, again.stderr
    assert "0 created, 1,202 already recorded, 0 rejected" in again.stdout


def test_bad_lines_are_reported_by_line_number_and_the_rest_imported(
    sqlite_url: str, window_key: str, tmp_path: Path
) -> None:
    export = tmp_path / "cases.jsonl"
    export.write_bytes(
        b"\n".join(
            [
                orjson.dumps(record("B-1")),
                b"{not json",
                orjson.dumps(record("B-2", category="abc")),
                b"[1, 2]",
                orjson.dumps(record("B-3")),
            ]
        )
    )

    done = run_cli(sqlite_url, "import", str(export), "--key", window_key)

    assert done.returncode == 3
    assert "2 created, 0 already recorded, 3 rejected" in done.stdout
    assert "line 2: validation_failed" in done.stdout
    assert "line 3: validation_failed" in done.stdout
    assert "line 4: validation_failed" in done.stdout


def test_a_csv_export_is_read_by_its_header(
    sqlite_url: str, window_key: str, tmp_path: Path
) -> None:
    export = tmp_path / "cases.csv"
    today = datetime.now(CST).date().isoformat()
    export.write_text(
        "external_ref,uscc,category,channel,description,provider_kind,provider_name,"
        "delivered_on,mode,fee_type,fee_amount,satisfaction,comment\n"
        f"C-1,91640104MA71TJ3Y8G,10,online,政策咨询,expert,王教授,{today},online,free,,5,很好\n"
        f"C-2,91640104MA71TJ3Y8G,10,offline,,,,,,,,,\n",
        encoding="utf-8",
    )

    done = run_cli(sqlite_url, "import", str(export), "--key", window_key)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 created, 0 already recorded, 0 rejected" in done.stdout


def test_only_a_window_key_may_import(sqlite_url: str, window_key: str, tmp_path: Path) -> None:
    export = tmp_path / "cases.jsonl"
    export.write_bytes(orjson.dumps(record("K-1")))

    done = run_cli(sqlite_url, "import", str(export), "--key", "sk_not_a_key")

    assert done.returncode == 1
    assert "window key" in done.stderr


def test_a_csv_export_gives_each_step_its_own_time_and_can_close_the_case(
    sqlite_url: str, window_key: str, tmp_path: Path
) -> None:
    export = tmp_path / "month.csv"
    export.write_text(
        "external_ref,uscc,category,channel,occurred_at,provider_kind,provider_name,assigned_at,"
        "delivered_on,mode,fee_type,delivered_at,satisfaction,feedback_at,closure_note,closed_at\n"
        "M-1,91640104MA71TJ3Y8G,10,offline,2025-11-03T09:00:00+08:00,expert,王教授,"
        "2025-11-03T10:00:00+08:00,2025-11-05,onsite,free,2025-11-05T16:00:00+08:00,"
        "5,2025-11-07T09:00:00+08:00,服务完成,2025-11-10T09:00:00+08:00\n",
        encoding="utf-8",
    )

    done = run_cli(sqlite_url, "import", str(export), "--key", window_key)
    again = run_cli(sqlite_url, "import", str(export), "--key", window_key)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 created, 0 already recorded, 0 rejected" in done.stdout
    assert "0 created, 1 already recorded, 0 rejected" in again.stdout
    ledger = build_ledger(StoreConfig(sqlite_url))
    try:
        (page,) = [e for e in ledger.log_page(0, 1000) if e.topic.endswith("ServiceCase.Opened")]
        steps = ledger.history(page.event.originator_id)
    finally:
        ledger.close()
    assert [(type(s.event).__name__, s.event.meta.occurred_at.isoformat()) for s in steps] == [  # type: ignore[attr-defined]
        ("Opened", "2025-11-03T09:00:00+08:00"),
        ("Assigned", "2025-11-03T10:00:00+08:00"),
        ("Delivered", "2025-11-05T16:00:00+08:00"),
        ("FeedbackReceived", "2025-11-07T09:00:00+08:00"),
        ("Closed", "2025-11-10T09:00:00+08:00"),
    ]
