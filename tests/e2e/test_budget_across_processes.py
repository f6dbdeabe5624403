"""Two ``sme-ledger serve`` processes racing one budget line never over-commit it.

The in-process races (``tests/integration/test_budget_concurrency.py``) share one PostgreSQL
database between many ledgers in one process; here the ledgers are two real server processes,
each with its own aggregate cache and its own group commit. Sixteen clients, eight on each
server, request 100.00 each from a line approved at 1000.00, retrying a lost race (``409``)
until they are saved or refused (``422 over_commitment``): exactly ten are saved, six refused,
the line is committed to its approved amount and no further, and the log holds one request and
one reservation per saved request, none for a refused one.
"""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import psycopg

from tests.api._support import new_uscc
from tests.e2e._server import create_key
from tests.e2e.conftest import StartServer
from tests.e2e.test_server import _admin_key, _bearer

CLIENTS = 16
APPROVED = "1000.00"
AMOUNT = "100.00"
FITS = 10
RETRIES = 4 * CLIENTS


def _funded_hub(client: httpx.Client, admin: str, postgres_url: str) -> tuple[str, str, int]:
    """A hub's key, its approved budget (L01: ``APPROVED``) and the budget's year."""
    hub = client.post(
        "/v1/platforms",
        headers=_bearer(admin),
        json={"kind": "hub", "name": "枢纽平台", "uscc": new_uscc(), "region": "640000"},
    )
    assert hub.status_code == 201, hub.text
    hub_key = create_key(postgres_url, "--role", "hub", "--platform", hub.json()["id"]).secret
    bureau_key = create_key(postgres_url, "--role", "bureau").secret
    year = datetime.now(UTC).year
    line = {"code": "L01", "category": "platform_operation", "description": "运营维护"}
    budget = client.post(
        "/v1/budgets",
        headers=_bearer(hub_key),
        json={"year": year, "lines": [{**line, "amount": APPROVED}]},
    )
    assert budget.status_code == 201, budget.text
    approved = client.post(
        f"/v1/budgets/{budget.json()['id']}/approval",
        headers=_bearer(bureau_key),
        json={"lines": [{"code": "L01", "approved_amount": APPROVED}], "note": "同意"},
    )
    assert approved.status_code == 200, approved.text
    return hub_key, budget.json()["id"], year


def _count(url: str, topic_suffix: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM ledger_events WHERE topic LIKE %s", (f"%{topic_suffix}",)
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_two_server_processes_racing_one_budget_line_save_what_fits_and_refuse_the_rest(
    serve: StartServer, postgres_url: str
) -> None:
    servers = [serve(postgres_url), serve(postgres_url)]
    with servers[0].client() as client:
        hub, budget_id, year = _funded_hub(client, _admin_key(servers[0]), postgres_url)
    start = threading.Barrier(CLIENTS)

    def request(n: int) -> tuple[int, list[int]]:
        """Client ``n``'s final status, and every status it was answered."""
        body = {
            "year": year, "line_code": "L01", "amount": AMOUNT, "payee": f"供应商 {n}",
            "purpose": "托管费", "voucher_sha256": uuid.uuid4().hex * 2,
        }  # fmt: skip
        statuses = []
        with httpx.Client(base_url=servers[n % 2].base_url, timeout=30) as http:
            start.wait()
            for _ in range(RETRIES):
                answer = http.post("/v1/disbursements", headers=_bearer(hub), json=body)
                statuses.append(answer.status_code)
                if answer.status_code != 409:
                    break
                assert answer.json()["code"] == "concurrent_modification", answer.text
        return statuses[-1], statuses

    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(request, range(CLIENTS)))

    finals = sorted(final for final, _ in results)
    assert finals == [201] * FITS + [422] * (CLIENTS - FITS), results
    assert any(409 in statuses for _, statuses in results), "the clients raced (some lost)"
    with servers[1].client() as client:
        budget = client.get(f"/v1/budgets/{budget_id}", headers=_bearer(hub))
    assert budget.status_code == 200, budget.text
    (line,) = budget.json()["lines"]
    assert Decimal(line["committed"]) == Decimal(APPROVED)
    assert Decimal(line["remaining"]) == 0
    assert _count(postgres_url, "Disbursement.Requested") == FITS
    assert _count(postgres_url, "Budget.FundsCommitted") == FITS
