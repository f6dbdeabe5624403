from typing import Literal

ViolationRecordSeverity = Literal["minor", "serious"]

VIOLATION_RECORD_SEVERITY_VALUES: set[ViolationRecordSeverity] = {
    "minor",
    "serious",
}


def check_violation_record_severity(value: str) -> ViolationRecordSeverity:
    if value in VIOLATION_RECORD_SEVERITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIOLATION_RECORD_SEVERITY_VALUES!r}"
    )
