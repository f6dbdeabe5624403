from typing import Literal

Role = Literal["admin", "auditor", "bureau", "hub", "institution", "window"]

ROLE_VALUES: set[Role] = {
    "admin",
    "auditor",
    "bureau",
    "hub",
    "institution",
    "window",
}


def check_role(value: str) -> Role:
    if value in ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLE_VALUES!r}")
