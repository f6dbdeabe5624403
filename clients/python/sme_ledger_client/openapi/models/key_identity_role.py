from typing import Literal

KeyIdentityRole = Literal["admin", "auditor", "bureau", "hub", "institution", "window"]

KEY_IDENTITY_ROLE_VALUES: set[KeyIdentityRole] = {
    "admin",
    "auditor",
    "bureau",
    "hub",
    "institution",
    "window",
}


def check_key_identity_role(value: str) -> KeyIdentityRole:
    if value in KEY_IDENTITY_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KEY_IDENTITY_ROLE_VALUES!r}"
    )
