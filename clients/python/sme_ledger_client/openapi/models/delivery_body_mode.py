from typing import Literal

DeliveryBodyMode = Literal["online", "onsite", "phone", "written"]

DELIVERY_BODY_MODE_VALUES: set[DeliveryBodyMode] = {
    "online",
    "onsite",
    "phone",
    "written",
}


def check_delivery_body_mode(value: str) -> DeliveryBodyMode:
    if value in DELIVERY_BODY_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DELIVERY_BODY_MODE_VALUES!r}"
    )
