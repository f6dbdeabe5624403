from typing import Literal

AppraisalWrittenStatus = Literal["concluded", "open"]

APPRAISAL_WRITTEN_STATUS_VALUES: set[AppraisalWrittenStatus] = {
    "concluded",
    "open",
}


def check_appraisal_written_status(value: str) -> AppraisalWrittenStatus:
    if value in APPRAISAL_WRITTEN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {APPRAISAL_WRITTEN_STATUS_VALUES!r}"
    )
