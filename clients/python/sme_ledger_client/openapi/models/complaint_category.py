from typing import Literal

ComplaintCategory = Literal["conduct", "data", "fees", "other", "service_quality"]

COMPLAINT_CATEGORY_VALUES: set[ComplaintCategory] = {
    "conduct",
    "data",
    "fees",
    "other",
    "service_quality",
}


def check_complaint_category(value: str) -> ComplaintCategory:
    if value in COMPLAINT_CATEGORY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COMPLAINT_CATEGORY_VALUES!r}"
    )
