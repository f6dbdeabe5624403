from typing import Literal

PlatformViewStatus = Literal["connected", "revoked"]

PLATFORM_VIEW_STATUS_VALUES: set[PlatformViewStatus] = {
    "connected",
    "revoked",
}


def check_platform_view_status(value: str) -> PlatformViewStatus:
    if value in PLATFORM_VIEW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PLATFORM_VIEW_STATUS_VALUES!r}"
    )
