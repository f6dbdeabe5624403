from typing import Literal

InstitutionWrittenStanding = Literal[
    "good", "priority_support", "rectifying", "revocation_requested", "revoked"
]

INSTITUTION_WRITTEN_STANDING_VALUES: set[InstitutionWrittenStanding] = {
    "good",
    "priority_support",
    "rectifying",
    "revocation_requested",
    "revoked",
}


def check_institution_written_standing(value: str) -> InstitutionWrittenStanding:
    if value in INSTITUTION_WRITTEN_STANDING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INSTITUTION_WRITTEN_STANDING_VALUES!r}"
    )
