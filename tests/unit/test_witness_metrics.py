"""The sealer's witness series: every configured witness has them from the start, each
submission is counted by its outcome, and the size a witness last cosigned is shown."""

from __future__ import annotations

from ledger.audit.witnessing import Outcome
from runtime.workers import SealMetrics

BUREAU, AUDIT = "bureau.nx/witness+0a1b2c3d", "audit.nx/witness+4e5f6a7b"


def test_each_witness_has_its_series_and_each_outcome_is_counted() -> None:
    metrics = SealMetrics()
    metrics.witnesses([BUREAU, AUDIT])
    metrics.witnessed(Outcome(BUREAU, "cosigned", 12))
    metrics.witnessed(Outcome(AUDIT, "unavailable", 12, "TimeoutError: timed out"))
    metrics.witnessed(Outcome(BUREAU, "cosigned", 30))

    text = metrics.render().decode()

    assert f'ledger_witness_submissions_total{{outcome="cosigned",witness="{BUREAU}"}} 2.0' in text
    assert (
        f'ledger_witness_submissions_total{{outcome="unavailable",witness="{AUDIT}"}} 1.0' in text
    )
    assert f'ledger_witness_submissions_total{{outcome="refused",witness="{AUDIT}"}} 0.0' in text
    assert f'ledger_witness_cosigned_tree_size{{witness="{BUREAU}"}} 30.0' in text
    assert f'ledger_witness_cosigned_tree_size{{witness="{AUDIT}"}} 0.0' in text
