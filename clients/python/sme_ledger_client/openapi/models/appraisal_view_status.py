from typing import Literal

AppraisalViewStatus = Literal["concluded", "open"]

APPRAISAL_VIEW_STATUS_VALUES: set[AppraisalViewStatus] = {
    "concluded",
    "open",
}


def check_appraisal_view_status(value: str) -> AppraisalViewStatus:
    if value in APPRAISAL_VIEW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {APPRAISAL_VIEW_STATUS_VALUES!r}"
    )
