"""The demonstration network: seeded through the application layer, the same for the same seed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from ledger import interface
from ledger.application import LedgerApplication
from ledger.demo import seed_demo
from ledger.demo.seed import DemoAlreadySeededError
from ledger.domain.access_key import AccessKey
from ledger.domain.platform import PlatformKind

SCALE = 0.03


def business_record(ledger: LedgerApplication) -> list[dict[str, Any]]:
    """The log without record times and access keys (fresh secrets every time)."""
    events = []
    for logged in ledger.log_page(0, 100_000):
        if isinstance(logged.event, AccessKey.Event):
            continue
        view = interface.event_view(logged.event, logged.position, logged.topic)
        view.pop("recorded_at")
        view.pop("position")
        events.append(view)
    return events


def test_the_same_seed_gives_the_same_network(
    make_ledger: Callable[[str], LedgerApplication], tmp_path: Any
) -> None:
    first = make_ledger(f"sqlite:///{tmp_path / 'a.sqlite'}")
    second = make_ledger(f"sqlite:///{tmp_path / 'b.sqlite'}")

    seed_demo(first, seed=7, scale=SCALE)
    seed_demo(second, seed=7, scale=SCALE)

    assert business_record(first) == business_record(second)


def test_another_seed_gives_another_network(
    make_ledger: Callable[[str], LedgerApplication], tmp_path: Any
) -> None:
    first = make_ledger(f"sqlite:///{tmp_path / 'a.sqlite'}")
    second = make_ledger(f"sqlite:///{tmp_path / 'b.sqlite'}")

    seed_demo(first, seed=7, scale=SCALE)
    seed_demo(second, seed=8, scale=SCALE)

    assert business_record(first) != business_record(second)


def test_the_network_spans_the_five_cities_with_cases_and_keys(ledger: LedgerApplication) -> None:
    progress: list[tuple[str, int, int]] = []

    report = seed_demo(ledger, seed=1, scale=SCALE, progress=lambda *args: progress.append(args))

    platforms = ledger.list_platforms()
    windows = [p for p in platforms if p.kind is PlatformKind.WINDOW]
    assert len([p for p in platforms if p.kind is PlatformKind.HUB]) == 1
    assert len(windows) >= 10
    assert {w.region[:4] for w in windows} == {"6401", "6402", "6403", "6404", "6405"}
    assert len(ledger.list_institutions()) == 20
    assert report.counts["service cases"] > 0
    assert report.head == ledger.head_position()
    assert {"hub", "bureau", "auditor"} <= set(report.keys)
    assert all(ledger.authenticate(secret) is not None for secret in report.keys.values())
    stages = Counter(stage for stage, _, _ in progress)
    assert {"network", "enterprises", "service cases"} <= set(stages)
    assert all(done <= total for _, done, total in progress)


def test_seeding_a_ledger_that_already_has_a_network_is_refused(
    ledger: LedgerApplication,
) -> None:
    seed_demo(ledger, seed=1, scale=SCALE)
    head = ledger.head_position()

    with pytest.raises(DemoAlreadySeededError):
        seed_demo(ledger, seed=1, scale=SCALE)
    assert ledger.head_position() == head
