from typing import Literal

AppraisalWrittenSubjectKind = Literal["hub", "institution", "window"]

APPRAISAL_WRITTEN_SUBJECT_KIND_VALUES: set[AppraisalWrittenSubjectKind] = {
    "hub",
    "institution",
    "window",
}


def check_appraisal_written_subject_kind(value: str) -> AppraisalWrittenSubjectKind:
    if value in APPRAISAL_WRITTEN_SUBJECT_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {APPRAISAL_WRITTEN_SUBJECT_KIND_VALUES!r}"
    )
