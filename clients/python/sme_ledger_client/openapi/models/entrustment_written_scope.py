from typing import Literal

EntrustmentWrittenScope = Literal["both", "online_platform", "service_hall"]

ENTRUSTMENT_WRITTEN_SCOPE_VALUES: set[EntrustmentWrittenScope] = {
    "both",
    "online_platform",
    "service_hall",
}


def check_entrustment_written_scope(value: str) -> EntrustmentWrittenScope:
    if value in ENTRUSTMENT_WRITTEN_SCOPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENTRUSTMENT_WRITTEN_SCOPE_VALUES!r}"
    )
