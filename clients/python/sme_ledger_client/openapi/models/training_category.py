from typing import Literal

TrainingCategory = Literal[
    "data_reporting",
    "information_security",
    "other",
    "platform_operation",
    "policy",
    "service_skills",
]

TRAINING_CATEGORY_VALUES: set[TrainingCategory] = {
    "data_reporting",
    "information_security",
    "other",
    "platform_operation",
    "policy",
    "service_skills",
}


def check_training_category(value: str) -> TrainingCategory:
    if value in TRAINING_CATEGORY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRAINING_CATEGORY_VALUES!r}"
    )
