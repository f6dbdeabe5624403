from typing import Literal

PlatformViewStanding = Literal[
    "good", "priority_support", "rectifying", "revocation_requested", "revoked"
]

PLATFORM_VIEW_STANDING_VALUES: set[PlatformViewStanding] = {
    "good",
    "priority_support",
    "rectifying",
    "revocation_requested",
    "revoked",
}


def check_platform_view_standing(value: str) -> PlatformViewStanding:
    if value in PLATFORM_VIEW_STANDING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PLATFORM_VIEW_STANDING_VALUES!r}"
    )
