"""The Python client (clients/python) against ``sme-ledger serve``: a window's nightly sync,
typed answers, problems as exceptions, and a retry that is recorded once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from sme_ledger_client import ConflictError, Ledger, NotFoundError, answer
from sme_ledger_client.bulk import import_cases
from sme_ledger_client.openapi.api.enterprises import register_enterprise
from sme_ledger_client.openapi.api.platforms import register_platform
from sme_ledger_client.openapi.api.service_cases import open_case, read_service_case
from sme_ledger_client.openapi.models import (
    AssignmentBody,
    CaseOpening,
    DeliveryBody,
    EnterpriseRegistration,
    PlatformRegistration,
)

from ledger.domain.time import CST
from tests.e2e._server import Server, create_key
from tests.e2e.conftest import StartServer

WINDOW_USCC = "91640100MA7AY4CL31"
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def _delivered(external_ref: str) -> CaseOpening:
    """An already-delivered service, recorded in one call an hour after it happened."""
    occurred = datetime.now(UTC) - timedelta(hours=1)
    return CaseOpening(
        external_ref=external_ref,
        uscc=ENTERPRISE_USCC,
        category="100200",
        channel="online",
        description="政策咨询",
        occurred_at=occurred,
        assignment=AssignmentBody(provider_kind="expert", provider_name="王教授"),
        delivery=DeliveryBody(
            delivered_on=occurred.astimezone(CST).date(), mode="online", fee_type="free"
        ),
    )


def _window(server: Server, sqlite_url: str) -> str:
    (admin,) = server.admin_keys()
    with Ledger(server.base_url, admin) as ledger:
        platform = ledger.call(
            register_platform.sync_detailed,
            body=PlatformRegistration(
                kind="window", name="银川市窗口平台", uscc=WINDOW_USCC, region="640100",
                occurred_at=datetime(2025, 1, 2, 9, tzinfo=CST),
            ),
        )  # fmt: skip
    return create_key(sqlite_url, "--role", "window", "--platform", platform.id).secret


def _register_enterprise(ledger: Ledger) -> None:
    ledger.call(
        register_enterprise.sync_detailed,
        body=EnterpriseRegistration(
            uscc=ENTERPRISE_USCC, name="宁夏兴庆精密机械有限公司", region="640104",
            industry="industry", employees=86, revenue_wan="4200.00",
        ),
    )  # fmt: skip


def test_a_window_records_and_reads_typed_answers_and_a_retry_is_recorded_once(
    serve: StartServer, sqlite_url: str
) -> None:
    server = serve(sqlite_url)
    window = _window(server, sqlite_url)

    with Ledger(server.base_url, window) as ledger:
        _register_enterprise(ledger)
        delivered = _delivered("YC-0001")
        first = ledger.call(open_case.sync_detailed, body=delivered, idempotency_key="nightly-1")
        retried = ledger.call(open_case.sync_detailed, body=delivered, idempotency_key="nightly-1")
        read = answer(read_service_case.sync_detailed(UUID(first.id), client=ledger.client))
        with pytest.raises(NotFoundError) as missing:
            ledger.call(read_service_case.sync_detailed, UUID(int=1))
        with pytest.raises(ConflictError) as refused:
            ledger.call(open_case.sync_detailed, body=_delivered("YC-0001"))

    assert first.status == "delivered"
    assert (retried.id, retried.position) == (first.id, first.position)
    assert read.version == first.version
    assert missing.value.code == "service_case_not_found"
    assert refused.value.code == "external_ref_exists"


def test_a_nightly_import_run_twice_records_each_case_once(
    serve: StartServer, sqlite_url: str
) -> None:
    server = serve(sqlite_url)
    window = _window(server, sqlite_url)
    records = [_delivered(f"YC-N-{n:03}").to_dict() for n in range(5)]
    records.append({**records[0], "external_ref": "YC-N-BAD", "uscc": "91640104MA71TJ3Y8X"})

    with Ledger(server.base_url, window) as ledger:
        _register_enterprise(ledger)
        first = import_cases(ledger, records, batch_size=2)
        again = import_cases(ledger, records, batch_size=4)

    assert (first.created, first.rejected, first.batches) == (5, 1, 3)
    assert [r.index for r in first.results] == list(range(6))
    assert first.results[5].status == "rejected"
    assert (again.created, again.exists, again.rejected) == (0, 5, 1)
