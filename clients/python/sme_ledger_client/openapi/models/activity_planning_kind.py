from typing import Literal

ActivityPlanningKind = Literal[
    "consultation_day",
    "contest",
    "policy_briefing",
    "roadshow",
    "startup_camp",
    "training",
]

ACTIVITY_PLANNING_KIND_VALUES: set[ActivityPlanningKind] = {
    "consultation_day",
    "contest",
    "policy_briefing",
    "roadshow",
    "startup_camp",
    "training",
}


def check_activity_planning_kind(value: str) -> ActivityPlanningKind:
    if value in ACTIVITY_PLANNING_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACTIVITY_PLANNING_KIND_VALUES!r}"
    )
