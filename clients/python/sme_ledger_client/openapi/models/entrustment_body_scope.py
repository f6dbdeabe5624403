from typing import Literal

EntrustmentBodyScope = Literal["both", "online_platform", "service_hall"]

ENTRUSTMENT_BODY_SCOPE_VALUES: set[EntrustmentBodyScope] = {
    "both",
    "online_platform",
    "service_hall",
}


def check_entrustment_body_scope(value: str) -> EntrustmentBodyScope:
    if value in ENTRUSTMENT_BODY_SCOPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENTRUSTMENT_BODY_SCOPE_VALUES!r}"
    )
