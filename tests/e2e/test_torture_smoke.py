"""The fault suite, small: four writers against one API process while the API is killed once,
PostgreSQL crashed once and the projection daemon killed once, and nothing acknowledged is lost
or duplicated, no answer is a 500, the views equal a fresh fold of the log and every checkpoint
seen verifies; and its checker, which reports each kind of violation of a doctored history."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

TORTURE = Path(__file__).resolve().parents[2] / "bench" / "torture.py"


def torture(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TORTURE), *args],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_four_writers_lose_and_duplicate_nothing_through_kills_and_a_database_crash(
    tmp_path: Path,
) -> None:
    done = torture(
        "--writers", "4", "--api-workers", "1", "--seconds", "8", "--interval", "3",
        "--faults", "kill,db_restart,kill_projector",
        "--limit", "3", "--settle-seconds", "30", "--out", str(tmp_path),
    )  # fmt: skip

    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["nemesis"] == {"kill": 1, "db_restart": 1, "kill_projector": 1}
    assert report["acked"] > 40
    assert (report["lost"], report["duplicated"], report["unresolved"]) == (0, 0, 0)
    assert (report["server_errors"], report["slow"], report["unavailable"]) == (0, 0, 0)
    assert report["violations"] == []
    assert report["audit"]["ok"] is True
    assert report["api_starts"] == 2
    assert report["starts"]["projector"] == 2
    assert report["views"]["equal"] is True
    assert report["views"]["rows"] > report["acked"]
    assert report["checkpoints"]["ok"] is True
    assert report["checkpoints"]["seen"] >= 1
    assert "held: nothing lost, nothing duplicated" in done.stdout


def attempt(
    ref: str,
    n: int,
    outcome: str,
    *,
    at: float | None = None,
    took: float = 0.01,
    status: int | None = None,
    **answer: Any,
) -> dict[str, Any]:
    status = status or {"ok": 201, "fail": 422, "unknown": None}[outcome]
    start = float(n) if at is None else at
    return {
        "writer": 0, "op": "open_case", "key": f"key-{ref}", "ref": ref, "attempt": n,
        "start": start, "end": start + took, "outcome": outcome, "status": status,
        "error": "ReadTimeout" if outcome == "unknown" and status is None else None,
        "code": None, "id": answer.get("id"), "position": answer.get("position"),
        "replayed": False, "retry_after": answer.get("retry_after"),
    }  # fmt: skip


# The API was killed from 0.5 s to 1.5 s: the unknown outcomes around then are its doing.
FAULTS = [{"kind": "kill", "start": 0.5, "end": 1.5}]


def write_run(directory: Path, history: list[dict[str, Any]], log: list[dict[str, Any]]) -> None:
    directory.mkdir()
    for name, rows in (("history", history), ("log", log), ("nemesis", FAULTS)):
        lines = "".join(json.dumps(row) + "\n" for row in rows)
        (directory / f"{name}.jsonl").write_text(lines, encoding="utf-8")


def test_the_checker_reports_a_lost_acknowledgement_and_a_duplicate_and_passes_a_clean_run(
    tmp_path: Path,
) -> None:
    history = [
        attempt("kept", 1, "ok", id="c1", position=1),
        attempt("retried", 1, "unknown"),
        attempt("retried", 2, "ok", id="c2", position=2),
        attempt("refused", 1, "fail"),
    ]
    log = [
        {"position": 1, "stream_id": "c1", "external_ref": "kept"},
        {"position": 2, "stream_id": "c2", "external_ref": "retried"},
    ]
    doctored_history = [
        *history,
        attempt("lost", 1, "ok", id="c3", position=3),
        attempt("twice", 1, "unknown"),
        attempt("twice", 2, "ok", id="c4", position=4),
        attempt("pending", 1, "unknown"),
        attempt("crashed", 1, "unknown", status=500),
        attempt("crashed", 2, "ok", id="c8", position=8),
        attempt("shed", 1, "unknown", status=503, retry_after="1"),
        attempt("shed", 2, "ok", id="c9", position=9),
        attempt("hung", 1, "ok", took=9.0, id="c10", position=10),
        attempt("unanswered", 1, "unknown", at=30.0),
        attempt("unanswered", 2, "ok", at=33.0, id="c11", position=11),
    ]
    doctored_log = [
        *log,
        {"position": 4, "stream_id": "c4", "external_ref": "twice"},
        {"position": 5, "stream_id": "c5", "external_ref": "twice"},
        {"position": 6, "stream_id": "c6", "external_ref": "refused"},
        {"position": 7, "stream_id": "c7", "external_ref": "never-asked"},
        {"position": 8, "stream_id": "c8", "external_ref": "crashed"},
        {"position": 9, "stream_id": "c9", "external_ref": "shed"},
        {"position": 10, "stream_id": "c10", "external_ref": "hung"},
        {"position": 11, "stream_id": "c11", "external_ref": "unanswered"},
    ]
    write_run(tmp_path / "clean", history, log)
    write_run(tmp_path / "doctored", doctored_history, doctored_log)

    clean = torture("--check", str(tmp_path / "clean"))
    doctored = torture("--check", str(tmp_path / "doctored"))

    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "lost 0, duplicated 0; unknown outcomes 1, resolved 1, unresolved 0" in clean.stdout
    assert doctored.returncode == 1, doctored.stdout + doctored.stderr
    violations = [line for line in doctored.stdout.splitlines() if line.startswith("VIOLATION")]
    assert violations == [
        "VIOLATION refused_present: refused: refused (422), in the log",
        "VIOLATION lost: lost: acknowledged as c3, not in the log",
        "VIOLATION unresolved: pending: 1 attempt(s), none settled it",
        "VIOLATION duplicated: twice: 2 cases, at positions [4, 5]",
        "VIOLATION phantom: never-asked: in the log, never asked for",
        "VIOLATION server_error: crashed: attempt 1 answered 500",
        "VIOLATION slow: hung: attempt 1 took 9.0 s",
        "VIOLATION unavailable: unanswered: attempt 1 (ReadTimeout), no fault",
    ]
    assert "lost 1, duplicated 1; unknown outcomes 6, resolved 5, unresolved 1" in doctored.stdout
    assert doctored.stdout.rstrip().endswith("FAILED")
