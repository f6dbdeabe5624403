"""Access keys: the first admin key exactly once, then issue, authenticate, revoke and list."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.domain.access_key import Role
from ledger.domain.errors import (
    AccessKeyNotFoundError,
    KeyAlreadyRevokedError,
    KeyPlatformMismatchError,
    LedgerInitialisedError,
    PlatformNotFoundError,
)
from ledger.persistence.config import StoreConfig
from tests.application.support import envelope

BOOTSTRAP = envelope(None, actor="system:bootstrap")


def test_a_fresh_ledger_is_not_initialised(ledger: LedgerApplication) -> None:
    assert not ledger.is_initialised()
    assert ledger.list_keys() == []


def test_initialising_issues_the_first_admin_key(ledger: LedgerApplication) -> None:
    issued = ledger.initialise(BOOTSTRAP)
    assert ledger.is_initialised()
    key = ledger.authenticate(issued.secret)
    assert key is not None
    assert (key.id, key.role, key.platform_id) == (issued.outcome.resource_id, Role.ADMIN, None)
    # The genesis marker and the key are saved together.
    assert issued.outcome.position == ledger.head_position() == 2


def test_a_ledger_is_initialised_exactly_once(ledger: LedgerApplication) -> None:
    ledger.initialise(BOOTSTRAP)
    with pytest.raises(LedgerInitialisedError) as excinfo:
        ledger.initialise(BOOTSTRAP)
    assert excinfo.value.code == "ledger_initialised"
    assert len(ledger.list_keys()) == 1
    assert ledger.head_position() == 2


def test_a_window_key_authenticates_as_its_window(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    issued = ledger.issue_key(role=Role.WINDOW, platform_id=window_id, name="clerk", meta=BOOTSTRAP)
    key = ledger.authenticate(issued.secret)
    assert key is not None
    assert (key.role, key.platform_id, key.name) == (Role.WINDOW, window_id, "clerk")
    assert issued.outcome.body["hint"] == issued.secret[:8] + "…"


def test_a_key_for_an_unknown_platform_is_not_issued(ledger: LedgerApplication) -> None:
    with pytest.raises(PlatformNotFoundError):
        ledger.issue_key(role=Role.WINDOW, platform_id=UUID(int=7), name="x", meta=BOOTSTRAP)
    assert ledger.head_position() == 0


def test_a_key_whose_role_does_not_fit_its_platform_is_not_issued(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    head = ledger.head_position()
    with pytest.raises(KeyPlatformMismatchError):
        ledger.issue_key(role=Role.AUDITOR, platform_id=window_id, name="x", meta=BOOTSTRAP)
    assert ledger.head_position() == head


def test_an_unknown_secret_does_not_authenticate(ledger: LedgerApplication) -> None:
    ledger.initialise(BOOTSTRAP)
    assert ledger.authenticate("sml_not-a-key") is None


def test_a_revoked_key_no_longer_authenticates(ledger: LedgerApplication) -> None:
    issued = ledger.issue_key(role=Role.AUDITOR, platform_id=None, name="audit", meta=BOOTSTRAP)
    outcome = ledger.revoke_key(issued.outcome.resource_id, "Audit finished.", BOOTSTRAP)
    assert (outcome.version, outcome.body["revoked"]) == (2, True)
    assert ledger.authenticate(issued.secret) is None


def test_a_key_cannot_be_revoked_twice(ledger: LedgerApplication) -> None:
    issued = ledger.issue_key(role=Role.AUDITOR, platform_id=None, name="audit", meta=BOOTSTRAP)
    ledger.revoke_key(issued.outcome.resource_id, "Audit finished.", BOOTSTRAP)
    with pytest.raises(KeyAlreadyRevokedError):
        ledger.revoke_key(issued.outcome.resource_id, "Again.", BOOTSTRAP)
    assert ledger.head_position() == 2


def test_revoking_an_unknown_key_is_not_found(ledger: LedgerApplication) -> None:
    with pytest.raises(AccessKeyNotFoundError):
        ledger.revoke_key(UUID(int=9), "Lost.", BOOTSTRAP)


def test_keys_are_listed_in_issue_order_revoked_ones_included(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    first = ledger.initialise(BOOTSTRAP)
    second = ledger.issue_key(role=Role.WINDOW, platform_id=window_id, name="a", meta=BOOTSTRAP)
    third = ledger.issue_key(role=Role.BUREAU, platform_id=None, name="b", meta=BOOTSTRAP)
    ledger.revoke_key(second.outcome.resource_id, "Left.", BOOTSTRAP)

    keys = ledger.list_keys()

    assert [k.id for k in keys] == [
        first.outcome.resource_id,
        second.outcome.resource_id,
        third.outcome.resource_id,
    ]
    assert [k.revoked for k in keys] == [False, True, False]


def test_no_secret_is_written_to_the_database(ledger: LedgerApplication, sqlite_url: str) -> None:
    secrets = [ledger.initialise(BOOTSTRAP).secret]
    secrets.append(
        ledger.issue_key(role=Role.AUDITOR, platform_id=None, name="a", meta=BOOTSTRAP).secret
    )
    with closing(sqlite3.connect(StoreConfig(sqlite_url).sqlite_path)) as db:
        states = [bytes(row[0]) for row in db.execute("SELECT state FROM stored_events")]
    assert len(states) == 3
    for secret in secrets:
        assert not any(secret.encode() in state for state in states)
