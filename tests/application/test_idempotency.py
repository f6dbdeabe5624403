"""An Idempotency-Key makes a retried command answer as the first one did, appending nothing."""

from __future__ import annotations

from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import Cancel
from ledger.application.context import IdempotencyRequest
from ledger.domain.errors import IdempotencyKeyReusedError, UnknownEnterpriseError
from tests.acting import assert_refused_unrecorded
from tests.application.support import (
    assign,
    envelope,
    open_case,
    register_enterprise,
    step_case,
)


def _request(
    key: str = "key-1", body: bytes = b'{"ref":"W-1"}', scope: str = "key:a"
) -> IdempotencyRequest:
    return IdempotencyRequest(
        scope=scope,
        key=key,
        fingerprint=IdempotencyRequest.fingerprint_of("POST", "/v1/service-cases", body),
    )


def test_the_same_request_twice_is_answered_from_the_first_without_appending(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    first = open_case(ledger, window_id, idempotency=_request())
    head = ledger.head_position()

    again = open_case(ledger, window_id, idempotency=_request())

    assert again.replayed
    assert not first.replayed
    assert again.body == first.body
    assert again.position == first.position
    assert (again.resource_id, again.version, again.created) == (
        first.resource_id,
        first.version,
        first.created,
    )
    assert ledger.head_position() == head


def test_a_replay_returns_the_first_answer_even_after_the_case_moved_on(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    case_id = open_case(ledger, window_id).resource_id
    meta = envelope(window_id)
    first = step_case(ledger, case_id, assign(meta), meta, idempotency=_request())
    step_case(ledger, case_id, Cancel(reason="Withdrawn."), meta)

    again = step_case(ledger, case_id, assign(meta), meta, idempotency=_request())

    assert again.replayed
    assert (again.version, again.body["status"]) == (2, "assigned")
    assert again.body == first.body
    assert not again.created


def test_the_same_key_with_a_different_request_is_refused(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    open_case(ledger, window_id, "W-1", idempotency=_request())
    assert_refused_unrecorded(
        ledger,
        IdempotencyKeyReusedError,
        "idempotency_key_reused",
        lambda: open_case(ledger, window_id, "W-2", idempotency=_request(body=b'{"ref":"W-2"}')),
    )


def test_the_same_key_from_another_principal_is_a_new_request(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    open_case(ledger, window_id, "W-1", idempotency=_request(scope="key:a"))
    other = open_case(
        ledger, window_id, "W-2", idempotency=_request(scope="key:b", body=b'{"ref":"W-2"}')
    )
    assert not other.replayed
    assert other.body["external_ref"] == "W-2"


def test_a_refused_command_keeps_no_answer_for_its_key(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    head = ledger.head_position()
    with pytest.raises(UnknownEnterpriseError):
        open_case(ledger, window_id, idempotency=_request())
    assert ledger.head_position() == head

    register_enterprise(ledger)
    retried = open_case(ledger, window_id, idempotency=_request())
    assert retried.created
    assert not retried.replayed


def test_a_replayed_registration_says_it_created_the_resource(ledger: LedgerApplication) -> None:
    first = register_enterprise(ledger, idempotency=_request())
    again = register_enterprise(ledger, idempotency=_request())
    assert again.replayed
    assert again.created
    assert again.body == first.body
    assert ledger.head_position() == 1
