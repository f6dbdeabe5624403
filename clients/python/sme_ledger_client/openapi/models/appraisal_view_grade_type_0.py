from typing import Literal

AppraisalViewGradeType0 = Literal["不合格", "优秀", "合格"]

APPRAISAL_VIEW_GRADE_TYPE_0_VALUES: set[AppraisalViewGradeType0] = {
    "不合格",
    "优秀",
    "合格",
}


def check_appraisal_view_grade_type_0(value: str) -> AppraisalViewGradeType0:
    if value in APPRAISAL_VIEW_GRADE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {APPRAISAL_VIEW_GRADE_TYPE_0_VALUES!r}"
    )
