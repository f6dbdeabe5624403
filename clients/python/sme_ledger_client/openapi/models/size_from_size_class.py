from typing import Literal

SizeFromSizeClass = Literal["large", "medium", "micro", "small"]

SIZE_FROM_SIZE_CLASS_VALUES: set[SizeFromSizeClass] = {
    "large",
    "medium",
    "micro",
    "small",
}


def check_size_from_size_class(value: str) -> SizeFromSizeClass:
    if value in SIZE_FROM_SIZE_CLASS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SIZE_FROM_SIZE_CLASS_VALUES!r}"
    )
