from typing import Literal

DisbursementWrittenStatus = Literal[
    "approved", "paid", "rejected", "requested", "reversed"
]

DISBURSEMENT_WRITTEN_STATUS_VALUES: set[DisbursementWrittenStatus] = {
    "approved",
    "paid",
    "rejected",
    "requested",
    "reversed",
}


def check_disbursement_written_status(value: str) -> DisbursementWrittenStatus:
    if value in DISBURSEMENT_WRITTEN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DISBURSEMENT_WRITTEN_STATUS_VALUES!r}"
    )
