from typing import Literal

PlatformViewKind = Literal["hub", "window"]

PLATFORM_VIEW_KIND_VALUES: set[PlatformViewKind] = {
    "hub",
    "window",
}


def check_platform_view_kind(value: str) -> PlatformViewKind:
    if value in PLATFORM_VIEW_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PLATFORM_VIEW_KIND_VALUES!r}"
    )
