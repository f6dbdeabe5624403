from typing import Literal

OperatorAppraisalViewGrade = Literal["不合格", "优秀", "合格"]

OPERATOR_APPRAISAL_VIEW_GRADE_VALUES: set[OperatorAppraisalViewGrade] = {
    "不合格",
    "优秀",
    "合格",
}


def check_operator_appraisal_view_grade(value: str) -> OperatorAppraisalViewGrade:
    if value in OPERATOR_APPRAISAL_VIEW_GRADE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OPERATOR_APPRAISAL_VIEW_GRADE_VALUES!r}"
    )
