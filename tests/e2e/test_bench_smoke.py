"""The benchmark suite runs end to end in its small mode (what it measures is not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "suite.py"


def test_the_benchmark_suite_runs_in_its_small_mode_and_writes_its_report(
    postgres_server_url: str, tmp_path: Path
) -> None:
    report, notes = tmp_path / "bench.json", tmp_path / "bench.md"
    notes.write_text("# Benchmarks\n\nEarlier notes stay.\n", encoding="utf-8")

    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--smoke",
            "--client",
            "httpx",
            "--postgres",
            postgres_server_url,
            "--json",
            str(report),
            "--markdown",
            str(notes),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(report.read_text(encoding="utf-8"))
    for run in ("parse_only", "plain_save", "group_commit"):
        assert results["http"][run]["requests"] > 0
        assert results["http"][run]["non_2xx"] == 0, run
    assert results["bulk"]["created"] == 300
    assert results["stream"]["events"] == 250
    reads = results["reads"]
    assert [r["events"] >= 6_000 for r in reads["runs"]] == [False, True]
    assert set(reads["ratios"]) == {
        "appraisal", "service_statistics", "enterprise_services", "platforms", "institutions",
        "experts", "agreements", "onboarding_applications",
    }  # fmt: skip
    overload = results["overload"]
    for phase in ("unloaded", "capacity", "moderate", "overload"):
        assert overload[phase]["sent"] > 0, phase
        assert overload[phase]["errors"] == 0, phase
    assert overload["unloaded"]["accepted"] == overload["unloaded"]["sent"]
    assert overload["offered_per_second"] == 3 * overload["capacity_per_second"]
    assert overload["overload"]["other_5xx"] == 0
    assert overload["overload"]["shed_503_without_retry_after"] == 0
    assert overload["rss"]["processes"] >= 3  # serve and its two workers
    assert results["targets"]["overload_no_other_5xx"] is True
    text = notes.read_text(encoding="utf-8")
    assert "Earlier notes stay." in text
    assert "## Throughput suite" in text
    assert "Reads on a growing log" in text
    assert "Admission control under 3× overload" in text
