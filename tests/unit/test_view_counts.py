"""The counts of a list answer name each value of the enum they count, one key apiece: a value
added to the enum but not to the TypedDict would go uncounted, and the document would not
show it."""

from __future__ import annotations

from ledger.application.interface.complaints import ViolationCounts
from ledger.application.interface.training import TrainingCounts
from ledger.domain.training import TraineeResult
from ledger.domain.violation import Severity, ViolationStatus


def test_the_training_counts_name_every_result_of_a_trainee() -> None:
    results = {r.value for r in TraineeResult}
    assert TrainingCounts.__required_keys__ == {"trainings", "trainees", "hours"} | results


def test_the_violation_counts_name_every_severity_and_every_status_after_found() -> None:
    severities = {s.value for s in Severity}
    statuses = {s.value for s in ViolationStatus}
    assert ViolationCounts.__required_keys__ == severities | statuses
