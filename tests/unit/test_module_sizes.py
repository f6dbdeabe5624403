"""No module outside the tests is over 400 lines: a larger one is split by subject."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "api",
    "bench",
    "cli",
    "demo",
    "evidence",
    "ledger",
    "projections",
    "runtime",
    "witness",
)
LIMIT = 400


def test_no_module_is_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text("utf-8").splitlines())
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
    }

    assert len(sizes) > 100
    assert {p: n for p, n in sizes.items() if n > LIMIT} == {}
