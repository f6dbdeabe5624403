from typing import Literal

PlatformWrittenKind = Literal["hub", "window"]

PLATFORM_WRITTEN_KIND_VALUES: set[PlatformWrittenKind] = {
    "hub",
    "window",
}


def check_platform_written_kind(value: str) -> PlatformWrittenKind:
    if value in PLATFORM_WRITTEN_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PLATFORM_WRITTEN_KIND_VALUES!r}"
    )
