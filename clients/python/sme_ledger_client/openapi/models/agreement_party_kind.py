from typing import Literal

AgreementPartyKind = Literal["hub", "institution", "window"]

AGREEMENT_PARTY_KIND_VALUES: set[AgreementPartyKind] = {
    "hub",
    "institution",
    "window",
}


def check_agreement_party_kind(value: str) -> AgreementPartyKind:
    if value in AGREEMENT_PARTY_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AGREEMENT_PARTY_KIND_VALUES!r}"
    )
