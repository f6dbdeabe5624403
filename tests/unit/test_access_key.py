"""Access keys: bound to a platform by role, revoked once, and stored only as a hash."""

from __future__ import annotations

import hashlib
from uuid import UUID

import pytest
from eventsourcing.persistence import Mapper

from ledger.domain import ids
from ledger.domain.access_key import (
    KEY_PREFIX,
    PLATFORM_BOUND_ROLES,
    AccessKey,
    Genesis,
    Role,
    hash_secret,
    new_secret,
)
from ledger.domain.errors import KeyAlreadyRevokedError, KeyPlatformMismatchError
from ledger.persistence.transcoder import ledger_transcoder
from tests.unit.builders import WINDOW_ID, meta

SECRET = KEY_PREFIX + "Xq3v0l1dR9nY2mWbK7cP4tA8sE6uF5hJ1gZ0oL9iQwE"
NETWORK_ROLES = [role for role in Role if role not in PLATFORM_BOUND_ROLES]


def _issue(role: Role = Role.ADMIN, platform_id: UUID | None = None) -> AccessKey:
    return AccessKey.issue(
        secret=SECRET, role=role, platform_id=platform_id, name="ops laptop", meta=meta(None)
    )


def test_the_roles_bound_to_a_platform_are_hub_window_and_institution() -> None:
    assert {Role.HUB, Role.WINDOW, Role.INSTITUTION} == PLATFORM_BOUND_ROLES


@pytest.mark.parametrize("role", sorted(PLATFORM_BOUND_ROLES))
def test_a_platform_bound_key_is_issued_for_its_platform(role: Role) -> None:
    key = _issue(role, WINDOW_ID)
    assert key.role is role
    assert key.platform_id == WINDOW_ID
    assert not key.revoked


@pytest.mark.parametrize("role", sorted(PLATFORM_BOUND_ROLES))
def test_a_platform_bound_key_without_a_platform_is_refused(role: Role) -> None:
    with pytest.raises(KeyPlatformMismatchError) as excinfo:
        _issue(role, None)
    assert excinfo.value.code == "key_platform_mismatch"


@pytest.mark.parametrize("role", NETWORK_ROLES)
def test_a_network_wide_key_is_issued_without_a_platform(role: Role) -> None:
    key = _issue(role, None)
    assert key.role is role
    assert key.platform_id is None


@pytest.mark.parametrize("role", NETWORK_ROLES)
def test_a_network_wide_key_bound_to_a_platform_is_refused(role: Role) -> None:
    with pytest.raises(KeyPlatformMismatchError) as excinfo:
        _issue(role, WINDOW_ID)
    assert excinfo.value.code == "key_platform_mismatch"


def test_a_key_is_found_by_the_hash_of_its_secret() -> None:
    key = _issue()
    assert key.secret_hash == hashlib.sha256(SECRET.encode()).hexdigest()
    assert key.secret_hash == hash_secret(SECRET)
    assert key.id == ids.access_key_id(key.secret_hash)


def test_a_key_shows_a_hint_too_short_to_use() -> None:
    key = _issue()
    assert key.hint == SECRET[:8] + "…"
    assert SECRET not in key.hint


def test_the_secret_never_appears_in_the_stored_event() -> None:
    key = _issue(Role.WINDOW, WINDOW_ID)
    (issued,) = key.collect_events()
    stored = Mapper[UUID](transcoder=ledger_transcoder()).to_stored_event(issued)
    assert SECRET.encode() not in stored.state
    assert hash_secret(SECRET).encode() in stored.state
    assert SECRET not in [str(v) for v in vars(key).values()]


def test_the_issued_event_carries_its_envelope() -> None:
    envelope = meta(None, actor="system:bootstrap")
    key = AccessKey.issue(
        secret=SECRET, role=Role.ADMIN, platform_id=None, name="first admin", meta=envelope
    )
    (issued,) = key.collect_events()
    assert isinstance(issued, AccessKey.Issued)
    assert issued.meta == envelope


def test_a_revoked_key_records_why() -> None:
    key = _issue()
    key.revoke("Laptop lost.", meta(None))
    assert key.revoked
    assert key.revocation_reason == "Laptop lost."
    assert [type(e) for e in key.collect_events()] == [AccessKey.Issued, AccessKey.Revoked]


def test_a_key_cannot_be_revoked_twice() -> None:
    key = _issue()
    key.revoke("Laptop lost.", meta(None))
    with pytest.raises(KeyAlreadyRevokedError) as excinfo:
        key.revoke("Again.", meta(None))
    assert excinfo.value.code == "key_already_revoked"
    assert key.version == 2


def test_new_secrets_carry_the_prefix_and_never_repeat() -> None:
    secrets = {new_secret() for _ in range(100)}
    assert len(secrets) == 100
    assert all(s.startswith(KEY_PREFIX) and len(s) == len(KEY_PREFIX) + 43 for s in secrets)


def test_the_genesis_marker_has_a_fixed_id_and_names_the_first_admin_key() -> None:
    key = _issue()
    genesis = Genesis.initialise(key.id, meta(None))
    assert genesis.id == ids.GENESIS_ID
    assert genesis.first_admin_key_id == key.id
