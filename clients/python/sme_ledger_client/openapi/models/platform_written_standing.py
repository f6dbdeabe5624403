from typing import Literal

PlatformWrittenStanding = Literal[
    "good", "priority_support", "rectifying", "revocation_requested", "revoked"
]

PLATFORM_WRITTEN_STANDING_VALUES: set[PlatformWrittenStanding] = {
    "good",
    "priority_support",
    "rectifying",
    "revocation_requested",
    "revoked",
}


def check_platform_written_standing(value: str) -> PlatformWrittenStanding:
    if value in PLATFORM_WRITTEN_STANDING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PLATFORM_WRITTEN_STANDING_VALUES!r}"
    )
