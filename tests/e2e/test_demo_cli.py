"""``sme-ledger demo`` as a newcomer runs it (small, so the suite stays quick)."""

from __future__ import annotations

import re

from tests.e2e._server import KEY, run_cli


def test_demo_seeds_shows_each_stage_and_prints_counts_and_keys(sqlite_url: str) -> None:
    done = run_cli(sqlite_url, "demo", "--scale", "0.01")

    assert done.returncode == 0, done.stderr
    for stage in ("network", "onboarding", "agreements", "activities", "data reports", "budget"):
        assert stage in done.stderr
    assert "Seeded the 2025 demonstration network (seed 2026):" in done.stdout
    assert re.search(r"^\s+20\s+disbursements$", done.stdout, re.MULTILINE)
    keys = [line.split()[0] for line in done.stdout.splitlines() if KEY.match(line.strip())]
    assert len(keys) == 4


def test_demo_refuses_a_ledger_that_already_has_a_network(sqlite_url: str) -> None:
    assert run_cli(sqlite_url, "demo", "--scale", "0.01").returncode == 0

    again = run_cli(sqlite_url, "demo", "--scale", "0.01")

    assert again.returncode == 2
    assert "already has platforms" in again.stderr


def test_demo_refuses_a_year_that_is_not_over(sqlite_url: str) -> None:
    done = run_cli(sqlite_url, "demo", "--year", "2999", "--scale", "0.01")

    assert done.returncode == 2
    assert "choose a year from 2018" in done.stderr


def test_every_view_rebuilds_right_after_the_demo(sqlite_url: str) -> None:
    assert run_cli(sqlite_url, "demo", "--scale", "0.01").returncode == 0

    rebuilt = run_cli(sqlite_url, "project", "rebuild", "--all")
    status = run_cli(sqlite_url, "project", "status")

    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "Rebuilt registry, service_cases, activities, funds, directory." in rebuilt.stdout
    assert status.returncode == 0, status.stderr
    assert status.stdout.count(" live ") == 5
