from typing import Literal

AccessKeyViewRole = Literal[
    "admin", "auditor", "bureau", "hub", "institution", "window"
]

ACCESS_KEY_VIEW_ROLE_VALUES: set[AccessKeyViewRole] = {
    "admin",
    "auditor",
    "bureau",
    "hub",
    "institution",
    "window",
}


def check_access_key_view_role(value: str) -> AccessKeyViewRole:
    if value in ACCESS_KEY_VIEW_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACCESS_KEY_VIEW_ROLE_VALUES!r}"
    )
