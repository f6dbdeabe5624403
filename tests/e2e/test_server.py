"""``sme-ledger serve`` as a real process, driven over HTTP and with the real CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from ledger.domain.time import CST
from tests.e2e._server import Server, create_key, listed_row, run_cli
from tests.e2e.conftest import StartServer

WINDOW_USCC = "91640100MA7AY4CL31"
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def _bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def _admin_key(server: Server) -> str:
    (key,) = server.admin_keys()
    return key


def _register_window(client: httpx.Client, admin: str) -> str:
    response = client.post(
        "/v1/platforms",
        headers=_bearer(admin),
        json={
            "kind": "window",
            "name": "银川市窗口平台",
            "uscc": WINDOW_USCC,
            "region": "640100",
            "occurred_at": "2025-01-02T09:00:00+08:00",  # in the network since then
        },
    )
    assert response.status_code == 201, response.text
    platform_id: str = response.json()["id"]
    return platform_id


def _register_enterprise(client: httpx.Client, window: str) -> None:
    response = client.post(
        "/v1/enterprises",
        headers=_bearer(window),
        json={
            "uscc": ENTERPRISE_USCC,
            "name": "宁夏兴庆精密机械有限公司",
            "region": "640104",
            "industry": "industry",
            "employees": 86,
            "revenue_wan": "4200.00",
        },
    )
    assert response.status_code == 201, response.text


def _delivered_case() -> dict[str, object]:
    """An already-delivered service, recorded in one call an hour after it happened."""
    occurred = datetime.now(UTC) - timedelta(hours=1)
    return {
        "external_ref": "YC-0001",
        "uscc": ENTERPRISE_USCC,
        "category": "100200",
        "channel": "online",
        "description": "政策咨询",
        "occurred_at": occurred.isoformat(),
        "assignment": {"provider_kind": "expert", "provider_name": "王教授"},
        "delivery": {
            "delivered_on": occurred.astimezone(CST).date().isoformat(),
            "mode": "online",
            "fee_type": "free",
        },
    }


def _record(client: httpx.Client, window: str, case: dict[str, object]) -> httpx.Response:
    return client.post(
        "/v1/service-cases",
        headers={**_bearer(window), "Idempotency-Key": "first-case"},
        json=case,
    )


def test_a_window_records_a_delivered_service_that_an_auditor_reads_in_the_log(
    serve: StartServer, sqlite_url: str
) -> None:
    server = serve(sqlite_url)
    admin = _admin_key(server)

    with server.client() as client:
        platform_id = _register_window(client, admin)
        window = create_key(sqlite_url, "--role", "window", "--platform", platform_id)
        _register_enterprise(client, window.secret)
        case = _delivered_case()
        recorded = _record(client, window.secret, case)
        retried = _record(client, window.secret, case)
        history = client.get(
            f"{recorded.headers['location']}/history",
            headers={**_bearer(window.secret), "X-Request-ID": "e2e-history"},
        )
        auditor = create_key(sqlite_url, "--role", "auditor", "--name", "audit")
        log = client.get("/v1/events", headers=_bearer(auditor.secret), params={"after": 0})

    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["status"] == "delivered"
    assert retried.headers["idempotent-replayed"] == "true"
    assert retried.content == recorded.content
    assert history.status_code == 200
    assert history.headers["x-request-id"] == "e2e-history"
    events = history.json()["events"]
    assert [e["type"] for e in events] == [
        "ServiceCase.Opened",
        "ServiceCase.Assigned",
        "ServiceCase.Delivered",
    ]
    assert {e["meta"]["platform_id"] for e in events} == {platform_id}
    assert log.status_code == 200
    assert log.json()["head"] == recorded.json()["position"] + 1  # the auditor key came after
    logged = [e for e in log.json()["events"] if e["stream_id"] == recorded.json()["id"]]
    assert logged == events


def test_cli_keys_are_listed_and_a_revoked_key_stops_working_at_once(
    serve: StartServer, sqlite_url: str
) -> None:
    server = serve(sqlite_url)
    with server.client() as client:
        platform_id = _register_window(client, _admin_key(server))
        window = create_key(
            sqlite_url, "--role", "window", "--platform", platform_id, "--name", "yinchuan"
        )
        before = client.get(f"/v1/platforms/{platform_id}", headers=_bearer(window.secret))

        listed = run_cli(sqlite_url, "keys", "list")
        revoked = run_cli(sqlite_url, "keys", "revoke", window.key_id, "--reason", "rotated")
        after = client.get(f"/v1/platforms/{platform_id}", headers=_bearer(window.secret))
        listed_after = run_cli(sqlite_url, "keys", "list")

    assert before.status_code == 200
    assert listed.returncode == 0, listed.stderr
    row = listed_row(listed.stdout, window.secret)
    assert "window" in row
    assert "yinchuan" in row
    assert "active" in row
    assert window.key_id[:8] in row
    assert "admin" in listed.stdout
    assert revoked.returncode == 0, revoked.stderr
    assert after.status_code == 401
    assert after.headers["content-type"] == "application/problem+json"
    assert after.headers["www-authenticate"].startswith("Bearer")
    assert "revoked" in listed_row(listed_after.stdout, window.secret)


def test_restarting_on_the_same_database_prints_no_new_admin_key(
    serve: StartServer, sqlite_url: str
) -> None:
    first = serve(sqlite_url)
    admin = _admin_key(first)
    first.stop()

    second = serve(sqlite_url)
    with second.client() as client:
        hub = client.post(
            "/v1/platforms",
            headers=_bearer(admin),
            json={"kind": "hub", "name": "宁夏枢纽平台", "uscc": WINDOW_USCC, "region": "640000"},
        )

    assert second.admin_keys() == []
    assert "Serving the ledger on" in second.stderr_path.read_text("utf-8")
    assert hub.status_code == 201, "the first admin key still works after the restart"


def test_the_server_records_and_reads_a_case_on_postgresql(
    serve: StartServer, postgres_url: str
) -> None:
    server = serve(postgres_url)

    with server.client() as client:
        ready = client.get("/readyz")
        platform_id = _register_window(client, _admin_key(server))
        window = create_key(postgres_url, "--role", "window", "--platform", platform_id)
        _register_enterprise(client, window.secret)
        recorded = _record(client, window.secret, _delivered_case())
        read = client.get(recorded.headers["location"], headers=_bearer(window.secret))

    assert ready.json()["status"] == "ready"
    assert recorded.status_code == 201, recorded.text
    assert read.json() == {k: v for k, v in recorded.json().items() if k != "position"}
    assert read.headers["etag"] == '"3"'
