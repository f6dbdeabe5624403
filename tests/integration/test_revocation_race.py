"""A revoked key writes nothing after its revocation, however its writes were in flight.

A command is decided on the key (and platform) its request authenticated with; the save that
commits it checks, inside its locked transaction, that neither has been revoked meanwhile. So
whatever the timing, no event written with a key lies in the log after that key's revocation.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import IssueKey, RevokeKey
from ledger.application.commands.cases import OpenCase
from ledger.application.context import Principal, RequestContext
from ledger.application.group_commit import GroupCommitConfig
from ledger.domain.access_key import Role
from ledger.domain.errors import LedgerError, NotAuthenticatedError
from ledger.domain.service_case import Channel
from tests.acting import act
from tests.integration._support import Network, envelope

WRITERS = 8


def _window_principal(ledger: LedgerApplication, network: Network) -> Principal:
    issued = act(
        ledger,
        IssueKey(role=Role.WINDOW, platform_id=network.window_id, name="窗口系统"),
        envelope(None),
    )
    key = issued.outcome.resource_id
    return Principal.of_key(key, Role.WINDOW, network.window_id, "窗口系统")


def _write_until(
    ledger: LedgerApplication, network: Network, principal: Principal, stop: threading.Event
) -> Callable[[int], list[object]]:
    def writer(n: int) -> list[object]:
        results: list[object] = []
        i = 0
        while not stop.is_set():
            command = OpenCase(
                external_ref=f"RACE-{n}-{i}",
                uscc=network.enterprise_uscc,
                category="10",
                channel=Channel.ONLINE,
                description="",
            )
            try:
                results.append(ledger.handle(command, RequestContext(principal, f"race-{n}-{i}")))
            except LedgerError as e:
                results.append(e)
            i += 1
        return results

    return writer


def _events_by(ledger: LedgerApplication, actor: str, after: int) -> list[int]:
    return [
        logged.position
        for logged in ledger.log_page(after, 100_000)
        if vars(logged.event)["meta"].actor == actor
    ]


@pytest.mark.parametrize("group_commit", [True, False], ids=["group-commit", "saved-alone"])
def test_no_event_of_a_revoked_key_lies_after_its_revocation(
    pg_ledger: LedgerApplication, network: Network, group_commit: bool
) -> None:
    if group_commit:
        pg_ledger.uow.start_group_commit(GroupCommitConfig())
    principal = _window_principal(pg_ledger, network)
    key_id: UUID = principal.key_id  # type: ignore[assignment]
    stop = threading.Event()
    writer = _write_until(pg_ledger, network, principal, stop)
    outcomes: list[list[object]] = [[] for _ in range(WRITERS)]
    threads = [
        threading.Thread(target=lambda n=n: outcomes[n].extend(writer(n))) for n in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    revoked_at = act(pg_ledger, RevokeKey(key_id=key_id, reason="泄露"), envelope(None)).position
    time.sleep(0.3)
    stop.set()
    for thread in threads:
        thread.join(30)
    pg_ledger.uow.stop_group_commit()

    results = [r for per_writer in outcomes for r in per_writer]
    refused = [r for r in results if isinstance(r, NotAuthenticatedError)]
    assert len(results) - len(refused) > WRITERS, "writes were committed before the revocation"
    assert refused, "writes in flight after the revocation were refused"
    assert _events_by(pg_ledger, principal.actor, revoked_at) == []
    assert all(
        isinstance(r, NotAuthenticatedError) or r.position < revoked_at  # type: ignore[attr-defined]
        for r in results
    )
