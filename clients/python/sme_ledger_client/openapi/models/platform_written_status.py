from typing import Literal

PlatformWrittenStatus = Literal["connected", "revoked"]

PLATFORM_WRITTEN_STATUS_VALUES: set[PlatformWrittenStatus] = {
    "connected",
    "revoked",
}


def check_platform_written_status(value: str) -> PlatformWrittenStatus:
    if value in PLATFORM_WRITTEN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PLATFORM_WRITTEN_STATUS_VALUES!r}"
    )
