from typing import Literal

InstitutionViewStatus = Literal["active", "registered", "revoked"]

INSTITUTION_VIEW_STATUS_VALUES: set[InstitutionViewStatus] = {
    "active",
    "registered",
    "revoked",
}


def check_institution_view_status(value: str) -> InstitutionViewStatus:
    if value in INSTITUTION_VIEW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INSTITUTION_VIEW_STATUS_VALUES!r}"
    )
