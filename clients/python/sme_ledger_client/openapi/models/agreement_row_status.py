from typing import Literal

AgreementRowStatus = Literal[
    "expired", "in_force", "not_yet_in_force", "proposed", "terminated"
]

AGREEMENT_ROW_STATUS_VALUES: set[AgreementRowStatus] = {
    "expired",
    "in_force",
    "not_yet_in_force",
    "proposed",
    "terminated",
}


def check_agreement_row_status(value: str) -> AgreementRowStatus:
    if value in AGREEMENT_ROW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AGREEMENT_ROW_STATUS_VALUES!r}"
    )
