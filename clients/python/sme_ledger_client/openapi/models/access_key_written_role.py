from typing import Literal

AccessKeyWrittenRole = Literal[
    "admin", "auditor", "bureau", "hub", "institution", "window"
]

ACCESS_KEY_WRITTEN_ROLE_VALUES: set[AccessKeyWrittenRole] = {
    "admin",
    "auditor",
    "bureau",
    "hub",
    "institution",
    "window",
}


def check_access_key_written_role(value: str) -> AccessKeyWrittenRole:
    if value in ACCESS_KEY_WRITTEN_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACCESS_KEY_WRITTEN_ROLE_VALUES!r}"
    )
