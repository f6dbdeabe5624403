from typing import Literal

ListReportsStatusType0 = Literal["accepted", "requested", "returned", "submitted"]

LIST_REPORTS_STATUS_TYPE_0_VALUES: set[ListReportsStatusType0] = {
    "accepted",
    "requested",
    "returned",
    "submitted",
}


def check_list_reports_status_type_0(value: str) -> ListReportsStatusType0:
    if value in LIST_REPORTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_REPORTS_STATUS_TYPE_0_VALUES!r}"
    )
