from typing import Literal

ReversalSignoffKind = Literal["clawback", "refund"]

REVERSAL_SIGNOFF_KIND_VALUES: set[ReversalSignoffKind] = {
    "clawback",
    "refund",
}


def check_reversal_signoff_kind(value: str) -> ReversalSignoffKind:
    if value in REVERSAL_SIGNOFF_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REVERSAL_SIGNOFF_KIND_VALUES!r}"
    )
