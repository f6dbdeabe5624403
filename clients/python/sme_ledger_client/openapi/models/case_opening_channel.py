from typing import Literal

CaseOpeningChannel = Literal["offline", "online"]

CASE_OPENING_CHANNEL_VALUES: set[CaseOpeningChannel] = {
    "offline",
    "online",
}


def check_case_opening_channel(value: str) -> CaseOpeningChannel:
    if value in CASE_OPENING_CHANNEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CASE_OPENING_CHANNEL_VALUES!r}"
    )
