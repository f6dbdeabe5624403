from typing import Literal

ActivityPlanningMode = Literal["hybrid", "online", "onsite"]

ACTIVITY_PLANNING_MODE_VALUES: set[ActivityPlanningMode] = {
    "hybrid",
    "online",
    "onsite",
}


def check_activity_planning_mode(value: str) -> ActivityPlanningMode:
    if value in ACTIVITY_PLANNING_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACTIVITY_PLANNING_MODE_VALUES!r}"
    )
