from typing import Literal

PlatformRegistrationKind = Literal["hub", "window"]

PLATFORM_REGISTRATION_KIND_VALUES: set[PlatformRegistrationKind] = {
    "hub",
    "window",
}


def check_platform_registration_kind(value: str) -> PlatformRegistrationKind:
    if value in PLATFORM_REGISTRATION_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PLATFORM_REGISTRATION_KIND_VALUES!r}"
    )
