"""A key revoked by one process is refused by every other for each write committed after it.

Two ``sme-ledger serve`` processes share one PostgreSQL database; sixteen clients write cases
with one window key through both. The key is revoked by a third process (``sme-ledger keys
revoke``) while writes are in flight. Afterwards the log holds no event by that key at a
position after the revocation, and every write answered after it was refused.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg

from tests.e2e._server import create_key, run_cli
from tests.e2e.conftest import StartServer
from tests.e2e.test_server import _admin_key, _bearer, _register_enterprise, _register_window

CLIENTS = 16


def _case(ref: str) -> dict[str, object]:
    return {
        "external_ref": ref,
        "uscc": "91640104MA71TJ3Y8G",
        "category": "100200",
        "channel": "online",
        "description": "",
    }


def test_writes_in_flight_in_two_processes_are_refused_once_the_key_is_revoked(
    serve: StartServer, postgres_url: str
) -> None:
    servers = [serve(postgres_url), serve(postgres_url)]
    with servers[0].client() as client:
        platform_id = _register_window(client, _admin_key(servers[0]))
        window = create_key(postgres_url, "--role", "window", "--platform", platform_id)
        _register_enterprise(client, window.secret)
    stop = threading.Event()

    def write(n: int) -> list[int]:
        statuses = []
        with httpx.Client(base_url=servers[n % 2].base_url, timeout=30) as http:
            i = 0
            while not stop.is_set():
                answer = http.post(
                    "/v1/service-cases", headers=_bearer(window.secret), json=_case(f"X-{n}-{i}")
                )
                statuses.append(answer.status_code)
                i += 1
        return statuses

    with ThreadPoolExecutor(CLIENTS) as pool:
        running = [pool.submit(write, n) for n in range(CLIENTS)]
        time.sleep(2.0)
        revoked = run_cli(postgres_url, "keys", "revoke", window.key_id, "--reason", "泄露")
        assert revoked.returncode == 0, revoked.stderr
        time.sleep(1.0)
        stop.set()
        statuses = [s for future in running for s in future.result()]

    with psycopg.connect(postgres_url) as conn:
        (revocation,) = conn.execute(
            "SELECT notification_id FROM ledger_events WHERE originator_id = %s "
            "AND topic LIKE '%%AccessKey.Revoked'",
            (window.key_id,),
        ).fetchone() or (None,)
        after = conn.execute(
            "SELECT count(*) FROM ledger_events WHERE notification_id > %s "
            "AND convert_from(state, 'UTF8') LIKE %s",
            (revocation, f'%"key:{window.key_id}"%'),
        ).fetchone()
        before = conn.execute(
            "SELECT count(*) FROM ledger_events WHERE notification_id < %s "
            "AND convert_from(state, 'UTF8') LIKE %s",
            (revocation, f'%"key:{window.key_id}"%'),
        ).fetchone()

    assert revocation is not None
    assert before is not None
    assert before[0] > CLIENTS, "the clients wrote before the revocation"
    assert after == (0,), "no event by the revoked key lies after its revocation"
    assert set(statuses) <= {201, 401}, statuses
    assert statuses.count(401) >= CLIENTS, "every client was refused after the revocation"
