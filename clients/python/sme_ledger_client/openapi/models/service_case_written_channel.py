from typing import Literal

ServiceCaseWrittenChannel = Literal["offline", "online"]

SERVICE_CASE_WRITTEN_CHANNEL_VALUES: set[ServiceCaseWrittenChannel] = {
    "offline",
    "online",
}


def check_service_case_written_channel(value: str) -> ServiceCaseWrittenChannel:
    if value in SERVICE_CASE_WRITTEN_CHANNEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SERVICE_CASE_WRITTEN_CHANNEL_VALUES!r}"
    )
