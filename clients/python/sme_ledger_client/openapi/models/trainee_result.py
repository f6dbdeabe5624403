from typing import Literal

TraineeResult = Literal["absent", "failed", "passed"]

TRAINEE_RESULT_VALUES: set[TraineeResult] = {
    "absent",
    "failed",
    "passed",
}


def check_trainee_result(value: str) -> TraineeResult:
    if value in TRAINEE_RESULT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRAINEE_RESULT_VALUES!r}"
    )
