from typing import Literal

AccessKeyIssuedRole = Literal[
    "admin", "auditor", "bureau", "hub", "institution", "window"
]

ACCESS_KEY_ISSUED_ROLE_VALUES: set[AccessKeyIssuedRole] = {
    "admin",
    "auditor",
    "bureau",
    "hub",
    "institution",
    "window",
}


def check_access_key_issued_role(value: str) -> AccessKeyIssuedRole:
    if value in ACCESS_KEY_ISSUED_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACCESS_KEY_ISSUED_ROLE_VALUES!r}"
    )
