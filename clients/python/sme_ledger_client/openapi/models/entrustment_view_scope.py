from typing import Literal

EntrustmentViewScope = Literal["both", "online_platform", "service_hall"]

ENTRUSTMENT_VIEW_SCOPE_VALUES: set[EntrustmentViewScope] = {
    "both",
    "online_platform",
    "service_hall",
}


def check_entrustment_view_scope(value: str) -> EntrustmentViewScope:
    if value in ENTRUSTMENT_VIEW_SCOPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENTRUSTMENT_VIEW_SCOPE_VALUES!r}"
    )
