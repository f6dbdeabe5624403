from typing import Literal

DeliveryAmendmentBodyFeeType = Literal["discounted", "free", "paid"]

DELIVERY_AMENDMENT_BODY_FEE_TYPE_VALUES: set[DeliveryAmendmentBodyFeeType] = {
    "discounted",
    "free",
    "paid",
}


def check_delivery_amendment_body_fee_type(value: str) -> DeliveryAmendmentBodyFeeType:
    if value in DELIVERY_AMENDMENT_BODY_FEE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DELIVERY_AMENDMENT_BODY_FEE_TYPE_VALUES!r}"
    )
