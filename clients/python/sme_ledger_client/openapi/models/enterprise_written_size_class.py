from typing import Literal

EnterpriseWrittenSizeClass = Literal["large", "medium", "micro", "small"]

ENTERPRISE_WRITTEN_SIZE_CLASS_VALUES: set[EnterpriseWrittenSizeClass] = {
    "large",
    "medium",
    "micro",
    "small",
}


def check_enterprise_written_size_class(value: str) -> EnterpriseWrittenSizeClass:
    if value in ENTERPRISE_WRITTEN_SIZE_CLASS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENTERPRISE_WRITTEN_SIZE_CLASS_VALUES!r}"
    )
