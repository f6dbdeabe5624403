"""Authentication from memory: the keys the log holds, current for this process's own saves at
once, for another process's within the refresh interval, and read without loading aggregates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import IssueKey, RevokeKey
from ledger.application.commands.standing import ChangePlatformStanding, OrderRectification
from ledger.application.principals import Principals
from ledger.application.queries.access_keys import authenticate
from ledger.domain.access_key import Role
from tests.acting import act
from tests.application.agreements_support import revoke
from tests.application.support import envelope

SETUP = envelope(None, actor="system:test")


class Ticks:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _issue(
    ledger: LedgerApplication, role: Role = Role.WINDOW, platform: UUID | None = None
) -> Any:
    return act(ledger, IssueKey(role=role, platform_id=platform, name="clerk"), SETUP)


def test_a_key_authenticates_as_the_store_says_it_is(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    issued = _issue(ledger, platform=window_id)

    known = ledger.principals.authenticate(issued.secret)
    stored = authenticate(ledger, issued.secret)

    assert known is not None
    assert stored is not None
    assert (known.id, known.role, known.platform_id, known.name) == (
        stored.id, stored.role, stored.platform_id, stored.name,
    )  # fmt: skip
    assert ledger.principals.authenticate("sml_not-a-key") is None


def test_a_revocation_saved_by_this_process_counts_for_the_next_request(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    issued = _issue(ledger, platform=window_id)
    assert ledger.principals.authenticate(issued.secret) is not None

    act(ledger, RevokeKey(key_id=issued.outcome.resource_id, reason="离职"), SETUP)

    assert ledger.principals.authenticate(issued.secret) is None


def test_a_key_of_a_revoked_platform_does_not_authenticate(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    issued = _issue(ledger, platform=window_id)
    assert ledger.principals.authenticate(issued.secret) is not None

    revoke(ledger, "platform", window_id)

    assert ledger.principals.authenticate(issued.secret) is None


def test_another_process_s_key_counts_at_once_and_its_revocation_within_the_interval(
    make_ledger: Callable[[str], LedgerApplication], sqlite_url: str
) -> None:
    here, there = make_ledger(sqlite_url), make_ledger(sqlite_url)
    ticks = Ticks()
    principals = Principals(here, refresh_seconds=0.25, clock=ticks)
    issued = _issue(there, Role.AUDITOR)

    assert principals.authenticate(issued.secret) is not None  # unknown: the log is read again
    act(there, RevokeKey(key_id=issued.outcome.resource_id, reason="离职"), SETUP)
    ticks.now += 0.1
    within = principals.authenticate(issued.secret)
    ticks.now += 0.2
    after = principals.authenticate(issued.secret)

    assert within is not None  # may still read for up to the interval (writes are refused)
    assert after is None
    assert principals.position == there.head_position()


def test_authenticating_loads_no_aggregate(
    ledger: LedgerApplication, window_id: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = _issue(ledger, platform=window_id)

    def no_loads(*_: object, **__: object) -> None:
        raise AssertionError("authentication loaded an aggregate")

    monkeypatch.setattr(ledger.repository, "get", no_loads)

    for _ in range(3):
        assert ledger.principals.authenticate(issued.secret) is not None


def test_saves_of_other_events_do_not_make_it_read_the_log_again(
    ledger: LedgerApplication, window_id: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    principals = Principals(ledger, refresh_seconds=0.25, clock=Ticks())
    issued = _issue(ledger, platform=window_id)
    assert principals.authenticate(issued.secret) is not None
    reads: list[int] = []
    log_page = ledger.log_page

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(1)
        return log_page(*args, **kwargs)

    monkeypatch.setattr(ledger, "log_page", counted)
    order = OrderRectification(
        deadline=datetime.now(UTC).date() + timedelta(days=30),
        reasons="不合格",
        citation="reason:data_reports_late",
    )

    act(ledger, ChangePlatformStanding(subject_id=window_id, step=order), SETUP)

    assert principals.authenticate(issued.secret) is not None
    assert reads == []
