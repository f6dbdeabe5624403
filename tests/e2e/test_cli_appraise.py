"""`sme-ledger appraise` as the appraiser would run it: with their key, for a closed year, the
same role rules as over HTTP, and its appraisals attributed to that key."""

from __future__ import annotations

import subprocess
from datetime import datetime
from uuid import UUID

from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.application.commands.periods import ClosePeriod
from ledger.domain.platform import PlatformKind
from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests.acting import act
from tests.application.support import CONNECTED_AT, HUB_USCC, WINDOW_USCC, envelope
from tests.e2e._server import CLI, CLI_TIMEOUT_SECONDS, cli_env, create_key

LAST_YEAR = datetime.now(CST).year - 1
ARGS = ("appraise", "--year", str(LAST_YEAR), "--kind", "window")


def _network(sqlite_url: str, *, close: bool) -> tuple[UUID, UUID]:
    """A hub and a window (and last year closed by the hub, if ``close``): their ids."""
    ledger = build_ledger(StoreConfig(sqlite_url))
    try:
        hub, window = (
            act(
                ledger,
                RegisterConnectedPlatform(kind=kind, name=str(kind), uscc=uscc, region="640100"),
                envelope(occurred_at=CONNECTED_AT),
            ).resource_id
            for kind, uscc in ((PlatformKind.HUB, HUB_USCC), (PlatformKind.WINDOW, WINDOW_USCC))
        )
        if close:
            act(ledger, ClosePeriod(period=str(LAST_YEAR)), envelope(hub))
    finally:
        ledger.close()
    return hub, window


def _appraise(sqlite_url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *ARGS, *args],
        env=cli_env(sqlite_url, **env),
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )


def test_the_appraiser_appraises_a_closed_year_with_their_key(sqlite_url: str) -> None:
    hub_id, window_id = _network(sqlite_url, close=True)
    hub = create_key(sqlite_url, "--role", "hub", "--platform", str(hub_id), "--name", "考核员")
    window = create_key(sqlite_url, "--role", "window", "--platform", str(window_id))

    without = _appraise(sqlite_url)
    as_window = _appraise(sqlite_url, "--key", window.secret)
    done = _appraise(sqlite_url, LEDGER_KEY=hub.secret)

    assert without.returncode == 2
    assert "LEDGER_KEY" in without.stderr
    assert as_window.returncode == 2, as_window.stderr
    assert "a window key cannot" in as_window.stderr
    assert done.returncode == 0, done.stderr
    assert "window-demonstration v2" in done.stdout
    ledger = build_ledger(StoreConfig(sqlite_url))
    try:
        computed = [
            e.event
            for e in ledger.log_page(0, 1000)
            if type(e.event).__qualname__ == "Appraisal.Computed"
        ]
        assert [(e.subject_id, e.meta.actor) for e in computed] == [  # type: ignore[attr-defined]
            (window_id, f"key:{hub.key_id}")
        ]
    finally:
        ledger.close()
    first = str(computed[0].originator_id)
    no_reason = _appraise(sqlite_url, "--supersede", first, LEDGER_KEY=hub.secret)
    superseded = _appraise(
        sqlite_url, "--supersede", first, "--reason", "数据口径有误", LEDGER_KEY=hub.secret
    )
    again = _appraise(sqlite_url, LEDGER_KEY=hub.secret)
    assert no_reason.returncode == 2
    assert "--reason" in no_reason.stderr
    assert superseded.returncode == 0, superseded.stderr
    assert f"Appraisal {first} is superseded" in superseded.stdout
    assert again.returncode == 0, again.stderr
    assert first not in again.stdout  # the new round's id, not the superseded one


def test_a_year_not_closed_is_not_appraised_from_the_command_line(sqlite_url: str) -> None:
    hub_id, _ = _network(sqlite_url, close=False)
    hub = create_key(sqlite_url, "--role", "hub", "--platform", str(hub_id))

    done = _appraise(sqlite_url, LEDGER_KEY=hub.secret)

    assert done.returncode == 2
    assert f"{LAST_YEAR} is not closed" in done.stderr
