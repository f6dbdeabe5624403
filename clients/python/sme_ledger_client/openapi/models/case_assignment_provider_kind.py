from typing import Literal

CaseAssignmentProviderKind = Literal["expert", "institution"]

CASE_ASSIGNMENT_PROVIDER_KIND_VALUES: set[CaseAssignmentProviderKind] = {
    "expert",
    "institution",
}


def check_case_assignment_provider_kind(value: str) -> CaseAssignmentProviderKind:
    if value in CASE_ASSIGNMENT_PROVIDER_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CASE_ASSIGNMENT_PROVIDER_KIND_VALUES!r}"
    )
