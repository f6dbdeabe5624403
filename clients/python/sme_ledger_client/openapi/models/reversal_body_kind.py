from typing import Literal

ReversalBodyKind = Literal["clawback", "refund"]

REVERSAL_BODY_KIND_VALUES: set[ReversalBodyKind] = {
    "clawback",
    "refund",
}


def check_reversal_body_kind(value: str) -> ReversalBodyKind:
    if value in REVERSAL_BODY_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REVERSAL_BODY_KIND_VALUES!r}"
    )
