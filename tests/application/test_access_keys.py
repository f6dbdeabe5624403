"""Access keys: the first admin key exactly once, then issue, authenticate, revoke and list."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import InitialiseLedger, IssueKey, RevokeKey
from ledger.application.queries.access_keys import authenticate, is_initialised, list_keys
from ledger.domain.access_key import Role
from ledger.domain.errors import (
    AccessKeyNotFoundError,
    KeyAlreadyRevokedError,
    KeyPlatformMismatchError,
    LedgerInitialisedError,
    PlatformNotFoundError,
)
from ledger.persistence.config import StoreConfig
from tests.acting import CaughtUp, act
from tests.application.support import envelope

BOOTSTRAP = envelope(None, actor="system:bootstrap")


def test_a_fresh_ledger_is_not_initialised(ledger: LedgerApplication) -> None:
    assert not is_initialised(ledger)
    assert list_keys(ledger, CaughtUp(ledger)) == []


def test_initialising_issues_the_first_admin_key(ledger: LedgerApplication) -> None:
    issued = act(ledger, InitialiseLedger(), BOOTSTRAP)
    assert is_initialised(ledger)
    key = authenticate(ledger, issued.secret)
    assert key is not None
    assert (key.id, key.role, key.platform_id) == (issued.outcome.resource_id, Role.ADMIN, None)
    # The genesis marker and the key are saved together.
    assert issued.outcome.position == ledger.head_position() == 2


def test_a_ledger_is_initialised_exactly_once(ledger: LedgerApplication) -> None:
    act(ledger, InitialiseLedger(), BOOTSTRAP)
    with pytest.raises(LedgerInitialisedError) as excinfo:
        act(ledger, InitialiseLedger(), BOOTSTRAP)
    assert excinfo.value.code == "ledger_initialised"
    assert len(list_keys(ledger, CaughtUp(ledger))) == 1
    assert ledger.head_position() == 2


def test_a_window_key_authenticates_as_its_window(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    issued = act(ledger, IssueKey(role=Role.WINDOW, platform_id=window_id, name="clerk"), BOOTSTRAP)
    key = authenticate(ledger, issued.secret)
    assert key is not None
    assert (key.role, key.platform_id, key.name) == (Role.WINDOW, window_id, "clerk")
    assert issued.outcome.body["hint"] == issued.secret[:8] + "…"


def test_a_key_for_an_unknown_platform_is_not_issued(ledger: LedgerApplication) -> None:
    with pytest.raises(PlatformNotFoundError):
        act(ledger, IssueKey(role=Role.WINDOW, platform_id=UUID(int=7), name="x"), BOOTSTRAP)
    assert ledger.head_position() == 0


def test_a_key_whose_role_does_not_fit_its_platform_is_not_issued(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    head = ledger.head_position()
    with pytest.raises(KeyPlatformMismatchError):
        act(ledger, IssueKey(role=Role.AUDITOR, platform_id=window_id, name="x"), BOOTSTRAP)
    assert ledger.head_position() == head


def test_an_unknown_secret_does_not_authenticate(ledger: LedgerApplication) -> None:
    act(ledger, InitialiseLedger(), BOOTSTRAP)
    assert authenticate(ledger, "sml_not-a-key") is None


def test_a_revoked_key_no_longer_authenticates(ledger: LedgerApplication) -> None:
    issued = act(ledger, IssueKey(role=Role.AUDITOR, platform_id=None, name="audit"), BOOTSTRAP)
    outcome = act(
        ledger, RevokeKey(key_id=issued.outcome.resource_id, reason="Audit finished."), BOOTSTRAP
    )
    assert (outcome.version, outcome.body["revoked"]) == (2, True)
    assert authenticate(ledger, issued.secret) is None


def test_a_key_cannot_be_revoked_twice(ledger: LedgerApplication) -> None:
    issued = act(ledger, IssueKey(role=Role.AUDITOR, platform_id=None, name="audit"), BOOTSTRAP)
    act(ledger, RevokeKey(key_id=issued.outcome.resource_id, reason="Audit finished."), BOOTSTRAP)
    with pytest.raises(KeyAlreadyRevokedError):
        act(ledger, RevokeKey(key_id=issued.outcome.resource_id, reason="Again."), BOOTSTRAP)
    assert ledger.head_position() == 2


def test_revoking_an_unknown_key_is_not_found(ledger: LedgerApplication) -> None:
    with pytest.raises(AccessKeyNotFoundError):
        act(ledger, RevokeKey(key_id=UUID(int=9), reason="Lost."), BOOTSTRAP)


def test_keys_are_listed_in_issue_order_revoked_ones_included(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    first = act(ledger, InitialiseLedger(), BOOTSTRAP)
    second = act(ledger, IssueKey(role=Role.WINDOW, platform_id=window_id, name="a"), BOOTSTRAP)
    third = act(ledger, IssueKey(role=Role.BUREAU, platform_id=None, name="b"), BOOTSTRAP)
    act(ledger, RevokeKey(key_id=second.outcome.resource_id, reason="Left."), BOOTSTRAP)

    keys = list_keys(ledger, CaughtUp(ledger))

    assert [k.id for k in keys] == [
        first.outcome.resource_id,
        second.outcome.resource_id,
        third.outcome.resource_id,
    ]
    assert [k.revoked for k in keys] == [False, True, False]


def test_no_secret_is_written_to_the_database(ledger: LedgerApplication, sqlite_url: str) -> None:
    secrets = [act(ledger, InitialiseLedger(), BOOTSTRAP).secret]
    secrets.append(
        act(ledger, IssueKey(role=Role.AUDITOR, platform_id=None, name="a"), BOOTSTRAP).secret
    )
    with closing(sqlite3.connect(StoreConfig(sqlite_url).sqlite_path)) as db:
        states = [bytes(row[0]) for row in db.execute("SELECT state FROM stored_events")]
    assert len(states) == 3
    for secret in secrets:
        assert not any(secret.encode() in state for state in states)
