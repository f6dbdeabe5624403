from typing import Literal

AppraisalViewSubjectKind = Literal["hub", "institution", "window"]

APPRAISAL_VIEW_SUBJECT_KIND_VALUES: set[AppraisalViewSubjectKind] = {
    "hub",
    "institution",
    "window",
}


def check_appraisal_view_subject_kind(value: str) -> AppraisalViewSubjectKind:
    if value in APPRAISAL_VIEW_SUBJECT_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {APPRAISAL_VIEW_SUBJECT_KIND_VALUES!r}"
    )
