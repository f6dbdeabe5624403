from typing import Literal

AppraisalRunSubjectKind = Literal["hub", "institution", "window"]

APPRAISAL_RUN_SUBJECT_KIND_VALUES: set[AppraisalRunSubjectKind] = {
    "hub",
    "institution",
    "window",
}


def check_appraisal_run_subject_kind(value: str) -> AppraisalRunSubjectKind:
    if value in APPRAISAL_RUN_SUBJECT_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {APPRAISAL_RUN_SUBJECT_KIND_VALUES!r}"
    )
