"""The rows of the views are their TypedDicts: the columns read are the fields shown."""

from __future__ import annotations

from typing import get_type_hints

from api.views import rows_answer
from projections import funds_trail
from projections.funds_trail import DISBURSEMENT_COLUMNS, DisbursementRow
from projections.registers import ParticipantRow


def test_the_trail_shows_every_column_it_reads_and_the_name_and_role_after_each_actor() -> None:
    read = [name for name, _ in funds_trail._SELECTED]
    expected: list[str] = []
    for column in read:
        expected.append(column)
        if column.endswith("_by"):
            expected += [f"{column}_name", f"{column}_role"]

    assert expected == DISBURSEMENT_COLUMNS == list(DisbursementRow.__annotations__)


def test_a_view_answer_is_its_rows_under_its_key_with_their_count() -> None:
    answer = rows_answer(ParticipantRow, "participants")

    assert answer.__name__ == "ParticipantRows"
    assert get_type_hints(answer) == {"participants": list[ParticipantRow], "count": int}
    assert answer.__required_keys__ == {"participants", "count"}
    assert rows_answer(ParticipantRow, "participants") is answer  # one component, not two
