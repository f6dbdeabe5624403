from typing import Literal

CaseDeliveryMode = Literal["online", "onsite", "phone", "written"]

CASE_DELIVERY_MODE_VALUES: set[CaseDeliveryMode] = {
    "online",
    "onsite",
    "phone",
    "written",
}


def check_case_delivery_mode(value: str) -> CaseDeliveryMode:
    if value in CASE_DELIVERY_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CASE_DELIVERY_MODE_VALUES!r}"
    )
