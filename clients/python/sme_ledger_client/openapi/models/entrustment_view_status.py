from typing import Literal

EntrustmentViewStatus = Literal[
    "awaiting_acceptance", "in_force", "lapsed", "not_yet_in_force", "terminated"
]

ENTRUSTMENT_VIEW_STATUS_VALUES: set[EntrustmentViewStatus] = {
    "awaiting_acceptance",
    "in_force",
    "lapsed",
    "not_yet_in_force",
    "terminated",
}


def check_entrustment_view_status(value: str) -> EntrustmentViewStatus:
    if value in ENTRUSTMENT_VIEW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENTRUSTMENT_VIEW_STATUS_VALUES!r}"
    )
