from typing import Literal

DeliveryAmendmentBodyMode = Literal["online", "onsite", "phone", "written"]

DELIVERY_AMENDMENT_BODY_MODE_VALUES: set[DeliveryAmendmentBodyMode] = {
    "online",
    "onsite",
    "phone",
    "written",
}


def check_delivery_amendment_body_mode(value: str) -> DeliveryAmendmentBodyMode:
    if value in DELIVERY_AMENDMENT_BODY_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DELIVERY_AMENDMENT_BODY_MODE_VALUES!r}"
    )
