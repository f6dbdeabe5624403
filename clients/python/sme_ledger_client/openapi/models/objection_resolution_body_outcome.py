from typing import Literal

ObjectionResolutionBodyOutcome = Literal["dismissed", "upheld"]

OBJECTION_RESOLUTION_BODY_OUTCOME_VALUES: set[ObjectionResolutionBodyOutcome] = {
    "dismissed",
    "upheld",
}


def check_objection_resolution_body_outcome(
    value: str,
) -> ObjectionResolutionBodyOutcome:
    if value in OBJECTION_RESOLUTION_BODY_OUTCOME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OBJECTION_RESOLUTION_BODY_OUTCOME_VALUES!r}"
    )
