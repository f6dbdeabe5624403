from typing import Literal

KeyIssueRole = Literal["admin", "auditor", "bureau", "hub", "institution", "window"]

KEY_ISSUE_ROLE_VALUES: set[KeyIssueRole] = {
    "admin",
    "auditor",
    "bureau",
    "hub",
    "institution",
    "window",
}


def check_key_issue_role(value: str) -> KeyIssueRole:
    if value in KEY_ISSUE_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KEY_ISSUE_ROLE_VALUES!r}"
    )
