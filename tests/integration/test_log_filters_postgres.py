"""The log filtered by event type on PostgreSQL: the topic index answers it, in log order."""

from __future__ import annotations

import psycopg

from ledger.application.app import LedgerApplication
from ledger.application.interface.event_types import topics_of
from tests.integration._support import Network


def test_a_page_of_one_type_is_that_type_in_log_order(
    pg_ledger: LedgerApplication, network: Network, postgres_url: str
) -> None:
    (topic,) = topics_of(["Platform.RegisteredAsConnected"])

    page = pg_ledger.log_page(0, 100, topics=[topic])
    everything = pg_ledger.log_page(0, 1000)

    assert [e.position for e in page] == [e.position for e in everything if e.topic == topic]
    assert page, "the network registers platforms"
    assert pg_ledger.log_page(0, 100, topics=[topic], until=page[0].position) == page[:1]
    with psycopg.connect(postgres_url) as conn:
        indexes = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes")}
    assert "ledger_events_topic_idx" in indexes
