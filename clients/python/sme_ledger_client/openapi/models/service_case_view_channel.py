from typing import Literal

ServiceCaseViewChannel = Literal["offline", "online"]

SERVICE_CASE_VIEW_CHANNEL_VALUES: set[ServiceCaseViewChannel] = {
    "offline",
    "online",
}


def check_service_case_view_channel(value: str) -> ServiceCaseViewChannel:
    if value in SERVICE_CASE_VIEW_CHANNEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SERVICE_CASE_VIEW_CHANNEL_VALUES!r}"
    )
