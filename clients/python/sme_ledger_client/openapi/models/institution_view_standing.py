from typing import Literal

InstitutionViewStanding = Literal[
    "good", "priority_support", "rectifying", "revocation_requested", "revoked"
]

INSTITUTION_VIEW_STANDING_VALUES: set[InstitutionViewStanding] = {
    "good",
    "priority_support",
    "rectifying",
    "revocation_requested",
    "revoked",
}


def check_institution_view_standing(value: str) -> InstitutionViewStanding:
    if value in INSTITUTION_VIEW_STANDING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INSTITUTION_VIEW_STANDING_VALUES!r}"
    )
