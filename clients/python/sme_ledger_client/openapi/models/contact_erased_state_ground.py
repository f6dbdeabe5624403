from typing import Literal

ContactErasedStateGround = Literal[
    "consent_withdrawn", "other_legal", "purpose_achieved", "service_ended", "unlawful"
]

CONTACT_ERASED_STATE_GROUND_VALUES: set[ContactErasedStateGround] = {
    "consent_withdrawn",
    "other_legal",
    "purpose_achieved",
    "service_ended",
    "unlawful",
}


def check_contact_erased_state_ground(value: str) -> ContactErasedStateGround:
    if value in CONTACT_ERASED_STATE_GROUND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONTACT_ERASED_STATE_GROUND_VALUES!r}"
    )
