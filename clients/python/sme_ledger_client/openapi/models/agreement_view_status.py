from typing import Literal

AgreementViewStatus = Literal[
    "expired", "in_force", "not_yet_in_force", "proposed", "terminated"
]

AGREEMENT_VIEW_STATUS_VALUES: set[AgreementViewStatus] = {
    "expired",
    "in_force",
    "not_yet_in_force",
    "proposed",
    "terminated",
}


def check_agreement_view_status(value: str) -> AgreementViewStatus:
    if value in AGREEMENT_VIEW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AGREEMENT_VIEW_STATUS_VALUES!r}"
    )
