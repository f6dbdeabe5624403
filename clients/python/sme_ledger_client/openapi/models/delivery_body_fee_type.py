from typing import Literal

DeliveryBodyFeeType = Literal["discounted", "free", "paid"]

DELIVERY_BODY_FEE_TYPE_VALUES: set[DeliveryBodyFeeType] = {
    "discounted",
    "free",
    "paid",
}


def check_delivery_body_fee_type(value: str) -> DeliveryBodyFeeType:
    if value in DELIVERY_BODY_FEE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DELIVERY_BODY_FEE_TYPE_VALUES!r}"
    )
