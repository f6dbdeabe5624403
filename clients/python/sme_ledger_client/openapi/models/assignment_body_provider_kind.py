from typing import Literal

AssignmentBodyProviderKind = Literal["expert", "institution"]

ASSIGNMENT_BODY_PROVIDER_KIND_VALUES: set[AssignmentBodyProviderKind] = {
    "expert",
    "institution",
}


def check_assignment_body_provider_kind(value: str) -> AssignmentBodyProviderKind:
    if value in ASSIGNMENT_BODY_PROVIDER_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSIGNMENT_BODY_PROVIDER_KIND_VALUES!r}"
    )
