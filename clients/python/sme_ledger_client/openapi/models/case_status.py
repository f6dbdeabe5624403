from typing import Literal

CaseStatus = Literal[
    "assigned",
    "cancelled",
    "closed",
    "delivered",
    "feedback_received",
    "opened",
    "voided",
]

CASE_STATUS_VALUES: set[CaseStatus] = {
    "assigned",
    "cancelled",
    "closed",
    "delivered",
    "feedback_received",
    "opened",
    "voided",
}


def check_case_status(value: str) -> CaseStatus:
    if value in CASE_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CASE_STATUS_VALUES!r}"
    )
