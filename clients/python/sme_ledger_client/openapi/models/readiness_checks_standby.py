from typing import Literal

ReadinessChecksStandby = Literal["ok", "unavailable"]

READINESS_CHECKS_STANDBY_VALUES: set[ReadinessChecksStandby] = {
    "ok",
    "unavailable",
}


def check_readiness_checks_standby(value: str) -> ReadinessChecksStandby:
    if value in READINESS_CHECKS_STANDBY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {READINESS_CHECKS_STANDBY_VALUES!r}"
    )
