from typing import Literal

AppraisalWrittenGradeType0 = Literal["不合格", "优秀", "合格"]

APPRAISAL_WRITTEN_GRADE_TYPE_0_VALUES: set[AppraisalWrittenGradeType0] = {
    "不合格",
    "优秀",
    "合格",
}


def check_appraisal_written_grade_type_0(value: str) -> AppraisalWrittenGradeType0:
    if value in APPRAISAL_WRITTEN_GRADE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {APPRAISAL_WRITTEN_GRADE_TYPE_0_VALUES!r}"
    )
