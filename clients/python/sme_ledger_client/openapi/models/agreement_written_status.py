from typing import Literal

AgreementWrittenStatus = Literal[
    "expired", "in_force", "not_yet_in_force", "proposed", "terminated"
]

AGREEMENT_WRITTEN_STATUS_VALUES: set[AgreementWrittenStatus] = {
    "expired",
    "in_force",
    "not_yet_in_force",
    "proposed",
    "terminated",
}


def check_agreement_written_status(value: str) -> AgreementWrittenStatus:
    if value in AGREEMENT_WRITTEN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AGREEMENT_WRITTEN_STATUS_VALUES!r}"
    )
