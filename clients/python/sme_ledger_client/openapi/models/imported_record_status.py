from typing import Literal

ImportedRecordStatus = Literal["conflict", "created", "exists", "rejected"]

IMPORTED_RECORD_STATUS_VALUES: set[ImportedRecordStatus] = {
    "conflict",
    "created",
    "exists",
    "rejected",
}


def check_imported_record_status(value: str) -> ImportedRecordStatus:
    if value in IMPORTED_RECORD_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMPORTED_RECORD_STATUS_VALUES!r}"
    )
