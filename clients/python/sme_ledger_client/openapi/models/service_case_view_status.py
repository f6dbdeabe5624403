from typing import Literal

ServiceCaseViewStatus = Literal[
    "assigned",
    "cancelled",
    "closed",
    "delivered",
    "feedback_received",
    "opened",
    "voided",
]

SERVICE_CASE_VIEW_STATUS_VALUES: set[ServiceCaseViewStatus] = {
    "assigned",
    "cancelled",
    "closed",
    "delivered",
    "feedback_received",
    "opened",
    "voided",
}


def check_service_case_view_status(value: str) -> ServiceCaseViewStatus:
    if value in SERVICE_CASE_VIEW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SERVICE_CASE_VIEW_STATUS_VALUES!r}"
    )
