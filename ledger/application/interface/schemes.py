"""Views of published appraisal schemes, and of the scheme an appraisal of a year is scored by."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict

from ledger.application.interface import Resource, common
from ledger.application.interface.appraisals import SubjectKindName
from ledger.domain.published_scheme import PublishedScheme
from ledger.domain.schemes import Scheme


class SchemeVersionView(TypedDict):
    """One version as published: the scheme document (as recorded), its SHA-256 and the note."""

    scheme: dict[str, Any]
    digest: str
    note: str


class PublishedSchemeView(Resource):
    """The scheme of a kind of subject effective from a year (Art. 11-12), every version of it,
    the latest last: an appraisal computed from then on is scored by the latest."""

    subject_kind: SubjectKindName
    effective_from: int
    versions: list[SchemeVersionView]


class SchemeInForce(TypedDict):
    """The scheme a run appraising ``subject_kind`` for ``year`` scores by: the latest version
    published effective from that year or before, else the packaged one."""

    subject_kind: SubjectKindName
    year: int
    source: Literal["published", "packaged"]
    published_id: str | None
    """The published scheme's id (``null`` for the packaged one)."""
    scheme: dict[str, Any]
    digest: str


def published_scheme_view(published: PublishedScheme) -> PublishedSchemeView:
    return {
        **common(published),
        "subject_kind": published.subject_kind,  # type: ignore[typeddict-item]
        "effective_from": published.effective_from,
        "versions": [
            {"scheme": document, "digest": digest, "note": note}
            for document, digest, note in published.versions
        ],
    }


def scheme_in_force_view(
    kind: str, year: int, scheme: Scheme, published: PublishedScheme | None
) -> SchemeInForce:
    return {
        "subject_kind": kind,  # type: ignore[typeddict-item]
        "year": year,
        "source": "packaged" if published is None else "published",
        "published_id": None if published is None else str(published.id),
        "scheme": scheme.document(),
        "digest": scheme.digest,
    }
