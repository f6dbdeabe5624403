from typing import Literal

EntrustmentWrittenStatus = Literal[
    "awaiting_acceptance", "in_force", "lapsed", "not_yet_in_force", "terminated"
]

ENTRUSTMENT_WRITTEN_STATUS_VALUES: set[EntrustmentWrittenStatus] = {
    "awaiting_acceptance",
    "in_force",
    "lapsed",
    "not_yet_in_force",
    "terminated",
}


def check_entrustment_written_status(value: str) -> EntrustmentWrittenStatus:
    if value in ENTRUSTMENT_WRITTEN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENTRUSTMENT_WRITTEN_STATUS_VALUES!r}"
    )
