"""On PostgreSQL: cached aggregates stay correct across processes, snapshots come from their
migrated table, and bulk imports racing on the same records record each exactly once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import psycopg

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import Assign, Cancel, ImportCases, ImportStatus, OpenCase
from ledger.domain.errors import ServiceCaseNotFoundError
from ledger.domain.service_case import Channel, ProviderKind, ServiceCase
from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests.acting import act
from tests.application.support import step_case
from tests.integration._support import (
    Network,
    envelope,
    event_rows,
    open_case,
    race,
    set_up_network,
    start_line,
)


def test_a_cached_case_read_in_one_process_shows_what_another_process_recorded(
    make_ledger: Callable[[str], LedgerApplication], postgres_url: str
) -> None:
    first = make_ledger(postgres_url)
    second = make_ledger(postgres_url)
    network = set_up_network(first)
    case_id = open_case(first, network, "YC-CACHED").resource_id
    assert first.get(ServiceCase, case_id).version == 1  # now in the first process's cache
    assert first.repository.cache is not None

    meta = network.meta()
    step_case(
        second,
        case_id,
        Assign(provider_kind=ProviderKind.EXPERT, provider_name="王教授"),
        meta,
    )

    seen = first.get(ServiceCase, case_id)
    assert seen.version == 2
    assert seen.assignment is not None
    assert seen.assignment.provider_name == "王教授"
    again = step_case(first, case_id, Cancel(reason="撤回"), meta)
    assert again.version == 3, "the first process decides on the version the second recorded"


def test_snapshots_are_kept_in_the_migrated_table_and_reads_match_a_replay(
    postgres_url: str,
) -> None:
    with_snapshots = build_ledger(StoreConfig(postgres_url, snapshot_interval=2))
    without = build_ledger(StoreConfig(postgres_url, snapshot_interval=0, aggregate_cache_size=0))
    try:
        network = set_up_network(with_snapshots)
        case_id = open_case(with_snapshots, network, "YC-SNAP").resource_id
        meta = network.meta()
        step_case(
            with_snapshots,
            case_id,
            Assign(provider_kind=ProviderKind.EXPERT, provider_name="专家"),
            meta,
        )
        step_case(with_snapshots, case_id, Cancel(reason="撤回"), meta)

        with psycopg.connect(postgres_url) as conn:
            rows = conn.execute(
                "SELECT originator_version FROM ledger_snapshots WHERE originator_id = %s",
                (case_id,),
            ).fetchall()
        assert rows == [(2,)]
        now = with_snapshots.clock()
        for reader in (with_snapshots, without):
            assert reader.get(ServiceCase, case_id).status.value == "cancelled"
        assert vars(
            with_snapshots.get_as_of(case_id, ServiceCase, now, ServiceCaseNotFoundError)
        ) == vars(without.get_as_of(case_id, ServiceCase, now, ServiceCaseNotFoundError))
        assert vars(with_snapshots.get(ServiceCase, case_id, 2)) == vars(
            without.get(ServiceCase, case_id, 2)
        )
    finally:
        with_snapshots.close()
        without.close()


def import_batch(today: date, network: Network, count: int) -> ImportCases:
    """``count`` cases opened (one event each), as a window's system would send them."""
    occurred_at = network.meta().occurred_at
    return ImportCases(
        records=tuple(
            OpenCase(
                external_ref=f"YC-IMPORT-{i:04d}",
                uscc=network.enterprise_uscc,
                category="10",
                channel=Channel.ONLINE,
                description=f"政策咨询 {today}",
                occurred_at=occurred_at,
            )
            for i in range(count)
        )
    )


def test_racing_imports_of_the_same_records_record_each_exactly_once(
    make_small_ledger: Callable[[str], LedgerApplication], postgres_url: str
) -> None:
    ledgers = [make_small_ledger(postgres_url) for _ in range(4)]
    network = set_up_network(ledgers[0])
    batch = import_batch(datetime.now(CST).date(), network, 300)
    start = start_line(len(ledgers))

    def attempt(i: int) -> list[ImportStatus]:
        start.wait()
        results = act(ledgers[i], batch, envelope(network.window_id))
        return [r.status for r in results]

    outcomes = race(start, attempt)

    assert all(isinstance(o, list) for o in outcomes), outcomes
    created = sum(o.count(ImportStatus.CREATED) for o in outcomes if isinstance(o, list))
    assert created == 300
    for o in outcomes:
        assert isinstance(o, list)
        assert set(o) <= {ImportStatus.CREATED, ImportStatus.EXISTS}
    assert len(event_rows(postgres_url)) == 2 + 300
