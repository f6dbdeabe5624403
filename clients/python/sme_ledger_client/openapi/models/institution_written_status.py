from typing import Literal

InstitutionWrittenStatus = Literal["active", "registered", "revoked"]

INSTITUTION_WRITTEN_STATUS_VALUES: set[InstitutionWrittenStatus] = {
    "active",
    "registered",
    "revoked",
}


def check_institution_written_status(value: str) -> InstitutionWrittenStatus:
    if value in INSTITUTION_WRITTEN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INSTITUTION_WRITTEN_STATUS_VALUES!r}"
    )
