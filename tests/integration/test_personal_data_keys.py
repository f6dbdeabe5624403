"""On PostgreSQL, as the service role: contact keys can be read and added, never deleted or
changed by hand; only the erasure's own commit destroys them (0031_personal_data_keys)."""

from __future__ import annotations

import psycopg
import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.participants import (
    EraseEnterpriseContact,
    RecordEnterpriseContact,
)
from ledger.domain import ids
from tests.acting import act
from tests.integration._support import envelope, set_up_network


def keys_of(url: str, subject: object) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT key_id FROM ledger_personal_keys WHERE subject_id = %s", (subject,)
        ).fetchall()


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM ledger_personal_keys",
        "UPDATE ledger_personal_keys SET key = key",
        "TRUNCATE ledger_personal_keys",
        "DELETE FROM ledger_idempotency",
    ],
)
def test_the_service_records_and_erases_contacts_but_cannot_delete_keys_by_hand(
    service_ledger: LedgerApplication, service_url: str, statement: str
) -> None:
    network = set_up_network(service_ledger)
    subject = ids.enterprise_id(network.enterprise_uscc)
    act(
        service_ledger,
        RecordEnterpriseContact(enterprise_id=subject, name="马建国", phone="13995112233"),
        envelope(network.window_id),
    )
    assert len(keys_of(service_url, subject)) == 1

    with (
        psycopg.connect(service_url, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement)
    assert len(keys_of(service_url, subject)) == 1

    act(
        service_ledger,
        EraseEnterpriseContact(enterprise_id=subject, ground="service_ended", reason="服务终止"),
        envelope(network.window_id),
    )
    assert keys_of(service_url, subject) == []
