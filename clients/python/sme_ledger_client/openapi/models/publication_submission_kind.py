from typing import Literal

PublicationSubmissionKind = Literal["news", "notice", "policy", "service"]

PUBLICATION_SUBMISSION_KIND_VALUES: set[PublicationSubmissionKind] = {
    "news",
    "notice",
    "policy",
    "service",
}


def check_publication_submission_kind(value: str) -> PublicationSubmissionKind:
    if value in PUBLICATION_SUBMISSION_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PUBLICATION_SUBMISSION_KIND_VALUES!r}"
    )
