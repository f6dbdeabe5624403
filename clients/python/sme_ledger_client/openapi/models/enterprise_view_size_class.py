from typing import Literal

EnterpriseViewSizeClass = Literal["large", "medium", "micro", "small"]

ENTERPRISE_VIEW_SIZE_CLASS_VALUES: set[EnterpriseViewSizeClass] = {
    "large",
    "medium",
    "micro",
    "small",
}


def check_enterprise_view_size_class(value: str) -> EnterpriseViewSizeClass:
    if value in ENTERPRISE_VIEW_SIZE_CLASS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENTERPRISE_VIEW_SIZE_CLASS_VALUES!r}"
    )
