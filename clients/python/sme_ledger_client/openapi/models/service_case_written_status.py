from typing import Literal

ServiceCaseWrittenStatus = Literal[
    "assigned",
    "cancelled",
    "closed",
    "delivered",
    "feedback_received",
    "opened",
    "voided",
]

SERVICE_CASE_WRITTEN_STATUS_VALUES: set[ServiceCaseWrittenStatus] = {
    "assigned",
    "cancelled",
    "closed",
    "delivered",
    "feedback_received",
    "opened",
    "voided",
}


def check_service_case_written_status(value: str) -> ServiceCaseWrittenStatus:
    if value in SERVICE_CASE_WRITTEN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SERVICE_CASE_WRITTEN_STATUS_VALUES!r}"
    )
