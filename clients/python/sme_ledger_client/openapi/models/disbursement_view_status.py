from typing import Literal

DisbursementViewStatus = Literal[
    "approved", "paid", "rejected", "requested", "reversed"
]

DISBURSEMENT_VIEW_STATUS_VALUES: set[DisbursementViewStatus] = {
    "approved",
    "paid",
    "rejected",
    "requested",
    "reversed",
}


def check_disbursement_view_status(value: str) -> DisbursementViewStatus:
    if value in DISBURSEMENT_VIEW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DISBURSEMENT_VIEW_STATUS_VALUES!r}"
    )
