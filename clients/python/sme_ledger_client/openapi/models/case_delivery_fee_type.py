from typing import Literal

CaseDeliveryFeeType = Literal["discounted", "free", "paid"]

CASE_DELIVERY_FEE_TYPE_VALUES: set[CaseDeliveryFeeType] = {
    "discounted",
    "free",
    "paid",
}


def check_case_delivery_fee_type(value: str) -> CaseDeliveryFeeType:
    if value in CASE_DELIVERY_FEE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CASE_DELIVERY_FEE_TYPE_VALUES!r}"
    )
